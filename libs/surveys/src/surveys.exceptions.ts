import { ConflictException, NotFoundException } from '@nestjs/common';
import type { EditionStatus } from './edition-status';

export class EditionNotFoundException extends NotFoundException {
  constructor(id: string) {
    super(`Edition ${id} not found`);
  }
}

export class WrongEditionStatusException extends ConflictException {
  constructor(action: string, actual: EditionStatus, allowedFrom: EditionStatus[]) {
    super({
      message: `Cannot ${action} an edition that is ${actual} (allowed when ${allowedFrom.join(' or ')})`,
      details: { status: actual, allowedFrom },
    });
  }
}

/**
 * Every statistic of an edition with fewer than K participants is suppressed (docs/statistics.md,
 * "Publishing a small edition"), which KL should know before publishing it; the count is the one
 * figure KL sees that others will not.
 */
export class SmallEditionException extends ConflictException {
  constructor(participants: number, k: number) {
    super({
      message:
        `Only ${participants} ${participants === 1 ? 'municipality has' : 'municipalities have'} submitted, ` +
        `fewer than K = ${k}: every statistic of the edition will be published as suppressed. ` +
        'Send { "confirmSmallEdition": true } to publish it anyway',
      details: { participants, k },
    });
  }
}
