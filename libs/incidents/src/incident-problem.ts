/**
 * Why a field of an incident request was refused, as a stable reason beside the English text: the
 * web shows each reason in Danish beside its field and never reads the English again.
 */
export type IncidentProblemReason =
  | 'REQUIRED'
  | 'INVALID'
  | 'IN_FUTURE'
  | 'BEFORE_AWARE'
  | 'BEFORE_OCCURRED'
  | 'DELAY_REASON_REQUIRED'
  | 'NOT_OWN_MUNICIPALITY'
  | 'NOT_AN_ANALYST'
  | 'TYPE_NOT_OF_CLASS'
  | 'DISPOSITION_REQUIRED'
  | 'DUPLICATE_OF_REQUIRED'
  | 'DUPLICATE_NOT_FOUND'
  | 'DUPLICATE_OF_ITSELF'
  | 'DUPLICATE_OF_DUPLICATE'
  | 'FILE_TOO_LARGE'
  | 'FILE_TYPE_REFUSED';

/** One refused field: the API's `details` entry (`field`, English `problems`) with its reason. */
export interface IncidentFieldProblem {
  field: string;
  problems: string[];
  reason: IncidentProblemReason;
}

/** A problem found by a pure rule (times, taxonomy, workflow), before it becomes an error. */
export interface FieldProblemOf<F extends string = string> {
  field: F;
  problem: string;
  reason: IncidentProblemReason;
}
