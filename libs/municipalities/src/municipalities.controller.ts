import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@app/auth';
import { MunicipalityDto, OfficerDto } from './municipality.dto';
import { MunicipalitiesService } from './municipalities.service';
import { MunicipalityCodePipe } from './municipality-code';

@ApiTags('municipalities')
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly municipalities: MunicipalitiesService) {}

  @Get()
  @Auth()
  @ApiOkResponse({ type: [MunicipalityDto] })
  list(): Promise<MunicipalityDto[]> {
    return this.municipalities.list();
  }

  /** The municipality's own officers; visible to them and to platform administrators only. */
  @Get(':code/officers')
  @Auth('municipality_officer', 'platform_admin')
  @ApiOkResponse({ type: [OfficerDto] })
  @ApiNotFoundResponse({ description: 'No such municipality' })
  officers(
    @Param('code', MunicipalityCodePipe) code: number,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OfficerDto[]> {
    return this.municipalities.officersVisibleTo(code, principal);
  }
}
