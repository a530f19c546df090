import { Controller, Get, Headers, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, ClientAddress, CurrentPrincipal, Principal } from '@app/auth';
import { parseReportFile } from './report-file';
import type { ReportDownload } from './reports.service';
import { ReportsService } from './reports.service';

function send(res: Response, d: ReportDownload): void {
  res.setHeader('ETag', d.etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('X-Statistics-Version', String(d.statisticsVersion));
  if (d.statisticsStale) res.setHeader('X-Statistics-Stale', 'true');
  if (d.notModified) {
    res.status(304).end();
    return;
  }
  res.type(d.contentType);
  if (!d.contentType.startsWith('text/html') && !d.contentType.startsWith('application/json')) {
    res.setHeader('Content-Disposition', `attachment; filename="${d.filename}"`);
  }
  res.send(d.content);
}

@ApiTags('reports')
@Controller('editions/:id/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('national.:format')
  @Auth()
  @ApiProduces('application/pdf', 'text/html', 'text/csv', 'application/json')
  async national(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('format') format: string,
    @CurrentPrincipal() p: Principal,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @ClientAddress() ip: string,
    @Res() res: Response,
  ) {
    const file = parseReportFile(`national.${format}`, false);
    send(res, await this.reports.download(id, 'national', 0, file.format, p, ifNoneMatch, ip));
  }

  @Get('municipalities/:file')
  @Auth('municipality_officer')
  @ApiProduces('application/pdf', 'text/html', 'text/csv', 'application/json')
  async municipality(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('file') fileName: string,
    @CurrentPrincipal() p: Principal,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @ClientAddress() ip: string,
    @Res() res: Response,
  ) {
    const file = parseReportFile(fileName, true);
    send(res, await this.reports.download(id, 'municipality', file.code, file.format, p, ifNoneMatch, ip));
  }
}
