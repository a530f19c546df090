import { DomainError, ErrorCode } from '@app/http';
import type { EditionStatus } from './edition-status';

export class EditionNotFoundException extends DomainError {
  constructor(id: string) {
    super(ErrorCode.EDITION_NOT_FOUND, `Edition ${id} not found`);
  }
}

export class WrongEditionStatusException extends DomainError<{
  status: EditionStatus;
  allowedFrom: EditionStatus[];
}> {
  constructor(action: string, actual: EditionStatus, allowedFrom: EditionStatus[]) {
    super(
      ErrorCode.EDITION_WRONG_STATUS,
      `Cannot ${action} an edition that is ${actual} (allowed when ${allowedFrom.join(' or ')})`,
      { status: actual, allowedFrom },
    );
  }
}

/**
 * Every statistic of an edition with fewer than K participants is suppressed (docs/statistics.md,
 * "Publishing a small edition"), which KL should know before publishing it; the count is the one
 * figure KL sees that others will not.
 */
export class SmallEditionException extends DomainError<{ participants: number; k: number }> {
  constructor(participants: number, k: number) {
    super(
      ErrorCode.EDITION_TOO_SMALL,
      `Only ${participants} ${participants === 1 ? 'municipality has' : 'municipalities have'} submitted, ` +
        `fewer than K = ${k}: every statistic of the edition will be published as suppressed. ` +
        'Send { "confirmSmallEdition": true } to publish it anyway',
      { participants, k },
    );
  }
}

/** Closing an open edition before its deadline needs a reason (it cuts off those still answering). */
export class CloseReasonRequiredException extends DomainError<{ closesAt: string }> {
  constructor(closesAt: Date) {
    super(
      ErrorCode.EDITION_CLOSE_REASON_REQUIRED,
      `The deadline ${closesAt.toISOString()} has not passed: send { "reason": "…" } to close the edition early`,
      { closesAt: closesAt.toISOString() },
    );
  }
}

export class DeadlineInPastException extends DomainError<{ closesAt: string }> {
  constructor(closesAt: Date) {
    super(ErrorCode.EDITION_DEADLINE_IN_PAST, `closesAt ${closesAt.toISOString()} must be in the future`, {
      closesAt: closesAt.toISOString(),
    });
  }
}
