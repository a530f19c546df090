import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentPrincipal, Principal } from '@app/auth';
import { IncidentStatisticsQueryDto } from './dto/incident-statistics.query';
import { IncidentStatisticsDto } from './dto/incident-statistics.response';
import { IncidentStatisticsService } from './incident-statistics.service';

@ApiTags('incident-statistics')
@Controller('incident-statistics')
export class IncidentStatisticsController {
  constructor(private readonly statistics: IncidentStatisticsService) {}

  @Get()
  @Auth()
  @ApiOkResponse({
    type: IncidentStatisticsDto,
    description:
      'Incident figures per scope (national, regions; the own municipality for an officer; every ' +
      'municipality for KommuneCERT), K-suppressed with complements for everyone but KommuneCERT ' +
      '(docs/incident-statistics.md).',
  })
  @ApiBadRequestResponse({ description: 'An unknown groupBy, a malformed month, from after to' })
  @ApiForbiddenResponse({ description: 'An API key' })
  read(
    @Query() query: IncidentStatisticsQueryDto,
    @CurrentPrincipal() p: Principal,
  ): Promise<IncidentStatisticsDto> {
    return this.statistics.read(p, query);
  }
}
