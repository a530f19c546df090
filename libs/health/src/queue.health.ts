import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { JobQueueService } from '@app/queue';

/** The queue backend answers a job count within the timeout. */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly jobs: JobQueueService,
  ) {}

  async isHealthy(key: string, backend: string, timeoutMs = 3_000) {
    const check = this.indicator.check(key);
    try {
      const counts = await Promise.race([
        this.jobs.ping(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref(),
        ),
      ]);
      return check.up({ backend, ...counts });
    } catch (e) {
      return check.down({ backend, message: e instanceof Error ? e.message : String(e) });
    }
  }
}
