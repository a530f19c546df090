import { Controller, Delete, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '@app/http';
import { Auth } from '../decorators/auth.decorator';
import { ClientAddress, CurrentPrincipal } from '../decorators/current-principal.decorator';
import { actorOf, UserPrincipal } from '../principal';
import { MfaService } from './mfa.service';

/** A platform administrator resets the second factors of a user who lost them. */
@ApiTags('admin')
@Controller('admin/users/:id/mfa')
@Auth('platform_admin')
export class MfaResetController {
  constructor(private readonly mfa: MfaService) {}

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({
    description: "The user's TOTP, recovery codes and passkeys are gone, and their sessions ended",
  })
  @ApiNotFoundResponse({ description: 'No such user' })
  async reset(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() me: UserPrincipal,
    @ClientAddress() address: string,
  ): Promise<void> {
    if (!(await this.mfa.resetForUser(id, actorOf(me, address)))) {
      throw new DomainError(ErrorCode.NOT_FOUND, `No user ${id}`);
    }
  }
}
