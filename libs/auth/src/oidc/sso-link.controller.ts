import { Controller, Delete, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '@app/http';
import { Auth } from '../decorators/auth.decorator';
import { ClientAddress, CurrentPrincipal } from '../decorators/current-principal.decorator';
import { actorOf, UserPrincipal } from '../principal';
import { SsoLinks } from './sso-links';

/**
 * A platform administrator removes a user's link to their provider subject (a new account at the
 * provider, or a link refused as `sso-link-conflict`); the next SSO sign-in maps by e-mail again.
 */
@ApiTags('admin')
@Controller('admin/users/:id/sso-link')
@Auth('platform_admin')
export class SsoLinkController {
  constructor(private readonly links: SsoLinks) {}

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: "The user's SSO links are gone (also when there were none); audited" })
  @ApiNotFoundResponse({ description: 'No such user' })
  async remove(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() me: UserPrincipal,
    @ClientAddress() address: string,
  ): Promise<void> {
    if (!(await this.links.removeForUser(id, actorOf(me, address)))) {
      throw new DomainError(ErrorCode.NOT_FOUND, `No user ${id}`);
    }
  }
}
