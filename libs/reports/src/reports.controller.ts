import { applyDecorators, Controller, Get, Headers, Param, ParseUUIDPipe, Res, Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Auth, ClientAddress, CurrentPrincipal, Principal } from '@app/auth';
import { MunicipalityReportDto, NationalReportDto } from './dto/report.response';
import { parseReportFile } from './report-file';
import { sendReport } from './report-response';
import { ReportsService } from './reports.service';

/** A report in each of its formats; the JSON one is the figures the report is drawn from. */
function ApiReportFile(json: Type<unknown>) {
  return applyDecorators(
    ApiExtraModels(json),
    ApiOkResponse({
      description: 'The report; PDF and CSV as attachments. ETag and X-Statistics-Version name the figures.',
      content: {
        'application/pdf': { schema: { type: 'string', format: 'binary' } },
        'text/html': { schema: { type: 'string' } },
        'text/csv': { schema: { type: 'string' } },
        'application/json': { schema: { $ref: getSchemaPath(json) } },
      },
    }),
    ApiResponse({ status: 304, description: 'Not modified: the ETag in If-None-Match is current' }),
    ApiNotFoundResponse({ description: 'No such edition or format, or its reports are not published yet' }),
  );
}

@ApiTags('reports')
@Controller('editions/:id/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('national.:format')
  @Auth()
  @ApiReportFile(NationalReportDto)
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
  @ApiReportFile(MunicipalityReportDto)
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
