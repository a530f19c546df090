import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthService } from './auth.service';
import { AuthOrApiKey } from './decorators/auth.decorator';
import { ClientAddress, CurrentPrincipal } from './decorators/current-principal.decorator';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto, MeDto } from './dto/me.dto';
import type { Principal } from './principal';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({
    description:
      'Too many failed sign-ins for the account from this address, the account or the address; Retry-After gives the wait in seconds',
  })
  async login(@Body() dto: LoginDto, @ClientAddress() address: string): Promise<LoginResponseDto> {
    const principal = await this.auth.signIn(dto.email, dto.password, address, 'api');
    const { accessToken, expiresIn } = this.auth.issueAccessToken(principal);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn,
      user: {
        id: principal.id,
        email: principal.email,
        role: principal.role,
        municipalityCode: principal.municipalityCode,
      },
    };
  }

  @Get('me')
  @AuthOrApiKey()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): MeDto {
    return MeDto.from(principal);
  }
}
