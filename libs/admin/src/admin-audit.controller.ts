import { Controller, DefaultValuePipe, Get, ParseIntPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditService } from '@app/audit';
import { Auth } from '@app/auth';

@ApiTags('admin')
@Controller('admin/audit')
@Auth('platform_admin')
export class AdminAuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  recent(@Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit: number) {
    return this.audit.recent(Math.min(Math.max(limit, 1), 1000));
  }

  /** Recomputes the whole hash chain now and names the first broken entry, if any. */
  @Get('verify')
  verify() {
    return this.audit.verifyChain();
  }
}
