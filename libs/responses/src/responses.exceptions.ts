import { DomainError, ErrorCode } from '@app/http';
import type { AnswerProblem } from './answer-validation';

/**
 * A whole-response action (submit, reopen) based on a version that is no longer current, or any
 * write based on a version the response never had. Answer saves are merged per question instead.
 */
export class StaleVersionException extends DomainError<{ sentVersion: number; currentVersion: number }> {
  constructor(sent: number, current: number) {
    super(
      ErrorCode.VERSION_CONFLICT,
      sent > current
        ? `The response has no version ${sent} yet (it is at version ${current}); reload it`
        : `The response has changed since version ${sent} (now version ${current}): answers were saved after you loaded it; review them and try again`,
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

export class UnknownQuestionException extends DomainError<{ questionKey: string }> {
  constructor(questionKey: string) {
    super(ErrorCode.NOT_FOUND, `No question ${questionKey} in this edition`, { questionKey });
  }
}
