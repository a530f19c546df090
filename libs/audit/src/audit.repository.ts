import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { containsPattern } from '@app/database';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AUDIT_ENTRY_CONTENT_SQL, ChainTail, NewSeal, PendingEntry, StoredSeal } from './audit-chain';
import { AuditEntry } from './audit-entry.entity';
import { AuditSeal } from './audit-seal.entity';

export interface NewAuditEntry {
  actorId: string | null;
  actor: string;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  address?: string | null;
  details?: Record<string, unknown>;
}

/** Only one sealer links at a time; held by the sealer's own transaction, never by a request. */
const SEALER_LOCK_KEY = 7_311_845_023;

export interface AuditSearch {
  /** Part of the actor's label (an e-mail address, `api-key:<prefix>`, `system`). */
  actor?: string;
  action?: string;
  /** From this moment, inclusive. */
  from?: Date;
  /** Until this moment, exclusive. */
  to?: Date;
  offset: number;
  limit: number;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends one entry: a plain INSERT that takes no lock beyond its own row. */
  async append(entry: NewAuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const values: QueryDeepPartialEntity<AuditEntry> = {
      actorId: entry.actorId,
      actor: entry.actor,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      address: entry.address ?? null,
      details: (entry.details ?? {}) as QueryDeepPartialEntity<AuditEntry>['details'],
    };
    await manager.insert(AuditEntry, values);
  }

  /**
   * Seals up to `limit` committed, unsealed entries in `seq` order after the chain's tail, with the
   * seals `link` computes. Returns how many were sealed; 0 when another sealer holds the lock.
   * An entry whose transaction commits after a later one was sealed simply joins the next batch:
   * the chain's order is the sealing order, so no gap can ever be skipped.
   */
  async sealBatch(
    limit: number,
    link: (tail: ChainTail, entries: PendingEntry[]) => NewSeal[],
  ): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const [{ locked }] = await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SEALER_LOCK_KEY]);
      if (!locked) return 0;
      const pending: PendingEntry[] = await m.query(
        `SELECT a.seq::text AS seq, ${AUDIT_ENTRY_CONTENT_SQL} AS content FROM audit_log a
         WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.seq = a.seq)
         ORDER BY a.seq LIMIT $1`,
        [limit],
      );
      if (pending.length === 0) return 0;
      const seals = link(await this.tail(m), pending);
      await m.insert(AuditSeal, seals);
      return seals.length;
    });
  }

  async tail(manager: EntityManager = this.dataSource.manager): Promise<ChainTail> {
    const [last] = await manager.query(
      // Ordered by the column, not by the text alias of the same name.
      'SELECT s.position::text AS position, s.seq::text AS seq, s.hash FROM audit_seals s ORDER BY s.position DESC LIMIT 1',
    );
    return last
      ? { position: Number(last.position), seq: last.seq, hash: last.hash }
      : { position: 0, seq: null, hash: '' };
  }

  /** Seals after `afterPosition` in chain order, each with its entry's content (null if gone). */
  async findSeals(afterPosition: number, limit: number): Promise<StoredSeal[]> {
    return this.dataSource.query(
      `SELECT s.position::text AS position, s.seq::text AS seq, s.prev_hash AS "prevHash", s.hash,
              CASE WHEN a.seq IS NULL THEN NULL ELSE ${AUDIT_ENTRY_CONTENT_SQL} END AS content
       FROM audit_seals s LEFT JOIN audit_log a ON a.seq = s.seq
       WHERE s.position > $1 ORDER BY s.position LIMIT $2`,
      [afterPosition, limit],
    );
  }

  async countUnsealed(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.seq = a.seq)`,
    );
    return row.n;
  }

  async findRecent(limit: number): Promise<AuditEntry[]> {
    return this.dataSource.getRepository(AuditEntry).find({ order: { seq: 'DESC' }, take: limit });
  }

  /** One page of entries matching the filter, newest first, and how many match in all. */
  async search(filter: AuditSearch): Promise<{ entries: AuditEntry[]; total: number }> {
    const q = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
    if (filter.actor) {
      q.andWhere('a.actor ILIKE :actor', { actor: containsPattern(filter.actor) });
    }
    if (filter.action) q.andWhere('a.action = :action', { action: filter.action });
    if (filter.from) q.andWhere('a.occurred_at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('a.occurred_at < :to', { to: filter.to });
    const [entries, total] = await q
      .orderBy('a.seq', 'DESC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
    return { entries, total };
  }

  /** The actions the log holds, for the filter's choices. */
  async distinctActions(): Promise<string[]> {
    const rows: Array<{ action: string }> = await this.dataSource.query(
      'SELECT DISTINCT action FROM audit_log ORDER BY action',
    );
    return rows.map((r) => r.action);
  }
}
