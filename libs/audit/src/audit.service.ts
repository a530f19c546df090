import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from './actor';
import { AuditRepository, ChainBreak } from './audit.repository';

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string | number;
  /** Facts about the change. Never answer values, passwords or tokens. */
  details?: Record<string, unknown>;
}

export interface ChainVerification {
  ok: boolean;
  entries: number;
  firstBreak: ChainBreak | null;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly audit: AuditRepository) {}

  /** Pass the transaction's manager so the entry commits or rolls back with the change it records. */
  async record(actor: Actor, event: AuditEvent, manager?: EntityManager): Promise<void> {
    await this.audit.append(
      {
        actorId: actor.id,
        actor: actor.label,
        action: event.action,
        targetType: event.targetType ?? null,
        targetId: event.targetId === undefined ? null : String(event.targetId),
        address: actor.address ?? null,
        details: event.details,
      },
      manager,
    );
  }

  recent(limit: number) {
    return this.audit.findRecent(limit);
  }

  async verifyChain(): Promise<ChainVerification> {
    const { entries, firstBreak } = await this.audit.findFirstBreak();
    if (firstBreak) {
      this.logger.error(`Audit chain broken at entry ${firstBreak.seq} (${firstBreak.problem})`);
    }
    return { ok: firstBreak === null, entries, firstBreak };
  }
}
