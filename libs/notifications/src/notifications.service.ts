import { Injectable, NotFoundException } from '@nestjs/common';
import type { Mail } from './mailer';
import { Mailer } from './mailer';
import { NewNotification, NotificationsRepository } from './notifications.repository';

export interface Recipient {
  userId: string;
  email: string;
}

@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mailer: Mailer,
  ) {}

  /**
   * In-app notification for each recipient, once per dedupe key, and an e-mail to those notified
   * now (so a retried job neither duplicates the message nor the mail). Returns how many were new.
   */
  async notifyOnce(
    recipients: Recipient[],
    message: Omit<NewNotification, 'userId'>,
    mail?: Omit<Mail, 'to'>,
  ): Promise<{ notified: number; mailed: number }> {
    const fresh = new Set(
      await this.notifications.insertNew(recipients.map((r) => ({ ...message, userId: r.userId }))),
    );
    let mailed = 0;
    if (mail && this.mailer.enabled) {
      for (const r of recipients)
        if (fresh.has(r.userId) && (await this.mailer.send({ ...mail, to: r.email }))) mailed++;
    }
    return { notified: fresh.size, mailed };
  }

  /** Whether notifyOnce also e-mails (SMTP_URL is set). */
  get mailEnabled(): boolean {
    return this.mailer.enabled;
  }

  forUser(userId: string) {
    return this.notifications.findForUser(userId);
  }

  async markRead(userId: string, id: string): Promise<void> {
    if (!(await this.notifications.markRead(userId, id)))
      throw new NotFoundException(`Notification ${id} not found`);
  }
}
