import {
  ConflictException,
  ForbiddenException,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { IncidentStatus } from './incident-workflow';

export class IncidentNotFoundException extends NotFoundException {
  constructor(id: string) {
    super(`No incident ${id}`);
  }
}

export class IncidentAttachmentNotFoundException extends NotFoundException {
  constructor(id: string) {
    super(`No attachment ${id}`);
  }
}

export class IncidentAccessDeniedException extends ForbiddenException {}

export class StaleIncidentVersionException extends ConflictException {
  constructor(sent: number, current: number) {
    super({
      message: `The incident has changed since version ${sent} (now version ${current}); reload it and apply your change again`,
      details: { sentVersion: sent, currentVersion: current },
    });
  }
}

export class TransitionNotAllowedException extends ConflictException {
  constructor(from: IncidentStatus, to: IncidentStatus, allowed: readonly IncidentStatus[]) {
    super({
      message: `An incident cannot go from ${from} to ${to}; allowed: ${allowed.join(', ')}`,
      details: { from, to, allowed },
    });
  }
}

export class ObligationNotApplicableException extends ConflictException {
  constructor(kind: string, reference: string) {
    super({
      message: `${reference} has no ${kind} obligation (see its personal-data breach and NIS2 assessment)`,
      details: { kind },
    });
  }
}

/** The same idempotency key (or reporter reference) came with another body. */
export class IdempotencyKeyReusedException extends UnprocessableEntityException {
  constructor(field: string, incidentReference: string | null) {
    super({
      message: `${field} was already used for ${incidentReference ?? 'another report'} with a different body`,
      details: [{ field, problems: ['was already used with a different body'] }],
    });
  }
}
