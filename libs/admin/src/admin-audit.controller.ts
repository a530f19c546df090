import { Controller, DefaultValuePipe, Get, ParseIntPipe, Post, Query } from '@nestjs/common';
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

  /** Recomputes the keyed chain now, checks it against the newest signed head, names the first break. */
  @Get('verify')
  verify() {
    return this.audit.verifyChain();
  }

  /** Seals, verifies and writes a signed chain head now (409 when the chain is broken). */
  @Post('head')
  publishHead() {
    return this.audit.publishHead();
  }
}
