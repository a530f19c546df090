import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiNoContentResponse } from '@nestjs/swagger';
import { AuthService } from './auth.service';
import { Auth } from './decorators/auth.decorator';
import { ClientAddress, CurrentPrincipal } from './decorators/current-principal.decorator';
import { RevokedSessionsDto, SessionDto } from './dto/mfa.dto';
import { actorOf, UserPrincipal } from './principal';

/** The signed-in user's web sessions (browsers). An API token is not one; it expires by itself. */
@ApiTags('sessions')
@Controller('me/sessions')
@Auth()
export class SessionsController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @ApiOkResponse({ type: [SessionDto] })
  list(@CurrentPrincipal() me: UserPrincipal): Promise<SessionDto[]> {
    return this.auth.listSessions(me.id);
  }

  /** "Log out everywhere": every browser session of the caller. */
  @Delete()
  @ApiOkResponse({ type: RevokedSessionsDto })
  async revokeAll(
    @CurrentPrincipal() me: UserPrincipal,
    @ClientAddress() address: string,
  ): Promise<RevokedSessionsDto> {
    return { revoked: await this.auth.revokeOtherSessions(me.id, actorOf(me, address)) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is over' })
  @ApiNotFoundResponse({ description: 'SESSION_NOT_FOUND: not yours, or already over' })
  revoke(
    @CurrentPrincipal() me: UserPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @ClientAddress() address: string,
  ): Promise<void> {
    return this.auth.revokeSession(me.id, id, actorOf(me, address));
  }
}
