import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, AuditService } from '@app/audit';
import { AccessPolicy, Permission, Principal } from '@app/auth';
import { AppConfigService, Clock } from '@app/config';
import type { CreateEditionDto, UpdateEditionDto, UpdateQuestionDto } from './dto/edition.dto';
import type { EditionStatus } from './edition-status';
import { EditionChange, EditionEvents } from './edition-events';
import {
  EditionChangeKind,
  requireChangeAllowed,
  requireCloseReason,
  requireDeadlineAhead,
  requireFutureDeadline,
  requirePublishable,
  whyNotAnswerable,
} from './edition-lifecycle';
import type { Edition } from './edition.entity';
import { EditionsRepository } from './editions.repository';
import type { QuestionnaireDefinition } from './questionnaire/questionnaire-definition';
import { loadQuestionnaire } from './questionnaire/questionnaire-definition.validator';
import { toQuestionnaireView } from './questionnaire/questionnaire.view';
import { EditionNotFoundException } from './surveys.exceptions';

/** An edition's stored questionnaire: its scale, areas and questions in order. */
export type StoredQuestionnaire = Awaited<ReturnType<EditionsRepository['questionnaire']>>;

@Injectable()
export class EditionsService {
  constructor(
    private readonly editions: EditionsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: EditionEvents,
    private readonly config: AppConfigService,
    private readonly access: AccessPolicy,
  ) {}

  /** The editions the caller may know of: drafts only for KL. */
  async list(principal: Principal): Promise<Edition[]> {
    return (await this.editions.findAll()).filter((edition) =>
      this.access.canAccess(principal, Permission.EditionRead, { edition }),
    );
  }

  /**
   * The edition, if the caller may know of it. Anyone but KL gets for a draft exactly the 404 of an
   * unknown id, so neither its existence nor its year leaks.
   */
  async get(id: string, principal: Principal, m?: EntityManager): Promise<Edition> {
    const edition = await this.editions.findById(id, m);
    if (!edition || !this.access.canAccess(principal, Permission.EditionRead, { edition }))
      throw new EditionNotFoundException(id);
    return edition;
  }

  /** For the platform's own work (jobs, KL pages behind a role guard): any edition, or a 404. */
  async require(id: string): Promise<Edition> {
    const edition = await this.editions.findById(id);
    if (!edition) throw new EditionNotFoundException(id);
    return edition;
  }

  /** For the platform's own work: the edition or null, no caller to check. */
  find(id: string): Promise<Edition | null> {
    return this.editions.findById(id);
  }

  /** For the platform's own work: every edition, drafts included. */
  findAll(): Promise<Edition[]> {
    return this.editions.findAll();
  }

  /** Why answers to the edition cannot change now, or null when they can. */
  whyNotAnswerable(edition: Edition): string | null {
    return whyNotAnswerable(edition, this.clock.now());
  }

  /** The stored questionnaire of an edition the caller has already been given. */
  storedQuestionnaire(id: string): Promise<StoredQuestionnaire> {
    return this.editions.questionnaire(id);
  }

  /**
   * For the demo seed only: an edition imported from `definition` and put straight into `status`,
   * without lifecycle checks, events or audit, inside the seed's transaction.
   */
  async seedEdition(
    m: EntityManager,
    year: number,
    definition: QuestionnaireDefinition,
    status: EditionStatus,
    dates: Pick<Partial<Edition>, 'opensAt' | 'closesAt' | 'closedAt' | 'publishedAt'>,
  ): Promise<string> {
    const edition = await this.editions.insertEdition(m, {
      surveyId: await this.editions.ensureSurvey(m),
      year,
      title: `Baseline ${year}`,
      questionnaireSource: `definition ${definition.version}`,
    });
    await this.editions.importDefinition(m, edition.id, definition);
    await this.editions.setStatus(m, edition.id, status, dates);
    return edition.id;
  }

  async questionnaire(id: string, principal: Principal) {
    const edition = await this.get(id, principal);
    return toQuestionnaireView(edition, await this.editions.questionnaire(id));
  }

  /** A draft edition, its questionnaire copied from `copyFrom` or imported from the shipped definition. */
  async create(dto: CreateEditionDto, actor: Actor): Promise<Edition> {
    const definition = dto.copyFrom ? null : loadQuestionnaire();
    return this.editions.transaction(async (m) => {
      if (await this.editions.findByYear(dto.year, m)) {
        throw new ConflictException(`An edition for ${dto.year} already exists`);
      }
      let source = `definition ${definition?.version}`;
      if (dto.copyFrom) {
        const from = await this.editions.findById(dto.copyFrom, m);
        if (!from) throw new UnprocessableEntityException(`copyFrom: edition ${dto.copyFrom} does not exist`);
        source = `copy of ${from.year}`;
      }
      const edition = await this.editions.insertEdition(m, {
        surveyId: await this.editions.ensureSurvey(m),
        year: dto.year,
        title: dto.title,
        questionnaireSource: source,
      });
      if (dto.copyFrom) await this.editions.copyQuestionnaire(m, dto.copyFrom, edition.id);
      else await this.editions.importDefinition(m, edition.id, definition!);
      await this.audit.record(
        actor,
        {
          action: 'edition.created',
          targetType: 'edition',
          targetId: edition.id,
          details: { year: dto.year, source },
        },
        m,
      );
      return edition;
    });
  }

  /** A draft's or an open edition's title and deadline; a deadline must still lie ahead. */
  async update(id: string, patch: UpdateEditionDto, actor: Actor): Promise<Edition> {
    if (patch.closesAt) requireDeadlineAhead(patch.closesAt, this.clock.now());
    return this.transition(id, 'edit', actor, async (m, e) => {
      await this.editions.updateDetails(m, e.id, patch);
      const details: Record<string, unknown> = {};
      if (patch.title !== undefined) details.title = { from: e.title, to: patch.title };
      if (patch.closesAt)
        details.closesAt = { from: e.closesAt?.toISOString() ?? null, to: patch.closesAt.toISOString() };
      return { action: 'edition.updated', details };
    });
  }

  /** Only a draft can be deleted: nobody outside KL has seen it, and it holds no answers. */
  async delete(id: string, actor: Actor): Promise<void> {
    await this.editions.transaction(async (m) => {
      const edition = await this.editions.lockById(id, m);
      if (!edition) throw new EditionNotFoundException(id);
      requireChangeAllowed('delete', edition.status);
      await this.editions.deleteDraft(m, id);
      await this.audit.record(
        actor,
        {
          action: 'edition.deleted',
          targetType: 'edition',
          targetId: id,
          details: { year: edition.year, title: edition.title },
        },
        m,
      );
    });
  }

  async updateQuestion(id: string, key: string, dto: UpdateQuestionDto, actor: Actor) {
    return this.transition(id, 'editQuestionnaire', actor, async (m, e) => {
      const question = await this.editions.findQuestion(m, e.id, key);
      if (!question) throw new UnprocessableEntityException(`Question ${key} is not in edition ${e.year}`);
      if (dto.weight !== undefined && dto.weight > 0 && question.type !== 'scale') {
        throw new UnprocessableEntityException(
          `weight: only scale questions are scored; ${key} is ${question.type}`,
        );
      }
      const { weight, ...rest } = dto;
      await this.editions.updateQuestion(m, question.id, {
        ...rest,
        ...(weight === undefined ? {} : { weight: String(weight) }),
      });
      return { action: 'edition.question-updated', details: { questionKey: key, fields: Object.keys(dto) } };
    });
  }

  async open(id: string, closesAt: Date, actor: Actor): Promise<Edition> {
    requireFutureDeadline(closesAt, this.clock.now());
    return this.transition(id, 'open', actor, async (m, e) => {
      await this.editions.setStatus(m, e.id, 'open', { opensAt: this.clock.now(), closesAt });
      return { action: 'edition.opened', change: 'opened', details: { closesAt: closesAt.toISOString() } };
    });
  }

  /** Before the deadline only with a reason, which the audit entry keeps. */
  async close(id: string, actor: Actor, { reason }: { reason?: string } = {}): Promise<Edition> {
    return this.transition(id, 'close', actor, async (m, e) => {
      const early = requireCloseReason(e, reason, this.clock.now());
      await this.editions.setStatus(m, e.id, 'closed', { closedAt: this.clock.now() });
      return {
        action: 'edition.closed',
        change: 'closed',
        details: early ? { early: true, reason: reason!.trim() } : {},
      };
    });
  }

  /**
   * Back to closed: the figures and reports are KL's alone again (the access policy reads the
   * status), until KL publishes the edition anew. The reason goes into the audit chain.
   */
  async withdrawPublication(id: string, reason: string, actor: Actor): Promise<Edition> {
    return this.transition(id, 'withdrawPublication', actor, async (m, e) => {
      await this.editions.setStatus(m, e.id, 'closed', { publishedAt: null });
      return {
        action: 'edition.publication-withdrawn',
        change: 'withdrawn',
        details: { reason: reason.trim(), publishedAt: e.publishedAt?.toISOString() ?? null },
      };
    });
  }

  /** An edition with fewer than K participants is published only when KL confirms it knowingly. */
  async publish(id: string, actor: Actor, { confirmSmallEdition = false } = {}): Promise<Edition> {
    return this.transition(id, 'publish', actor, async (m, e) => {
      const participants = await this.editions.countSubmitted(e.id, m);
      const small = requirePublishable(participants, this.config.anonymityK, confirmSmallEdition);
      await this.editions.setStatus(m, e.id, 'published', { publishedAt: this.clock.now() });
      return {
        action: 'edition.published',
        change: 'published',
        details: { participants, ...(small ? { confirmedSmallEdition: true } : {}) },
      };
    });
  }

  /** Locks the edition, checks its status, applies the change and audits it in one transaction. */
  private async transition(
    id: string,
    kind: EditionChangeKind,
    actor: Actor,
    change: (
      m: EntityManager,
      e: Edition,
    ) => Promise<{ action: string; change?: EditionChange; details?: Record<string, unknown> }>,
  ): Promise<Edition> {
    let happened: EditionChange | undefined;
    const result = await this.editions.transaction(async (m) => {
      const edition = await this.editions.lockById(id, m);
      if (!edition) throw new EditionNotFoundException(id);
      requireChangeAllowed(kind, edition.status);
      const { action, change: lifecycle, details } = await change(m, edition);
      happened = lifecycle;
      await this.audit.record(
        actor,
        {
          action,
          targetType: 'edition',
          targetId: id,
          details: { year: edition.year, ...details },
        },
        m,
      );
      const updated = (await this.editions.findById(id, m))!;
      if (lifecycle) await this.events.within(m, updated, lifecycle);
      return updated;
    });
    if (happened) await this.events.after(result, happened);
    return result;
  }
}
