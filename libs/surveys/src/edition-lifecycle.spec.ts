import { UnprocessableEntityException } from '@nestjs/common';
import { ErrorCode } from '@app/http';
import {
  EDITION_CHANGES,
  EditionChangeKind,
  requireChangeAllowed,
  requireCloseReason,
  requireDeadlineAhead,
  requireFutureDeadline,
  requirePublishable,
  whyNotAnswerable,
} from './edition-lifecycle';
import { EDITION_STATUSES, EditionStatus } from './edition-status';
import {
  CloseReasonRequiredException,
  DeadlineInPastException,
  SmallEditionException,
  WrongEditionStatusException,
} from './surveys.exceptions';

describe('edition lifecycle', () => {
  const allowed: Record<EditionChangeKind, EditionStatus[]> = {
    edit: ['draft', 'open'],
    delete: ['draft'],
    editQuestionnaire: ['draft'],
    open: ['draft'],
    close: ['open'],
    publish: ['closed'],
    withdrawPublication: ['published'],
    computeStatistics: ['closed', 'published'],
  };

  describe('which change is allowed from which status', () => {
    for (const kind of Object.keys(EDITION_CHANGES) as EditionChangeKind[]) {
      for (const status of EDITION_STATUSES) {
        const ok = allowed[kind].includes(status);
        it(`${kind} ${ok ? 'is allowed' : 'is refused with 409'} from ${status}`, () => {
          if (ok) expect(() => requireChangeAllowed(kind, status)).not.toThrow();
          else expect(() => requireChangeAllowed(kind, status)).toThrow(WrongEditionStatusException);
        });
      }
    }
  });

  it('names the refused change and the statuses it needs', () => {
    try {
      requireChangeAllowed('publish', 'open');
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(WrongEditionStatusException);
      expect(e).toMatchObject({
        code: ErrorCode.EDITION_WRONG_STATUS,
        message: 'Cannot publish an edition that is open (allowed when closed)',
        details: { status: 'open', allowedFrom: ['closed'] },
      });
    }
  });

  it('opens only with a deadline ahead', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(() => requireFutureDeadline(new Date('2026-03-01T12:00:01Z'), now)).not.toThrow();
    expect(() => requireFutureDeadline(now, now)).toThrow(
      new UnprocessableEntityException('closesAt must be in the future'),
    );
  });

  it('changes a deadline only to one ahead, naming the code', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(() => requireDeadlineAhead(new Date('2026-03-01T12:00:01Z'), now)).not.toThrow();
    expect(() => requireDeadlineAhead(now, now)).toThrow(DeadlineInPastException);
    expect(() => requireDeadlineAhead(now, now)).toThrow(
      expect.objectContaining({ code: ErrorCode.EDITION_DEADLINE_IN_PAST }),
    );
  });

  it('closes before the deadline only with a reason that is not blank', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const ahead = { closesAt: new Date('2026-03-10T00:00:00Z') };
    const passed = { closesAt: new Date('2026-03-01T12:00:00Z') };
    expect(() => requireCloseReason(ahead, undefined, now)).toThrow(CloseReasonRequiredException);
    expect(() => requireCloseReason(ahead, '  ', now)).toThrow(CloseReasonRequiredException);
    expect(requireCloseReason(ahead, 'Alle har svaret', now)).toBe(true);
    expect(requireCloseReason(passed, undefined, now)).toBe(false);
  });

  it('publishes fewer than K participants only when KL confirms it', () => {
    expect(requirePublishable(5, 5, false)).toBe(false);
    expect(() => requirePublishable(4, 5, false)).toThrow(SmallEditionException);
    expect(requirePublishable(4, 5, true)).toBe(true);
    expect(requirePublishable(0, 5, true)).toBe(true);
  });

  describe('when answers may change', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const edition = (status: EditionStatus, closesAt: string | null) => ({
      status,
      year: 2026,
      closesAt: closesAt ? new Date(closesAt) : null,
    });

    it('while open and before the deadline', () => {
      expect(whyNotAnswerable(edition('open', '2026-03-01T12:00:01Z'), now)).toBeNull();
    });

    it('not at or after the deadline, even while still open', () => {
      expect(whyNotAnswerable(edition('open', '2026-03-01T12:00:00Z'), now)).toBe(
        'The deadline for edition 2026 has passed; answers can no longer be changed',
      );
    });

    it.each(['draft', 'closed', 'published'] as const)('not when %s', (status) => {
      expect(whyNotAnswerable(edition(status, '2027-01-01T00:00:00Z'), now)).toBe(
        `Edition 2026 is ${status}; answers can no longer be changed`,
      );
    });
  });
});
