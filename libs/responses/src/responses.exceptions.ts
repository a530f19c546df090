import { ConflictException, UnprocessableEntityException } from '@nestjs/common';
import type { AnswerProblem } from './answer-validation';

export class StaleVersionException extends ConflictException {
  constructor(sent: number, current: number) {
    super({
      message: `The response has changed since version ${sent} (now version ${current}); reload it and apply your changes again`,
      details: { sentVersion: sent, currentVersion: current },
    });
  }
}

export class ResponseReadOnlyException extends ConflictException {
  constructor(reason: string) {
    super({ message: reason, details: { readOnly: true } });
  }
}

export class InvalidAnswersException extends UnprocessableEntityException {
  constructor(problems: AnswerProblem[]) {
    super({
      message: `Invalid answers: ${problems.map((p) => `${p.questionKey}: ${p.problem}`).join('; ')}`,
      details: problems,
    });
  }
}

export class MissingRequiredAnswersException extends UnprocessableEntityException {
  constructor(keys: string[]) {
    super({
      message: `${keys.length} required question${keys.length === 1 ? '' : 's'} not answered: ${keys.join(', ')}`,
      details: { missing: keys },
    });
  }
}
