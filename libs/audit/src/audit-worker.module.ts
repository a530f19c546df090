import { Injectable, Logger, Module } from '@nestjs/common';
import { JobHandler } from '@app/queue';
import { AuditSealerService } from './audit-sealer.service';
import { AuditModule } from './audit.module';
import { AuditService } from './audit.service';

@Injectable()
export class AuditJobs {
  private readonly logger = new Logger(AuditJobs.name);

  constructor(private readonly audit: AuditService) {}

  @JobHandler('audit.verify', {
    schedule: {
      id: 'audit-verify-daily',
      cron: (config) => config.auditVerifyCron,
      data: { trigger: 'schedule' },
    },
  })
  async verify() {
    const { verification, head } = await this.audit.sealVerifyAndPublish();
    this.logger.log(
      { result: verification, head },
      verification.ok ? 'Audit chain intact; signed head written' : 'Audit chain BROKEN; no head written',
    );
    return { ...verification, head };
  }
}

/** The audit work of the worker: sealing every few seconds, and the daily verification. */
@Module({ imports: [AuditModule], providers: [AuditJobs, AuditSealerService] })
export class AuditWorkerModule {}
