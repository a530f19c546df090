import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '@app/audit';
import { AuthService } from './auth.service';
import type { UserPrincipal } from './principal';
import { ActiveWebSession, WebSessionsRepository } from './web-sessions.repository';

/** A user's own signed-in browsers for the web pages: the same rules as /api/v1/me/sessions. */
@Injectable()
export class WebSessionsService {
  constructor(
    private readonly sessions: WebSessionsRepository,
    private readonly auth: AuthService,
  ) {}

  /** The user's live web sessions, most recently used first, the one holding `currentToken` marked. */
  listOwn(user: UserPrincipal, currentToken: string | undefined): Promise<ActiveWebSession[]> {
    return this.auth.listSessions(user.id, currentToken);
  }

  /** "Log ud andre steder": every other live session of the user ends now (audited). Returns how many. */
  revokeOthers(user: UserPrincipal, currentToken: string, actor: Actor): Promise<number> {
    return this.auth.revokeOtherSessions(user.id, actor, currentToken);
  }

  /** Ends every session of a user an administrator deactivates (pass the deactivation's transaction). */
  revokeAllOf(userId: string, manager: EntityManager): Promise<number> {
    return this.sessions.revokeAllOf(userId, manager);
  }
}
