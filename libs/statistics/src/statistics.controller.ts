import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, Auth, ClientAddress, CurrentPrincipal, Principal } from '@app/auth';
import { MunicipalityCodePipe } from '@app/municipalities';
import { StatisticsRecomputeService } from './statistics-recompute.service';
import { StatisticsService } from './statistics.service';

@ApiTags('statistics')
@Controller('editions/:id/statistics')
export class StatisticsController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly recompute: StatisticsRecomputeService,
  ) {}

  @Get('national')
  @Auth()
  @ApiOkResponse({
    description:
      'National figures. Overall index, areas and scored questions: n, mean, sd, median, q1, q3 (medians and ' +
      'quartiles of the index and areas rounded to one decimal). Number questions (`numbers`): n, mean and sd ' +
      "only, never a median or quartile, which would be one municipality's answer (docs/statistics.md).",
  })
  national(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: Principal) {
    return this.statistics.national(id, p);
  }

  @Get('regions')
  @Auth()
  regions(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: Principal) {
    return this.statistics.breakdown(id, 'region', p);
  }

  @Get('size-classes')
  @Auth()
  sizeClasses(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() p: Principal) {
    return this.statistics.breakdown(id, 'size_class', p);
  }

  @Get('municipalities/:code')
  @Auth('municipality_officer')
  @ApiOkResponse({
    description:
      "The municipality's own scores against the national ones; for number questions its own answer and the " +
      'national mean (`nationalMean`), with no national median or quartiles.',
  })
  municipality(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('code', MunicipalityCodePipe) code: number,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.statistics.municipality(id, code, p);
  }

  @Post('recompute')
  @HttpCode(202)
  @Auth('kl_analyst')
  request(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() ip: string,
  ) {
    return this.recompute.requestByUser(id, actorOf(p, ip));
  }
}
