import { Controller, Get, Headers, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, ClientAddress, CurrentPrincipal, Principal } from '@app/auth';
import { parseReportFile } from './report-file';
import { sendReport } from './report-response';
import { ReportsService } from './reports.service';

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
    sendReport(res, await this.reports.download(id, 'national', 0, file.format, p, ifNoneMatch, ip));
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
    sendReport(
      res,
      await this.reports.download(id, 'municipality', file.code, file.format, p, ifNoneMatch, ip),
    );
  }
}
