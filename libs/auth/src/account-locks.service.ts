import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, AuditService } from '@app/audit';
import { Clock } from '@app/config';
import { SignInCountersRepository } from './sign-in-counters.repository';

/**
 * Accounts locked by failed sign-ins (the account scope of the throttle), as the administration
 * sees and ends them. An address's or a pair's throttle is left alone: it slows a guesser, not the owner.
 */
@Injectable()
export class AccountLocksService {
  constructor(
    private readonly counters: SignInCountersRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** When the lock of each locked account among `emails` ends (all locked accounts without `emails`). */
  lockedUntil(emails?: string[]): Promise<Map<string, Date>> {
    return this.counters.findAccountLocks(this.clock.now(), emails);
  }

  /**
   * Ends the lock so the owner can sign in at once; audited with the counts the lock held, which
   * would otherwise have been audited when its window closed. False when it was not locked.
   */
  async unlock(user: { id: string; email: string }, actor: Actor): Promise<boolean> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const cleared = await this.counters.clearAccountLock(user.email, m);
      const wasLocked = !!cleared?.blockedUntil && cleared.blockedUntil > now;
      if (!cleared) return false;
      await this.audit.record(
        actor,
        {
          action: 'admin.user-unlocked',
          targetType: 'user',
          targetId: user.id,
          details: { wasLocked, failures: cleared.failures, refused: cleared.refused },
        },
        m,
      );
      return wasLocked;
    });
  }
}
