import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth, ClientAddress, CURRENT_SECRET_THROTTLED, CurrentPrincipal, UserPrincipal } from '@app/auth';
import {
  ChangePasswordDto,
  PasswordResetAcceptedDto,
  PasswordResetRequestDto,
  PasswordSetDto,
  SetPasswordDto,
} from './dto/password.dto';
import { PasswordsService } from './passwords.service';

const RESET_ANSWER = 'If the address has an account, a link has been sent to it.';

@ApiTags('auth')
@Controller()
export class PasswordsController {
  constructor(private readonly passwords: PasswordsService) {}

  /** The same 202 whether or not the address has an account; the link (1 h) goes by e-mail only. */
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: PasswordResetAcceptedDto })
  requestReset(
    @Body() dto: PasswordResetRequestDto,
    @ClientAddress() address: string,
  ): PasswordResetAcceptedDto {
    this.passwords.requestReset(dto.email, address);
    return { message: RESET_ANSWER };
  }

  /** Uses an invitation or reset link; every session and token of the user ends. */
  @Post('auth/set-password')
  @HttpCode(200)
  @ApiOkResponse({ type: PasswordSetDto })
  @ApiBadRequestResponse({ description: 'PASSWORD_LINK_INVALID, `details.reason`: unknown, expired or used' })
  @ApiUnprocessableEntityResponse({ description: 'PASSWORD_TOO_WEAK, `details.reason`' })
  async setPassword(@Body() dto: SetPasswordDto, @ClientAddress() address: string): Promise<PasswordSetDto> {
    const { email } = await this.passwords.setWithLink(dto.token, dto.password, address);
    return { email };
  }

  /** Every session and access token of the user ends, this one included: sign in again. */
  @Post('me/password')
  @Auth()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiBadRequestResponse({ description: 'CURRENT_PASSWORD_WRONG' })
  @ApiTooManyRequestsResponse({ description: CURRENT_SECRET_THROTTLED })
  @ApiUnprocessableEntityResponse({ description: 'PASSWORD_TOO_WEAK, `details.reason`' })
  async change(
    @Body() dto: ChangePasswordDto,
    @CurrentPrincipal() p: UserPrincipal,
    @ClientAddress() address: string,
  ): Promise<void> {
    await this.passwords.change(p, dto.currentPassword, dto.newPassword, address);
  }
}
