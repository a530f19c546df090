import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { Actor, AuditService } from '@app/audit';
import { AppConfigService, Clock } from '@app/config';
import { NotificationsService } from '@app/notifications';
import { JobQueueService } from '@app/queue';
import { Edition, EditionsService, WrongEditionStatusException } from '@app/surveys';
import { formatDateTime } from '@app/ui';
import type { ReminderRequestDto } from './dto/responses.response';
import { reminderDay, reminderNowKey, splitReminderTargets } from './reminders-now';
import { ResponsesRepository } from './responses.repository';

const DAY = 86_400_000;

/**
 * Reminds the officers of municipalities that have not submitted, at each configured number of
 * days before an open edition's deadline. Safe to run as often as wanted: each reminder goes out
 * once per user (dedupe key), which also makes a retried job harmless.
 */
@Injectable()
export class SurveyRemindersService {
  private readonly logger = new Logger(SurveyRemindersService.name);

  constructor(
    private readonly editions: EditionsService,
    private readonly responses: ResponsesRepository,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfigService,
    private readonly clock: Clock,
    private readonly jobs: JobQueueService,
    private readonly audit: AuditService,
  ) {}

  /**
   * KL's "send reminder now": counts the municipalities that have not submitted and were not
   * reminded today, and leaves the sending to a job. Only while the edition can still be answered.
   */
  async requestNow(editionId: string, actor: Actor): Promise<ReminderRequestDto> {
    const edition = await this.editions.require(editionId);
    if (edition.status !== 'open')
      throw new WrongEditionStatusException('send reminders for', edition.status, ['open']);
    if (this.editions.whyNotAnswerable(edition)) {
      throw new ConflictException(`The deadline of ${edition.year} has passed: nobody can answer any more`);
    }
    const day = reminderDay(this.clock.now());
    const split = splitReminderTargets(
      await this.responses.officersToRemind(edition.id, reminderNowKey(edition.id, day)),
    );
    // A new id once municipalities were reminded, so a later request the same day reaches those left.
    const job = await this.jobs.enqueue(
      'reminders.send-now',
      { editionId: edition.id, day },
      { jobId: `reminders-now-${edition.id}-${day}-${split.alreadyRemindedToday}` },
    );
    const counts = {
      municipalities: split.municipalities,
      recipients: split.recipients.length,
      alreadyRemindedToday: split.alreadyRemindedToday,
    };
    await this.audit.record(actor, {
      action: 'edition.reminders-requested',
      targetType: 'edition',
      targetId: edition.id,
      details: { year: edition.year, day, ...counts },
    });
    return { ...counts, jobId: job.id! };
  }

  /** The job: reminds the officers of each municipality not submitted and not yet reminded that day. */
  async sendNow(
    editionId: string,
    day: string,
  ): Promise<{ municipalities: number; notified: number; mailed: number }> {
    const edition = await this.editions.find(editionId);
    if (!edition || this.editions.whyNotAnswerable(edition))
      return { municipalities: 0, notified: 0, mailed: 0 };
    const dedupeKey = reminderNowKey(edition.id, day);
    const { recipients, municipalities } = splitReminderTargets(
      await this.responses.officersToRemind(edition.id, dedupeKey),
    );
    const result = await this.remind(edition, recipients, dedupeKey);
    this.logger.log(
      `Reminders now for ${edition.year} (${day}): ${municipalities} municipalities, ${result.notified} notified`,
    );
    return { municipalities, ...result };
  }

  private remind(edition: Edition, recipients: Array<{ userId: string; email: string }>, dedupeKey: string) {
    const link = `${this.config.publicUrl}/undersoegelser/${edition.id}`;
    const deadline = formatDateTime(edition.closesAt!);
    const body = `Jeres kommune har endnu ikke indsendt ${edition.title}. Fristen er ${deadline}.`;
    return this.notifications.notifyOnce(
      recipients,
      { dedupeKey, title: `Påmindelse: ${edition.title}`, body, link },
      {
        subject: `Påmindelse: ${edition.title} skal indsendes senest ${deadline}`,
        text: `${body}\n\nBesvar her: ${link}\n`,
      },
    );
  }

  async sendDue(): Promise<Array<{ year: number; daysBefore: number; notified: number; mailed: number }>> {
    const now = this.clock.now().getTime();
    const sent = [];
    for (const edition of await this.editions.findAll()) {
      if (edition.status !== 'open' || !edition.closesAt || edition.closesAt.getTime() <= now) continue;
      const daysLeft = (edition.closesAt.getTime() - now) / DAY;
      // Only the nearest threshold already reached: a late start does not send "14 days" and "3 days" at once.
      const due = this.config.reminders.daysBefore.filter((d) => daysLeft <= d).at(-1);
      if (due === undefined) continue;
      const recipients = await this.responses.officersNotSubmitted(edition.id);
      const result = await this.remind(edition, recipients, `survey-reminder:${edition.id}:${due}`);
      this.logger.log(
        `Reminders for ${edition.year} (${due} days before): ${result.notified} notified, ${result.mailed} mailed`,
      );
      sent.push({ year: edition.year, daysBefore: due, ...result });
    }
    return sent;
  }
}
