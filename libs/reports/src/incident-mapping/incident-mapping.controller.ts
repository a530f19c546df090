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
import { IncidentMappingQueryDto } from './dto/incident-mapping.query';
import { IncidentMappingService } from './incident-mapping.service';

@ApiTags('incident-statistics')
@Controller('incident-statistics')
export class IncidentMappingController {
  constructor(private readonly mapping: IncidentMappingService) {}

  @Get('report.pdf')
  @Auth()
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description:
      'KommuneCERT: "Kortlægning af cyberhændelser <year>", a tagged Danish PDF of the calendar ' +
      "year's national and regional incident figures (per month and RSIT class, per region per " +
      '10,000 inhabitants, per severity, breaches, deadlines met, median times, year on year). ' +
      'Unsuppressed, but it names no municipality (docs/incident-statistics.md)',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiBadRequestResponse({ description: 'year is not a year (YYYY, 2000–2100)' })
  @ApiForbiddenResponse({ description: 'Not KommuneCERT' })
  async pdf(
    @Query() query: IncidentMappingQueryDto,
    @CurrentPrincipal() p: Principal,
    @ClientAddress() address: string,
    @Res() res: Response,
  ): Promise<void> {
    sendFile(res, await this.mapping.pdf(p, query.year, address));
  }
}
