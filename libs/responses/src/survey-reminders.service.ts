import { Injectable, Logger } from '@nestjs/common';
import { AppConfigService, Clock } from '@app/config';
import { NotificationsService } from '@app/notifications';
import { EditionsService } from '@app/surveys';
import { formatDateTime } from '@app/ui';
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
  ) {}

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
      const link = `${this.config.publicUrl}/undersoegelser/${edition.id}`;
      const deadline = formatDateTime(edition.closesAt);
      const body = `Jeres kommune har endnu ikke indsendt ${edition.title}. Fristen er ${deadline}.`;
      const result = await this.notifications.notifyOnce(
        recipients,
        {
          dedupeKey: `survey-reminder:${edition.id}:${due}`,
          title: `Påmindelse: ${edition.title}`,
          body,
          link,
        },
        {
          subject: `Påmindelse: ${edition.title} skal indsendes senest ${deadline}`,
          text: `${body}\n\nBesvar her: ${link}\n`,
        },
      );
      this.logger.log(
        `Reminders for ${edition.year} (${due} days before): ${result.notified} notified, ${result.mailed} mailed`,
      );
      sent.push({ year: edition.year, daysBefore: due, ...result });
    }
    return sent;
  }
}
