import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode } from './domain-error';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Flattens nested class-validator errors into `a.b[0].c`-style field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent
      ? /^\d+$/.test(e.property)
        ? `${parent}[${e.property}]`
        : `${parent}.${e.property}`
      : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** The one validation pipe of the API: unknown fields and wrong types are a 400 naming the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const summary = details.map((d) => `${d.field}: ${d.problems.join(', ')}`).join('; ');
      return new DomainError(ErrorCode.VALIDATION_FAILED, `Invalid request: ${summary}`, details);
    },
  });
}
