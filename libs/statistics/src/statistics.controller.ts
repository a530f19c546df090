import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { actorOf, Auth, ClientAddress, CurrentPrincipal, Principal } from '@app/auth';
import { MunicipalityCodePipe } from '@app/municipalities';
import {
  BreakdownStatisticsDto,
  MunicipalityStatisticsDto,
  NationalStatisticsDto,
  RecomputeRequestDto,
} from './dto/statistics.response';
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
    type: NationalStatisticsDto,
    description:
      'National figures. Overall index, areas and scored questions: n, mean, sd, median, q1, q3 (medians and ' +
      'quartiles of the index and areas rounded to one decimal). Number questions (`numbers`): n, mean and sd ' +
      "only, never a median or quartile, which would be one municipality's answer (docs/statistics.md).",
  })
  @ApiNotFoundResponse({ description: 'No such edition, or no statistics of it for you' })
  national(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<NationalStatisticsDto> {
    return this.statistics.national(id, p);
  }

  @Get('regions')
  @Auth()
  @ApiOkResponse({ type: BreakdownStatisticsDto, description: 'Per region, suppressed below K' })
  @ApiNotFoundResponse({ description: 'No such edition, or no statistics of it for you' })
  regions(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<BreakdownStatisticsDto> {
    return this.statistics.breakdown(id, 'region', p);
  }

  @Get('size-classes')
  @Auth()
  @ApiOkResponse({ type: BreakdownStatisticsDto, description: 'Per size class, suppressed below K' })
  @ApiNotFoundResponse({ description: 'No such edition, or no statistics of it for you' })
  sizeClasses(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<BreakdownStatisticsDto> {
    return this.statistics.breakdown(id, 'size_class', p);
  }

  @Get('municipalities/:code')
  @Auth('municipality_officer')
  @ApiOkResponse({
    type: MunicipalityStatisticsDto,
    description:
      "The municipality's own scores against the national ones; for number questions its own answer and the " +
      'national mean (`nationalMean`), with no national median or quartiles.',
  })
  @ApiNotFoundResponse({ description: 'No such edition, or the municipality did not take part' })
  municipality(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('code', MunicipalityCodePipe) code: number,
    @CurrentPrincipal() p: Principal,
  ): Promise<MunicipalityStatisticsDto> {
    return this.statistics.municipality(id, code, p);
  }

  @Post('recompute')
  @HttpCode(202)
  @Auth('kl_analyst')
  @ApiAcceptedResponse({ type: RecomputeRequestDto, description: 'The recompute job, queued or joined' })
  @ApiNotFoundResponse({ description: 'No such edition' })
  @ApiConflictResponse({ description: 'The edition is neither closed nor published' })
  request(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() ip: string,
  ): Promise<RecomputeRequestDto> {
    return this.recompute.requestByUser(id, actorOf(p, ip));
  }
}
