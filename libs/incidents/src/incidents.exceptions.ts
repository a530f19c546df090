import { DomainError, ErrorCode } from '@app/http';
import type { FieldProblemOf, IncidentFieldProblem, IncidentProblemReason } from './incident-problem';
import type { IncidentStatus } from './incident-workflow';

export class IncidentNotFoundException extends DomainError {
  constructor(id: string) {
    super(ErrorCode.INCIDENT_NOT_FOUND, `No incident ${id}`);
  }
}

export class IncidentAttachmentNotFoundException extends DomainError {
  constructor(id: string) {
    super(ErrorCode.INCIDENT_ATTACHMENT_NOT_FOUND, `No attachment ${id}`);
  }
}

export class StaleIncidentVersionException extends DomainError<{
  sentVersion: number;
  currentVersion: number;
}> {
  constructor(sent: number, current: number) {
    super(
      ErrorCode.INCIDENT_VERSION_CONFLICT,
      `The incident has changed since version ${sent} (now version ${current}); reload it and apply your change again`,
      { sentVersion: sent, currentVersion: current },
    );
  }
}

export class TransitionNotAllowedException extends DomainError<{
  from: IncidentStatus;
  to: IncidentStatus;
  allowed: readonly IncidentStatus[];
}> {
  constructor(from: IncidentStatus, to: IncidentStatus, allowed: readonly IncidentStatus[]) {
    super(
      ErrorCode.TRANSITION_NOT_ALLOWED,
      `An incident cannot go from ${from} to ${to}; allowed: ${allowed.join(', ')}`,
      { from, to, allowed },
    );
  }
}

export class ObligationNotApplicableException extends DomainError<{ kind: string }> {
  constructor(kind: string, reference: string) {
    super(
      ErrorCode.OBLIGATION_NOT_APPLICABLE,
      `${reference} has no ${kind} obligation (see its personal-data breach and NIS2 assessment)`,
      { kind },
    );
  }
}

/** The same idempotency key (or reporter reference) came with another body. */
export class IdempotencyKeyReusedException extends DomainError<IncidentFieldProblem[]> {
  constructor(field: string, incidentReference: string | null) {
    super(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      `${field} was already used for ${incidentReference ?? 'another report'} with a different body`,
      [{ field, problems: ['was already used with a different body'], reason: 'INVALID' }],
    );
  }
}

export class AttachmentTooLargeException extends DomainError<IncidentFieldProblem[]> {
  constructor(maxBytes: number) {
    super(ErrorCode.ATTACHMENT_TOO_LARGE, `file is larger than ${maxBytes / 1024 / 1024} MB`, [
      { field: 'file', problems: ['is too large'], reason: 'FILE_TOO_LARGE' },
    ]);
  }
}

export class AttachmentTypeRefusedException extends DomainError<IncidentFieldProblem[]> {
  constructor() {
    super(
      ErrorCode.ATTACHMENT_TYPE_REFUSED,
      'file is not an allowed type (PDF, PNG, JPEG, GIF, ZIP or plain text, judged by its content)',
      [{ field: 'file', problems: ['is not an allowed type'], reason: 'FILE_TYPE_REFUSED' }],
    );
  }
}

/**
 * A 400 naming one field, in the validation pipe's shape (`details: [{ field, problems }]`) plus the
 * reason, so that the web can say it in Danish beside the field.
 */
export function incidentFieldError(
  field: string,
  problem: string,
  reason: IncidentProblemReason,
): DomainError<IncidentFieldProblem[]> {
  return new DomainError(ErrorCode.VALIDATION_FAILED, `${field} ${problem}`, [
    { field, problems: [problem], reason },
  ]);
}

/** The error of a problem a pure rule found. */
export const fieldProblemError = (p: FieldProblemOf) => incidentFieldError(p.field, p.problem, p.reason);
