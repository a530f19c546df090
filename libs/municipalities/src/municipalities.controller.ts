import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@app/auth';
import { MunicipalitiesService } from './municipalities.service';
import { MunicipalityCodePipe } from './municipality-code';

@ApiTags('municipalities')
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly municipalities: MunicipalitiesService) {}

  @Get()
  @Auth()
  list() {
    return this.municipalities.list();
  }

  /** The municipality's own officers; visible to them and to platform administrators only. */
  @Get(':code/officers')
  @Auth('municipality_officer', 'platform_admin')
  officers(@Param('code', MunicipalityCodePipe) code: number, @CurrentPrincipal() principal: Principal) {
    return this.municipalities.officersVisibleTo(code, principal);
  }
}
