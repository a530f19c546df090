import { UnprocessableEntityException } from '@nestjs/common';
import type { EditionStatus } from './edition-status';
import type { Edition } from './edition.entity';
import {
  CloseReasonRequiredException,
  DeadlineInPastException,
  SmallEditionException,
  WrongEditionStatusException,
} from './surveys.exceptions';

/**
 * The edition lifecycle draft → open → closed → published, as pure rules: which change is allowed
 * from which status, and when answers may change. `EditionsService` applies them under a row lock.
 */
export const EDITION_CHANGES = {
  // Title and deadline are settled once answering has ended: a closed edition's figures carry them.
  edit: { verb: 'change the title or deadline of', allowedFrom: ['draft', 'open'] },
  delete: { verb: 'delete', allowedFrom: ['draft'] },
  editQuestionnaire: { verb: 'edit the questionnaire of', allowedFrom: ['draft'] },
  open: { verb: 'open', allowedFrom: ['draft'] },
  close: { verb: 'close', allowedFrom: ['open'] },
  publish: { verb: 'publish', allowedFrom: ['closed'] },
  withdrawPublication: { verb: 'withdraw the publication of', allowedFrom: ['published'] },
  // Statistics exist once answering has ended; publishing keeps them (a recompute may follow).
  computeStatistics: { verb: 'compute statistics for', allowedFrom: ['closed', 'published'] },
} as const satisfies Record<string, { verb: string; allowedFrom: readonly EditionStatus[] }>;

export type EditionChangeKind = keyof typeof EDITION_CHANGES;

export function isChangeAllowed(kind: EditionChangeKind, status: EditionStatus): boolean {
  return (EDITION_CHANGES[kind].allowedFrom as readonly EditionStatus[]).includes(status);
}

/** 409 unless the change is allowed from the edition's present status. */
export function requireChangeAllowed(kind: EditionChangeKind, status: EditionStatus): void {
  const { verb, allowedFrom } = EDITION_CHANGES[kind];
  if (!isChangeAllowed(kind, status)) throw new WrongEditionStatusException(verb, status, [...allowedFrom]);
}

/** An edition opens with a deadline that lies ahead. */
export function requireFutureDeadline(closesAt: Date, now: Date): void {
  if (closesAt.getTime() <= now.getTime())
    throw new UnprocessableEntityException('closesAt must be in the future');
}

/** A changed deadline must still lie ahead (422 `EDITION_DEADLINE_IN_PAST`). */
export function requireDeadlineAhead(closesAt: Date, now: Date): void {
  if (closesAt.getTime() <= now.getTime()) throw new DeadlineInPastException(closesAt);
}

/**
 * Closing before the deadline cuts municipalities off while they may still be answering, so it
 * needs a reason, which the audit chain keeps. Returns whether the close is early.
 */
export function requireCloseReason(
  edition: Pick<Edition, 'closesAt'>,
  reason: string | undefined,
  now: Date,
): boolean {
  const early = !!edition.closesAt && edition.closesAt.getTime() > now.getTime();
  if (early && !reason?.trim()) throw new CloseReasonRequiredException(edition.closesAt!);
  return early;
}

/**
 * Every statistic of an edition with fewer than K participants is suppressed, so such an edition is
 * published only when KL confirms it knowingly. Returns whether the edition is small.
 */
export function requirePublishable(participants: number, k: number, confirmSmallEdition: boolean): boolean {
  const small = participants < k;
  if (small && !confirmSmallEdition) throw new SmallEditionException(participants, k);
  return small;
}

/** Why answers to the edition cannot change now, or null when they can: open and before the deadline. */
export function whyNotAnswerable(
  edition: Pick<Edition, 'status' | 'year' | 'closesAt'>,
  now: Date,
): string | null {
  if (edition.status !== 'open')
    return `Edition ${edition.year} is ${edition.status}; answers can no longer be changed`;
  if (edition.closesAt && edition.closesAt.getTime() <= now.getTime()) {
    return `The deadline for edition ${edition.year} has passed; answers can no longer be changed`;
  }
  return null;
}
