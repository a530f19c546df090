import { Controller, DefaultValuePipe, Get, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@app/audit';
import { Auth } from '@app/auth';
import { AuditEntryDto, ChainVerificationDto, PublishedHeadDto } from './dto/admin.response';

@ApiTags('admin')
@Controller('admin/audit')
@Auth('platform_admin')
export class AdminAuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOkResponse({ type: [AuditEntryDto], description: 'Newest first' })
  recent(@Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit: number): Promise<AuditEntryDto[]> {
    return this.audit.recent(Math.min(Math.max(limit, 1), 1000));
  }

  /** Recomputes the keyed chain now, checks it against the newest signed head, names the first break. */
  @Get('verify')
  @ApiOkResponse({ type: ChainVerificationDto })
  verify(): Promise<ChainVerificationDto> {
    return this.audit.verifyChain();
  }

  /** Seals, verifies and writes a signed chain head now (409 when the chain is broken). */
  @Post('head')
  @ApiCreatedResponse({ type: PublishedHeadDto })
  @ApiConflictResponse({ description: 'The chain is broken: no head written' })
  publishHead(): Promise<PublishedHeadDto> {
    return this.audit.publishHead();
  }
}
