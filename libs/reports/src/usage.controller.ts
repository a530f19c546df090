import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth } from '@app/auth';
import { UsageDto } from './dto/report.response';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('usage')
export class UsageController {
  constructor(private readonly reports: ReportsService) {}

  /** Active municipalities per month and report downloads per municipality and edition. */
  @Get()
  @Auth('kl_analyst')
  @ApiOkResponse({ type: UsageDto })
  usage(): Promise<UsageDto> {
    return this.reports.usage();
  }
}
