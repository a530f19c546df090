import { validate } from 'class-validator';
import { DomainError, ErrorCode, flattenValidationErrors, isDomainError } from '@app/http';
import type { IncidentFieldProblem, IncidentProblemReason } from '@app/incidents';

/** Why the service refused a field, in Danish, for the message beside the field. */
const INCIDENT_PROBLEM_TEXTS: Record<IncidentProblemReason, string> = {
  REQUIRED: 'Feltet skal udfyldes.',
  INVALID: 'Værdien er ikke gyldig.',
  IN_FUTURE: 'Tidspunktet kan ikke ligge i fremtiden.',
  BEFORE_AWARE: 'Tidspunktet kan ikke ligge før, kommunen fik kendskab til hændelsen.',
  BEFORE_OCCURRED: 'Tidspunktet kan ikke ligge før, hændelsen skete.',
  DELAY_REASON_REQUIRED: 'Fristen var overskredet: skriv årsagen til forsinkelsen.',
  NOT_OWN_MUNICIPALITY: 'Du kan kun anmelde hændelser i din egen kommune.',
  NOT_AN_ANALYST: 'Vælg en aktiv KommuneCERT-analytiker.',
  TYPE_NOT_OF_CLASS: 'Typen hører ikke til klassen.',
  DISPOSITION_REQUIRED: 'Vælg, hvorfor det ikke er en hændelse.',
  DUPLICATE_OF_REQUIRED: 'Skriv referencen på den oprindelige hændelse (KCERT-…).',
  DUPLICATE_NOT_FOUND: 'Der findes ingen hændelse med den reference.',
  DUPLICATE_OF_ITSELF: 'En hændelse kan ikke være dublet af sig selv.',
  DUPLICATE_OF_DUPLICATE: 'Den hændelse er selv en dublet: henvis til den oprindelige.',
  FILE_TOO_LARGE: 'Filen er større end 10 MB.',
  FILE_TYPE_REFUSED: 'Filen er ikke en tilladt type (PDF, PNG, JPEG, GIF, ZIP eller tekst).',
};

/** A field problem without a reason is one the form's own validation found: a value of the wrong form. */
const NO_REASON = INCIDENT_PROBLEM_TEXTS.INVALID;

/** A client error that names fields (`details: [{ field, reason? }]`), as Danish messages by field; else null. */
export function fieldProblems(e: unknown): Record<string, string> | null {
  if (!isDomainError(e) || !Array.isArray(e.details)) return null;
  const out: Record<string, string> = {};
  for (const d of e.details as Array<Partial<IncidentFieldProblem>>) {
    if (typeof d.field !== 'string') continue;
    out[d.field] ??= (d.reason && INCIDENT_PROBLEM_TEXTS[d.reason]) || NO_REASON;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * Validates a DTO built from a web form as the API's pipe would (class-validator), so that a forged
 * form value is a field error beside the field and never reaches the database.
 */
export async function validated<T extends object>(dto: T): Promise<T> {
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Invalid form', flattenValidationErrors(errors));
  }
  return dto;
}
