import { Controller, ForbiddenException, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@app/auth';
import { UsersService } from '@app/users';
import { MunicipalitiesService } from './municipalities.service';

@ApiTags('municipalities')
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(
    private readonly municipalities: MunicipalitiesService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @Auth()
  list() {
    return this.municipalities.list();
  }

  /** The municipality's own officers; visible to them and to platform administrators only. */
  @Get(':code/officers')
  @Auth('municipality_officer', 'platform_admin')
  async officers(@Param('code', ParseIntPipe) code: number, @CurrentPrincipal() principal: Principal) {
    if (
      principal.kind === 'user' &&
      principal.role === 'municipality_officer' &&
      principal.municipalityCode !== code
    ) {
      throw new ForbiddenException('You can only see your own municipality');
    }
    await this.municipalities.get(code);
    const officers = await this.users.officersOf(code);
    return officers.map((u) => ({ id: u.id, email: u.email, displayName: u.displayName }));
  }
}
