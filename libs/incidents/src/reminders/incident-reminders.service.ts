import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfigService, Clock } from '@app/config';
import { NotificationsService, Recipient } from '@app/notifications';
import { JobPayloads, JobQueueService } from '@app/queue';
import { formatDateTime } from '@app/ui';
import type { OpenObligationRow } from '../incidents.repository';
import { IncidentsService } from '../incidents.service';
import type { ObligationKind } from '../regulatory-clocks';
import {
  latestStageReached,
  REMINDER_STAGES,
  reminderAt,
  ReminderKey,
  reminderDedupeKey,
  reminderJobId,
  ReminderStage,
} from './reminder-stages';

/** The obligations as the incident page names them (libs/web/src/incidents/incident-labels.ts). */
const OBLIGATION_NAMES: Record<ObligationKind, string> = {
  'gdpr-art33': 'Anmeldelse til Datatilsynet (GDPR art. 33)',
  'nis2-early-warning': 'Tidlig varsling (NIS2 art. 23)',
  'nis2-notification': 'Hændelsesunderretning (NIS2 art. 23)',
  'nis2-final-report': 'Endelig rapport (NIS2 art. 23)',
};

const REMINDER_JOB = 'incidents.remind';
type RemindPayload = JobPayloads['incidents.remind'];

export type RemindOutcome =
  | { sent: true; notified: number; mailed: number }
  | { sent: false; reason: 'settled' | 'moved' | 'not-reached' | 'superseded' | 'already-sent' };

/**
 * The reminders of the regulatory clocks: delayed jobs at 12 h and 2 h before each open
 * obligation's due time and when it is overdue, planned with deterministic ids so that planning
 * again (a change, a restart) joins the jobs already queued. A reminder checks, when it fires, that
 * its obligation is still open with the same due time, and records that it was sent, so a stale
 * job, a retry or a reconciliation never sends it twice.
 */
@Injectable()
export class IncidentRemindersService {
  private readonly logger = new Logger(IncidentRemindersService.name);

  constructor(
    private readonly incidents: IncidentsService,
    private readonly jobs: JobQueueService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfigService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Queues the reminders of one incident (or of all, without an id) that are still to come, and at
   * once the latest stage already reached and not yet sent; removes the queued reminders that no
   * open obligation wants any longer (submitted, settled, or the due time moved).
   */
  async plan(incidentId?: string): Promise<{ queued: number; removed: number }> {
    const now = this.clock.now().getTime();
    const open = await this.incidents.openObligations({ incidentId, limit: 1_000_000 });
    const sent = await this.sentKeys(incidentId);
    const wanted = new Map<string, { key: ReminderKey; delay: number }>();
    for (const o of open) {
      const dueAt = o.dueAt.getTime();
      const reached = latestStageReached(dueAt, now);
      for (const stage of REMINDER_STAGES) {
        const key: ReminderKey = { incidentId: o.incidentId, kind: o.kind, stage, dueAt };
        const at = reminderAt(dueAt, stage);
        if (at > now) wanted.set(reminderJobId(key), { key, delay: at - now });
        else if (stage === reached && !sent.has(reminderDedupeKey(key)))
          wanted.set(reminderJobId(key), { key, delay: 0 });
      }
    }
    const queue = this.jobs.queueFor(REMINDER_JOB);
    let removed = 0;
    for (const job of await queue.getDelayed()) {
      const data = job.data as Partial<RemindPayload>;
      if (job.name !== REMINDER_JOB || !job.id) continue;
      if (incidentId && data.incidentId !== incidentId) continue;
      const want = wanted.get(job.id);
      // Due now by this clock but still delayed (the clocks of the processes disagree): run it now.
      // A job promoted or removed meanwhile cannot be moved; it checks its obligation when it runs.
      if (want?.delay === 0) await job.promote().catch(() => undefined);
      else if (!want && (await removeIfPresent(job))) removed++;
    }
    for (const [jobId, { key, delay }] of wanted) {
      // Done reminders are not kept, so a reminder planned again after running (e.g. one that found
      // its stage not reached) can be queued anew; the record of sent reminders prevents a repeat.
      await this.jobs.enqueue(REMINDER_JOB, key, { jobId, delay, removeOnComplete: true });
    }
    return { queued: wanted.size, removed };
  }

  /** Sends one reminder, unless its obligation was settled, its due time moved, or it went out already. */
  async remind(key: RemindPayload): Promise<RemindOutcome> {
    const obligation = (await this.incidents.openObligations({ incidentId: key.incidentId })).find(
      (o) => o.kind === key.kind,
    );
    if (!obligation) return { sent: false, reason: 'settled' };
    if (obligation.dueAt.getTime() !== key.dueAt) return { sent: false, reason: 'moved' };
    const reached = latestStageReached(key.dueAt, this.clock.now().getTime());
    if (reached === null || REMINDER_STAGES.indexOf(reached) < REMINDER_STAGES.indexOf(key.stage))
      return { sent: false, reason: 'not-reached' };
    if (reached !== key.stage) return { sent: false, reason: 'superseded' };
    const dedupeKey = reminderDedupeKey(key);
    if ((await this.sentKeys(key.incidentId)).has(dedupeKey)) return { sent: false, reason: 'already-sent' };

    const message = this.message(obligation, key.stage);
    const result = await this.notifications.notifyOnce(
      await this.recipients(obligation),
      { dedupeKey, ...message.inApp },
      message.mail,
    );
    // After notifying: a crash in between re-sends nothing, as each user's message is deduplicated.
    await this.dataSource.query(
      `INSERT INTO incident_reminders_sent (incident_id, kind, stage, due_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [key.incidentId, key.kind, key.stage, new Date(key.dueAt)],
    );
    this.logger.log(
      `Reminder ${obligation.reference} ${key.kind} (${key.stage}): ${result.notified} notified, ${result.mailed} mailed`,
    );
    return { sent: true, ...result };
  }

  private async sentKeys(incidentId?: string): Promise<Set<string>> {
    const rows: Array<{ incidentId: string; kind: string; stage: ReminderStage; dueAt: Date }> =
      await this.dataSource.query(
        `SELECT incident_id AS "incidentId", kind, stage, due_at AS "dueAt" FROM incident_reminders_sent
         WHERE $1::uuid IS NULL OR incident_id = $1`,
        [incidentId ?? null],
      );
    return new Set(rows.map((r) => reminderDedupeKey({ ...r, dueAt: r.dueAt.getTime() })));
  }

  /** The municipality's officers, and KommuneCERT: the assignee, or every analyst while unassigned. */
  private recipients(o: OpenObligationRow): Promise<Recipient[]> {
    return this.dataSource.query(
      `SELECT id AS "userId", email FROM users
       WHERE active AND ((role = 'municipality_officer' AND municipality_code = $1)
         OR (role = 'cert_analyst' AND ($2::uuid IS NULL OR id = $2)))
       ORDER BY email`,
      [o.municipalityCode, o.assigneeId],
    );
  }

  private message(o: OpenObligationRow, stage: ReminderStage) {
    const name = OBLIGATION_NAMES[o.kind];
    const deadline = formatDateTime(o.dueAt);
    const link = `${this.config.publicUrl}/haendelser/${o.incidentId}`;
    const title =
      stage === 'overdue'
        ? `Overskredet frist: ${name} for ${o.reference}`
        : `Frist om ${stage === '12h' ? '12' : '2'} timer: ${name} for ${o.reference}`;
    const body =
      stage === 'overdue'
        ? `Fristen for ${name.toLowerCase()} for hændelse ${o.reference} var ${deadline}. Indsend den hurtigst muligt, og angiv årsagen til forsinkelsen.`
        : `${name} for hændelse ${o.reference} skal indsendes senest ${deadline}.`;
    return {
      inApp: { title, body, link },
      mail: { subject: title, text: `${body}\n\nSe hændelsen her: ${link}\n` },
    };
  }
}

/** False when the job was promoted or removed meanwhile. */
function removeIfPresent(job: Job): Promise<boolean> {
  return job.remove().then(
    () => true,
    () => false,
  );
}
