import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '@app/config';
import { JobQueueService } from '@app/queue';
import { copenhagenYear } from '../copenhagen-time';
import { IncidentClockEvents } from '../incident-clock-events';
import { IncidentStatisticsRepository } from './incident-statistics.repository';

/** One job id: changes while a recompute waits join it, so a burst costs one recompute. */
export const INCIDENT_STATISTICS_JOB_ID = 'incident-statistics-recompute';
/** How long the waiting job collects further changes before it runs. */
const COALESCE_MS = 2_000;
/** The waiting render job of a year's mapping PDF: `incident-mapping-<year>`. */
export const INCIDENT_MAPPING_JOB_ID = 'incident-mapping';
/** How long it collects further recomputes before it renders. */
const MAPPING_COALESCE_MS = 5 * 60_000;
/** Obligations fall due without any write; figures older than this are computed again. */
const MAX_AGE_MS = 3_600_000;

/**
 * Starts recomputes: after each incident change (the clock events), and from the reconciliation,
 * which finds what a lost job or a write outside the service left (the change marks in the table).
 */
@Injectable()
export class IncidentStatisticsJobsService implements OnModuleInit {
  private readonly logger = new Logger(IncidentStatisticsJobsService.name);

  constructor(
    private readonly repo: IncidentStatisticsRepository,
    private readonly jobs: JobQueueService,
    private readonly events: IncidentClockEvents,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.subscribe({ changed: () => this.enqueue() });
  }

  /** Runs after every incident report and change, so it adds one enqueue to the request, nothing more. */
  async enqueue(): Promise<void> {
    await this.jobs.enqueue(
      'incident-statistics.recompute',
      { trigger: 'change' },
      { jobId: INCIDENT_STATISTICS_JOB_ID, delay: COALESCE_MS, removeOnComplete: true, removeOnFail: true },
    );
  }

  /**
   * The yearly mapping PDFs that new figures can change: this year's, and last year's (an incident
   * can be reported, or closed as not one, after New Year). One waiting job per year: recomputes
   * while it waits join it, so a busy day costs one render per year every few minutes, not one per
   * recompute (rendering takes seconds of the worker's CPU). A download in between renders itself.
   */
  private async enqueueMappings(): Promise<void> {
    const year = copenhagenYear(this.clock.now());
    for (const y of [year, year - 1])
      await this.jobs.enqueue(
        'reports.render-incident-mapping',
        { year: y },
        {
          jobId: `${INCIDENT_MAPPING_JOB_ID}-${y}`,
          delay: MAPPING_COALESCE_MS,
          removeOnComplete: true,
          removeOnFail: true,
        },
      );
  }

  /** Enqueues a recompute when changes are uncounted or the figures are over an hour old. */
  async reconcile(): Promise<boolean> {
    const state = await this.repo.state();
    const old = !state.computedAt || Date.now() - new Date(state.computedAt).getTime() > MAX_AGE_MS;
    if (!state.stale && !old) return false;
    await this.enqueue();
    return true;
  }

  async run(): Promise<{ version: number; durationMs: number }> {
    try {
      const result = await this.repo.recompute();
      this.logger.log(`Incident statistics: version ${result.version} in ${result.durationMs} ms`);
      await this.enqueueMappings();
      return result;
    } catch (e) {
      await this.repo.recordError(e instanceof Error ? e.message : String(e)).catch(() => undefined);
      throw e;
    }
  }
}
