import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueueService } from '@app/queue';
import { EditionChange, EditionEvents, EditionsService, isChangeAllowed } from '@app/surveys';
import type { Edition } from '@app/surveys';
import { StatisticsRepository } from './statistics.repository';

/** One job id per edition: requests while one is waiting join it instead of queueing more work. */
export const recomputeJobId = (editionId: string) => `statistics-recompute-${editionId}`;

/** Starts recomputes: on close/publish (and for later editions on a withdrawal), on demand, and from the stale marks a lost job left behind. */
@Injectable()
export class StatisticsJobsService implements OnModuleInit {
  constructor(
    private readonly stats: StatisticsRepository,
    private readonly jobs: JobQueueService,
    private readonly events: EditionEvents,
    private readonly editions: EditionsService,
  ) {}

  onModuleInit(): void {
    const affects = (change: EditionChange) => change === 'closed' || change === 'published';
    this.events.subscribe({
      within: async (m, edition, change) => {
        if (affects(change)) await this.stats.markStale(edition.id, m);
        if (change === 'withdrawn') await this.stats.markLaterPublishedStale(edition.year, m);
      },
      after: async (edition, change) => {
        if (affects(change)) await this.enqueue(edition.id);
        if (change === 'withdrawn') await this.reconcile();
      },
    });
  }

  /** Marks the edition stale and enqueues its recompute; answers with the job's id and state. */
  async request(edition: Edition): Promise<{ jobId: string; state: string }> {
    await this.stats.markStale(edition.id);
    return this.enqueue(edition.id);
  }

  private async enqueue(editionId: string): Promise<{ jobId: string; state: string }> {
    // A short delay lets a burst of requests coalesce into the waiting job.
    const job = await this.jobs.enqueue(
      'statistics.recompute',
      { editionId },
      { jobId: recomputeJobId(editionId), delay: 500, removeOnComplete: true, removeOnFail: true },
    );
    return { jobId: job.id!, state: await job.getState() };
  }

  /** Re-enqueues every stale edition that has statistics (closed or published). */
  async reconcile(): Promise<string[]> {
    const stale = await this.stats.findStaleEditionIds();
    const enqueued: string[] = [];
    for (const id of stale) {
      const edition = await this.editions.find(id);
      if (edition && isChangeAllowed('computeStatistics', edition.status)) {
        await this.enqueue(id);
        enqueued.push(id);
      }
    }
    return enqueued;
  }
}
