import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, ClientAddress, CurrentPrincipal, Principal } from '@app/auth';
import { sendFile } from '@app/http';
import { INCIDENT_EXPORT_TYPES } from '../export/incident-list-export';
import { IncidentStatisticsQueryDto } from './dto/incident-statistics.query';
import { IncidentStatisticsDto } from './dto/incident-statistics.response';
import { IncidentStatisticsExportService } from './incident-statistics-export.service';
import { IncidentStatisticsService } from './incident-statistics.service';

const EXPORT_NOTE =
  'KommuneCERT: the figures of GET /incident-statistics with the same from, to and groupBy, one row ' +
  'per scope and figure (column "Tal" says which part), Danish headers';

@ApiTags('incident-statistics')
@Controller('incident-statistics')
export class IncidentStatisticsController {
  constructor(
    private readonly statistics: IncidentStatisticsService,
    private readonly exports: IncidentStatisticsExportService,
  ) {}

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

  @Get('export.csv')
  @Auth()
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: `${EXPORT_NOTE}; a CSV for a Danish Excel (\`;\`, decimal comma, BOM)`,
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({ description: 'An unknown groupBy, a malformed month, from after to' })
  @ApiForbiddenResponse({ description: 'Not KommuneCERT' })
  async exportCsv(
    @Query() query: IncidentStatisticsQueryDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(res, await this.exports.export(p, query, 'csv', address));
  }

  @Get('export.xlsx')
  @Auth()
  @ApiProduces(INCIDENT_EXPORT_TYPES.xlsx)
  @ApiOkResponse({
    description: `${EXPORT_NOTE}; an Excel workbook with typed cells (sheet "Statistik")`,
    content: { [INCIDENT_EXPORT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiBadRequestResponse({ description: 'An unknown groupBy, a malformed month, from after to' })
  @ApiForbiddenResponse({ description: 'Not KommuneCERT' })
  async exportXlsx(
    @Query() query: IncidentStatisticsQueryDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(res, await this.exports.export(p, query, 'xlsx', address));
  }
}
