import { DomainError, ErrorCode } from './domain-error';
import type { FieldProblem } from './validation.pipe';

/** A 400 in the same shape as the validation pipe's: the message names the field, `details` lists it. */
export function fieldError(field: string, problem: string): DomainError<FieldProblem[]> {
  const details: FieldProblem[] = [{ field, problems: [problem] }];
  return new DomainError(ErrorCode.VALIDATION_FAILED, `${field} ${problem}`, details);
}
