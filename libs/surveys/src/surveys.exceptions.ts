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
