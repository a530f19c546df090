import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Notification } from './notification.entity';

export interface NewNotification {
  userId: string;
  dedupeKey: string;
  title: string;
  body: string;
  link: string | null;
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts those not sent before (by user and dedupe key) and returns the user ids that are new. */
  async insertNew(rows: NewNotification[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted: Array<{ user_id: string }> = await this.dataSource.query(
      `INSERT INTO notifications (user_id, dedupe_key, title, body, link)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(user_id uuid, dedupe_key text, title text, body text, link text)
       ON CONFLICT (user_id, dedupe_key) DO NOTHING
       RETURNING user_id`,
      [
        JSON.stringify(
          rows.map((r) => ({
            user_id: r.userId,
            dedupe_key: r.dedupeKey,
            title: r.title,
            body: r.body,
            link: r.link,
          })),
        ),
      ],
    );
    return inserted.map((r) => r.user_id);
  }

  findForUser(userId: string, limit = 50): Promise<Notification[]> {
    return this.dataSource
      .getRepository(Notification)
      .find({ where: { userId }, order: { createdAt: 'DESC' }, take: limit });
  }

  async markRead(userId: string, id: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(Notification)
      .update({ id, userId }, { readAt: () => 'coalesce(read_at, now())' });
    return (result.affected ?? 0) > 0;
  }
}
