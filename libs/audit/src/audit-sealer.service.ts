import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AuditService } from './audit.service';
import { AppConfigService } from '@app/config';

/**
 * Seals new audit entries every few seconds, off the request path: requests only INSERT, and the
 * chain is linked here, one sealer at a time (the repository's try-lock makes extra workers idle).
 */
@Injectable()
export class AuditSealerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditSealerService.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly audit: AuditService,
    private readonly config: AppConfigService,
  ) {}

  onApplicationBootstrap(): void {
    const everyMs = this.config.audit.sealIntervalSeconds * 1000;
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.sealOnce());
    }, everyMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async sealOnce(): Promise<void> {
    try {
      const sealed = await this.audit.seal();
      if (sealed > 0) this.logger.debug(`Sealed ${sealed} audit entries`);
    } catch (err) {
      // The next tick retries; entries stay unsealed (and reported by verify) meanwhile.
      this.logger.warn(`Audit sealing failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
