import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '@app/http/validation.pipe';

/** The service's English field problems in Danish, for the message beside the field. */
const PROBLEMS: Array<[RegExp, string]> = [
  [/must not be in the future/, 'Tidspunktet kan ikke ligge i fremtiden.'],
  [/must not be before awareAt/, 'Tidspunktet kan ikke ligge før, kommunen fik kendskab til hændelsen.'],
  [/must not be before occurredAt/, 'Tidspunktet kan ikke ligge før, hændelsen skete.'],
  [/reasonForDelay|is required: submitted after/, 'Fristen var overskredet: skriv årsagen til forsinkelsen.'],
  [/is itself a duplicate/, 'Den hændelse er selv en dublet: henvis til den oprindelige.'],
  [/must be another incident/, 'En hændelse kan ikke være dublet af sig selv.'],
  [/is not an incident/, 'Der findes ingen hændelse med den reference.'],
  [/is required for duplicate/, 'Skriv referencen på den oprindelige hændelse (KCERT-…).'],
  [/is required for not_an_incident/, 'Vælg, hvorfor det ikke er en hændelse.'],
  [/is not an active KommuneCERT analyst/, 'Vælg en aktiv KommuneCERT-analytiker.'],
  [/must be a type of class/, 'Typen hører ikke til klassen.'],
  [/too large/, 'Filen er større end 10 MB.'],
  [/not an allowed type/, 'Filen er ikke en tilladt type (PDF, PNG, JPEG, GIF, ZIP eller tekst).'],
  [/is required/, 'Feltet skal udfyldes.'],
];

export function danishProblem(problem: string): string {
  return PROBLEMS.find(([re]) => re.test(problem))?.[1] ?? 'Værdien er ikke gyldig.';
}

/** A 4xx that names fields (`details: [{ field, problems }]`), as Danish messages by field; else null. */
export function fieldProblems(e: unknown): Record<string, string> | null {
  if (!(e instanceof HttpException) || e.getStatus() >= 500) return null;
  const body = e.getResponse() as { details?: unknown };
  if (!Array.isArray(body?.details)) return null;
  const out: Record<string, string> = {};
  for (const d of body.details as Array<{ field?: unknown; problems?: unknown }>) {
    if (typeof d.field !== 'string' || !Array.isArray(d.problems)) continue;
    out[d.field] ??= danishProblem(`${d.field} ${d.problems.join(' ')}`);
  }
  return Object.keys(out).length > 0 ? out : null;
}

export const isConflict = (e: unknown) => e instanceof HttpException && e.getStatus() === HttpStatus.CONFLICT;

/**
 * Validates a DTO built from a web form as the API's pipe would (class-validator), so that a forged
 * form value is a field error beside the field and never reaches the database.
 */
export async function validated<T extends object>(dto: T): Promise<T> {
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new BadRequestException({ message: 'Invalid form', details: flattenValidationErrors(errors) });
  }
  return dto;
}
