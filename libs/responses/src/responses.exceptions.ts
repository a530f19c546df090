import { DomainError, ErrorCode } from '@app/http';
import type { AnswerProblem } from './answer-validation';

export class StaleVersionException extends DomainError<{ sentVersion: number; currentVersion: number }> {
  constructor(sent: number, current: number) {
    super(
      ErrorCode.VERSION_CONFLICT,
      `The response has changed since version ${sent} (now version ${current}); reload it and apply your changes again`,
      { sentVersion: sent, currentVersion: current },
    );
  }
}

export class ResponseReadOnlyException extends DomainError<{ readOnly: true }> {
  constructor(reason: string) {
    super(ErrorCode.RESPONSE_READ_ONLY, reason, { readOnly: true });
  }
}

export class InvalidAnswersException extends DomainError<AnswerProblem[]> {
  constructor(problems: AnswerProblem[]) {
    super(
      ErrorCode.ANSWER_INVALID,
      `Invalid answers: ${problems.map((p) => `${p.questionKey}: ${p.problem}`).join('; ')}`,
      problems,
    );
  }
}

export class MissingRequiredAnswersException extends DomainError<{ missing: string[] }> {
  constructor(keys: string[]) {
    super(
      ErrorCode.ANSWERS_MISSING,
      `${keys.length} required question${keys.length === 1 ? '' : 's'} not answered: ${keys.join(', ')}`,
      { missing: keys },
    );
  }
}
