import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEntry } from './audit-entry.entity';

export interface NewAuditEntry {
  actorId: string | null;
  actor: string;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  address?: string | null;
  details?: Record<string, unknown>;
}

export interface ChainBreak {
  seq: string;
  problem: 'altered' | 'broken-link';
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends one entry; the database trigger assigns seq, time and the chain hashes. */
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
   * Recomputes every hash in one pass over the table and returns the first entry whose stored hash
   * no longer matches its content ("altered") or whose link does not match its predecessor
   * ("broken-link": an entry was removed or inserted out of the chain).
   */
  async findFirstBreak(): Promise<{ entries: number; firstBreak: ChainBreak | null }> {
    const rows: Array<{ seq: string | null; problem: ChainBreak['problem'] | null; entries: string }> =
      await this.dataSource.query(`
        WITH chain AS (
          SELECT a.seq, a.hash, a.prev_hash, audit_log_entry_hash(a) AS expected,
                 lag(a.hash, 1, '') OVER (ORDER BY a.seq) AS previous
          FROM audit_log a
        ), broken AS (
          SELECT seq, CASE WHEN hash <> expected THEN 'altered' ELSE 'broken-link' END AS problem
          FROM chain WHERE hash <> expected OR prev_hash <> previous
          ORDER BY seq LIMIT 1
        )
        SELECT b.seq::text AS seq, b.problem, (SELECT count(*) FROM audit_log)::text AS entries
        FROM (SELECT 1) one LEFT JOIN broken b ON true`);
    const row = rows[0];
    return {
      entries: Number(row.entries),
      firstBreak: row.seq ? { seq: row.seq, problem: row.problem! } : null,
    };
  }

  async findRecent(limit: number): Promise<AuditEntry[]> {
    return this.dataSource.getRepository(AuditEntry).find({ order: { seq: 'DESC' }, take: limit });
  }
}
