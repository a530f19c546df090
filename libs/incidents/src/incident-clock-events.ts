import { Injectable, Logger } from '@nestjs/common';

export interface IncidentClockListener {
  /**
   * After commit: an incident's obligations or status changed (reported, corrected, submitted,
   * settled). Reconcile from the database; a call lost to a crash is recovered by reconciling on start.
   */
  changed(incidentId: string): Promise<void>;
}

/** Lets the reminders (and whatever else keeps time) follow the clocks without the incident code knowing them. */
@Injectable()
export class IncidentClockEvents {
  private readonly logger = new Logger(IncidentClockEvents.name);
  private readonly listeners: IncidentClockListener[] = [];

  subscribe(listener: IncidentClockListener): void {
    this.listeners.push(listener);
  }

  /**
   * Never fails the request that committed the change: the database holds the truth. The listeners
   * are independent (each enqueues its own job), so they run at once: the request waits for the
   * slowest, not for the sum.
   */
  async changed(incidentId: string): Promise<void> {
    await Promise.all(
      this.listeners.map(async (l) => {
        try {
          await l.changed(incidentId);
        } catch (err) {
          this.logger.error(
            { err, incidentId },
            'An incident clock listener failed; reconciliation will catch up',
          );
        }
      }),
    );
  }
}
