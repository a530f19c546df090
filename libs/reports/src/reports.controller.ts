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
import { parseMunicipalityReportFile, parseReportFormat } from './report-formats';
import { sendReport } from './report-response';
import { ReportsService } from './reports.service';

/** A report in each of its formats; the JSON one is the figures the report is drawn from. */
function ApiReportFile(json: Type<unknown>) {
  return applyDecorators(
    ApiExtraModels(json),
    ApiOkResponse({
      description:
        'The report in the format the path ends with: `.pdf` (tagged PDF/UA), `.html`, `.csv` (for a ' +
        'Danish Excel: `;`-separated, decimal comma, UTF-8 with BOM, Danish headers), `.xlsx` (typed ' +
        'numbers; sheets Oversigt, Områder, Spørgsmål, Angreb og brud), `.machine.csv` (for scripts: ' +
        '`;`-separated, dot decimals, English keys, no BOM, a `suppressed` column) or `.json` (the ' +
        'figures). Both CSVs hold the overall index, the areas, the scored questions by area and the ' +
        'number questions, one row each. A hidden figure (fewer than K municipalities) is never 0: ' +
        'the Danish formats say "Skjult (færre end K kommuner)", the machine CSV leaves it empty with ' +
        '`suppressed` true. Files other than HTML and JSON come as attachments. ETag and ' +
        'X-Statistics-Version name the figures.',
      content: {
        'application/pdf': { schema: { type: 'string', format: 'binary' } },
        'text/html': { schema: { type: 'string' } },
        'text/csv': { schema: { type: 'string' } },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: { type: 'string', format: 'binary' },
        },
        'application/json': { schema: { $ref: getSchemaPath(json) } },
      },
    }),
    ApiResponse({ status: 304, description: 'Not modified: the ETag in If-None-Match is current' }),
    ApiNotFoundResponse({
      description:
        'No such edition, or its reports are not published yet, or no such format (the message names it)',
    }),
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
    sendReport(
      res,
      await this.reports.download(id, 'national', 0, parseReportFormat(format), p, ifNoneMatch, ip),
    );
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
    const file = parseMunicipalityReportFile(fileName);
    sendReport(
      res,
      await this.reports.download(id, 'municipality', file.code, file.format, p, ifNoneMatch, ip),
    );
  }
}
