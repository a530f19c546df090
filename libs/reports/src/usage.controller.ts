import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '@app/auth';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('usage')
export class UsageController {
  constructor(private readonly reports: ReportsService) {}

  /** Active municipalities per month and report downloads per municipality and edition. */
  @Get()
  @Auth('kl_analyst')
  usage() {
    return this.reports.usage();
  }
}
