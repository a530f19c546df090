import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfigService, Clock } from '@app/config';
import { NotificationsService, Recipient } from '@app/notifications';
import type { AdvisoryVersionKind } from '../advisory-terms';
import type { Advisory } from '../advisory.entity';
import { deliveryDedupeKey, reminderDedupeKey } from './advisory-job-ids';
import { reminderMessage, versionMessage } from './advisory-messages';

export type FanOutOutcome =
  { sent: true; delivered: number; mailed: number } | { sent: false; reason: 'gone' | 'superseded' };

/** How long after its respond-by time an unanswered advisory is still reminded of by the sweep. */
const REMIND_WITHIN_MS = 14 * 24 * 3_600_000;
/** How far back the sweep looks for versions a lost fan-out job did not deliver. */
const SWEEP_VERSIONS_WITHIN = '14 days';

/**
 * The worker's side of advisories: tells every officer of the targeted municipalities of each
 * version, and reminds the municipalities that have not answered by the respond-by time. Both are
 * idempotent: a delivery is recorded per version and officer (advisory_deliveries), a reminder per
 * municipality and respond-by (advisory_reminders_sent), and each in-app message has a dedupe key,
 * so a re-run, a retry or the sweep never sends anything twice.
 */
@Injectable()
export class AdvisoryDeliveryService {
  private readonly logger = new Logger(AdvisoryDeliveryService.name);

  constructor(
    private readonly notifications: NotificationsService,
    private readonly config: AppConfigService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Delivers one version to the officers who do not have it yet; a superseded version is skipped. */
  async fanOut(advisoryId: string, version: number): Promise<FanOutOutcome> {
    const a = await this.advisory(advisoryId);
    if (!a) return { sent: false, reason: 'gone' };
    if (a.version !== version) return { sent: false, reason: 'superseded' };
    const [{ kind }]: Array<{ kind: AdvisoryVersionKind }> = await this.dataSource.query(
      'SELECT kind FROM advisory_versions WHERE advisory_id = $1 AND version = $2',
      [advisoryId, version],
    );
    const recipients: Array<Recipient & { municipalityCode: number }> = await this.dataSource.query(
      `SELECT u.id AS "userId", u.email, u.municipality_code AS "municipalityCode"
       FROM advisory_targets t
       JOIN users u ON u.municipality_code = t.municipality_code AND u.role = 'municipality_officer' AND u.active
       WHERE t.advisory_id = $1
         AND NOT EXISTS (SELECT 1 FROM advisory_deliveries d
                         WHERE d.advisory_id = $1 AND d.version = $2 AND d.user_id = u.id)
       ORDER BY u.email`,
      [advisoryId, version],
    );
    if (recipients.length === 0) return { sent: true, delivered: 0, mailed: 0 };
    const message = versionMessage(a, kind, this.link(advisoryId));
    const result = await this.notifications.notifyOnce(
      recipients,
      { dedupeKey: deliveryDedupeKey(advisoryId, version), ...message.inApp },
      message.mail,
    );
    // After notifying: a crash in between re-sends nothing, as each officer's message is deduplicated.
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO advisory_deliveries (advisory_id, version, user_id, municipality_code, mailed)
       SELECT $1, $2, x.user_id, x.municipality_code, $4
       FROM jsonb_to_recordset($3::jsonb) AS x(user_id uuid, municipality_code smallint)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [
        advisoryId,
        version,
        JSON.stringify(recipients.map((r) => ({ user_id: r.userId, municipality_code: r.municipalityCode }))),
        this.notifications.mailEnabled,
      ],
    );
    this.logger.log(
      `Advisory ${advisoryId} v${version} (${kind}): ${inserted.length} delivered, ${result.mailed} mailed`,
    );
    return { sent: true, delivered: inserted.length, mailed: result.mailed };
  }

  /**
   * Reminds each targeted municipality that has not answered (no status, or only read) of an active
   * advisory whose respond-by time has passed, once per respond-by time. Without an id, every such
   * advisory (the sweep). Returns the municipalities reminded now.
   */
  async remindDue(advisoryId?: string): Promise<number> {
    const now = this.clock.now();
    const due: Array<{ advisoryId: string; municipalityCode: number }> = await this.dataSource.query(
      `SELECT t.advisory_id AS "advisoryId", t.municipality_code AS "municipalityCode"
       FROM advisories a
       JOIN advisory_targets t ON t.advisory_id = a.id
       LEFT JOIN advisory_responses r ON r.advisory_id = t.advisory_id AND r.municipality_code = t.municipality_code
       WHERE a.status = 'active' AND a.respond_by <= $1 AND a.respond_by > $2
         AND ($3::uuid IS NULL OR a.id = $3)
         AND (r.status IS NULL OR r.status = 'read')
         AND NOT EXISTS (SELECT 1 FROM advisory_reminders_sent s
                         WHERE s.advisory_id = a.id AND s.municipality_code = t.municipality_code
                           AND s.respond_by = a.respond_by)
       ORDER BY t.advisory_id, t.municipality_code`,
      [now, new Date(now.getTime() - REMIND_WITHIN_MS), advisoryId ?? null],
    );
    let reminded = 0;
    for (const { advisoryId: id, municipalityCode } of due) {
      const a = await this.advisory(id);
      if (!a) continue;
      const officers: Recipient[] = await this.dataSource.query(
        `SELECT id AS "userId", email FROM users
         WHERE active AND role = 'municipality_officer' AND municipality_code = $1 ORDER BY email`,
        [municipalityCode],
      );
      const message = reminderMessage(a, this.link(id));
      await this.notifications.notifyOnce(
        officers,
        { dedupeKey: reminderDedupeKey(id, a.respondBy.getTime()), ...message.inApp },
        message.mail,
      );
      await this.dataSource.query(
        `INSERT INTO advisory_reminders_sent (advisory_id, municipality_code, respond_by) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [id, municipalityCode, a.respondBy],
      );
      reminded++;
    }
    if (reminded > 0) this.logger.log(`Advisory reminders: ${reminded} municipalities reminded`);
    return reminded;
  }

  /** The reminder job at a respond-by time; one for a moved or withdrawn respond-by does nothing. */
  async remindAt(advisoryId: string, respondBy: number): Promise<number> {
    const a = await this.advisory(advisoryId);
    if (!a || a.status !== 'active' || a.respondBy.getTime() !== respondBy) return 0;
    return this.remindDue(advisoryId);
  }

  /** Delivers the current version of recent advisories (what a lost job missed) and the due reminders. */
  async sweep(): Promise<{ delivered: number; reminded: number }> {
    const recent: Array<{ id: string; version: number }> = await this.dataSource.query(
      `SELECT id, version FROM advisories WHERE updated_at > now() - interval '${SWEEP_VERSIONS_WITHIN}'`,
    );
    let delivered = 0;
    for (const { id, version } of recent) {
      const outcome = await this.fanOut(id, version);
      if (outcome.sent) delivered += outcome.delivered;
    }
    return { delivered, reminded: await this.remindDue() };
  }

  private async advisory(id: string): Promise<Advisory | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, title, summary, severity, tlp, status, version, respond_by AS "respondBy",
              withdrawal_reason AS "withdrawalReason"
       FROM advisories WHERE id = $1`,
      [id],
    );
    return (row as Advisory | undefined) ?? null;
  }

  private link(id: string): string {
    return `${this.config.publicUrl}/varsler/${id}`;
  }
}
