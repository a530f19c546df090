import { BadRequestException } from '@nestjs/common';
import type { FieldProblem } from './validation.pipe';

/** A 400 in the same shape as the validation pipe's: the message names the field, `details` lists it. */
export function fieldError(field: string, problem: string): BadRequestException {
  const details: FieldProblem[] = [{ field, problems: [problem] }];
  return new BadRequestException({ message: `${field} ${problem}`, details });
}
