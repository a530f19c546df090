import { Global, Module } from '@nestjs/common';
import { AuditHeadStore } from './audit-head.store';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Global()
@Module({ providers: [AuditRepository, AuditHeadStore, AuditService], exports: [AuditService] })
export class AuditModule {}
