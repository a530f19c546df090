import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService } from '@app/audit';
import type { UserPrincipal } from './principal';
import { hashSecretToken } from './secret-tokens';
import { ActiveWebSession, WebSessionsRepository } from './web-sessions.repository';

/** A user's own signed-in browsers: listing them, and signing out everywhere else. */
@Injectable()
export class WebSessionsService {
  constructor(
    private readonly sessions: WebSessionsRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The user's live web sessions, newest first, the one holding `currentToken` marked. */
  listOwn(user: UserPrincipal, currentToken: string | undefined): Promise<ActiveWebSession[]> {
    return this.sessions.findActive(user.id, currentToken ? hashSecretToken(currentToken) : null);
  }

  /** "Log ud andre steder": every other live session of the user ends now. Returns how many. */
  async revokeOthers(user: UserPrincipal, currentToken: string, actor: Actor): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const revoked = await this.sessions.revokeAllExcept(user.id, hashSecretToken(currentToken), m);
      await this.audit.record(
        actor,
        {
          action: 'auth.other-sessions-revoked',
          targetType: 'user',
          targetId: user.id,
          details: { revoked },
        },
        m,
      );
      return revoked;
    });
  }

  /** Ends every session of a user an administrator deactivates (pass the deactivation's transaction). */
  revokeAllOf(userId: string, manager: EntityManager): Promise<number> {
    return this.sessions.revokeAllOf(userId, manager);
  }
}
