import { ConflictException, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfigService, Clock } from '@app/config';
import type { Actor } from './actor';
import {
  AuditHead,
  ChainProblem,
  ChainTail,
  checkSeal,
  headSignatureValid,
  linkSeals,
  signHead,
} from './audit-chain';
import { AuditHeadStore } from './audit-head.store';
import { AuditRepository, AuditSearch } from './audit.repository';

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string | number;
  /** Facts about the change. Never answer values, passwords or tokens. */
  details?: Record<string, unknown>;
}

export interface ChainBreak {
  seq: string | null;
  problem: ChainProblem;
}

export interface ChainVerification {
  ok: boolean;
  /** Sealed entries verified. */
  entries: number;
  /** Entries appended but not sealed yet (the worker seals them within seconds). */
  unsealed: number;
  /** The signed head the chain was checked against, if one was kept. */
  head: AuditHead | null;
  firstBreak: ChainBreak | null;
}

const BATCH = 1_000;

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(
    private readonly audit: AuditRepository,
    private readonly heads: AuditHeadStore,
    private readonly config: AppConfigService,
    private readonly clock: Clock,
  ) {}

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

  search(filter: AuditSearch) {
    return this.audit.search(filter);
  }

  actions(): Promise<string[]> {
    return this.audit.distinctActions();
  }

  /** Links every committed, unsealed entry into the keyed chain; returns how many. */
  async seal(): Promise<number> {
    const key = this.config.audit.key;
    let sealed = 0;
    for (;;) {
      const n = await this.audit.sealBatch(BATCH, (tail, entries) => linkSeals(key, tail, entries));
      sealed += n;
      if (n < BATCH) return sealed;
    }
  }

  /**
   * Recomputes every seal with AUDIT_KEY in chain order, then compares the end of the chain with the
   * newest signed head: a rewrite without the key breaks a seal, and a deleted tail falls short of
   * the head.
   */
  async verifyChain(): Promise<ChainVerification> {
    const key = this.config.audit.key;
    const head = await this.heads.latest();
    let firstBreak: ChainBreak | null = null;
    let previous: ChainTail = { position: 0, hash: '', seq: null };
    let entries = 0;
    const note = (seq: string | null, problem: ChainProblem) => (firstBreak ??= { seq, problem });
    for (;;) {
      const seals = await this.audit.findSeals(previous.position, BATCH);
      for (const seal of seals) {
        const problem = checkSeal(key, previous, seal);
        if (problem) note(seal.seq, problem);
        if (head && Number(seal.position) === head.count && seal.hash !== head.lastHash) {
          note(seal.seq, 'head-mismatch');
        }
        previous = { position: Number(seal.position), hash: seal.hash, seq: seal.seq };
        entries += 1;
      }
      if (seals.length < BATCH) break;
    }
    if (head && !headSignatureValid(key, head)) note(head.lastSeq, 'head-forged');
    else if (head && previous.position < head.count) note(head.lastSeq, 'truncated');
    const unsealed = await this.audit.countUnsealed();
    const result = { ok: firstBreak === null, entries, unsealed, head, firstBreak };
    if (firstBreak) {
      const { seq, problem } = firstBreak as ChainBreak;
      this.logger.error(`Audit chain broken at entry ${seq} (${problem})`);
    }
    return result;
  }

  /** A verification a person asked for: recorded first, so the log shows who checked it and when. */
  async verifyChainFor(actor: Actor): Promise<ChainVerification> {
    await this.record(actor, { action: 'admin.audit-verified', targetType: 'audit_log' });
    return this.verifyChain();
  }

  /**
   * Seals, verifies, and publishes a signed head of the chain. A broken chain gets no new head
   * (`head: null`), so that a head always vouches for a chain that verified.
   */
  async sealVerifyAndPublish(): Promise<{ verification: ChainVerification; head: AuditHead | null }> {
    await this.seal();
    const verification = await this.verifyChain();
    if (!verification.ok) return { verification, head: null };
    const head = signHead(this.config.audit.key, await this.audit.tail(), this.clock.now());
    await this.heads.publish(head);
    return { verification, head };
  }

  /** As sealVerifyAndPublish, for callers that must not go on when the chain is broken. */
  async publishHead(): Promise<{ verification: ChainVerification; head: AuditHead }> {
    const { verification, head } = await this.sealVerifyAndPublish();
    if (!head) {
      const { seq, problem } = verification.firstBreak!;
      throw new ConflictException(`Audit chain broken at entry ${seq} (${problem}): no head written`);
    }
    return { verification, head };
  }
}
