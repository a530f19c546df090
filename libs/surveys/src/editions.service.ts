import { ConflictException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { AppConfigService, Clock } from '@app/config';
import type { CreateEditionDto, UpdateQuestionDto } from './dto/edition.dto';
import type { EditionStatus } from './edition-status';
import { EditionChange, EditionEvents } from './edition-events';
import type { Edition } from './edition.entity';
import { isVisibleTo, requireVisible } from './edition-visibility';
import { EditionsRepository } from './editions.repository';
import { loadQuestionnaire } from './questionnaire/questionnaire-definition.validator';
import { toQuestionnaireView } from './questionnaire/questionnaire.view';
import {
  EditionNotFoundException,
  SmallEditionException,
  WrongEditionStatusException,
} from './surveys.exceptions';

@Injectable()
export class EditionsService {
  constructor(
    private readonly editions: EditionsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: EditionEvents,
    private readonly config: AppConfigService,
  ) {}

  /** The editions the caller may know of: drafts only for KL. */
  async list(principal: Principal): Promise<Edition[]> {
    return (await this.editions.findAll()).filter((e) => isVisibleTo(e, principal));
  }

  async get(id: string, principal: Principal): Promise<Edition> {
    return requireVisible(await this.editions.findById(id), id, principal);
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

  async rename(id: string, title: string, actor: Actor): Promise<Edition> {
    return this.transition(id, 'rename', ['draft', 'open', 'closed'], actor, async (m, e) => {
      await this.editions.updateTitle(m, e.id, title);
      return { details: { title } };
    });
  }

  async updateQuestion(id: string, key: string, dto: UpdateQuestionDto, actor: Actor) {
    return this.transition(id, 'edit the questionnaire of', ['draft'], actor, async (m, e) => {
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
    if (closesAt.getTime() <= this.clock.now().getTime()) {
      throw new UnprocessableEntityException('closesAt must be in the future');
    }
    return this.transition(id, 'open', ['draft'], actor, async (m, e) => {
      await this.editions.setStatus(m, e.id, 'open', { opensAt: this.clock.now(), closesAt });
      return { action: 'edition.opened', change: 'opened', details: { closesAt: closesAt.toISOString() } };
    });
  }

  async close(id: string, actor: Actor): Promise<Edition> {
    return this.transition(id, 'close', ['open'], actor, async (m, e) => {
      await this.editions.setStatus(m, e.id, 'closed', { closedAt: this.clock.now() });
      return { action: 'edition.closed', change: 'closed' };
    });
  }

  /** An edition with fewer than K participants is published only when KL confirms it knowingly. */
  async publish(id: string, actor: Actor, { confirmSmallEdition = false } = {}): Promise<Edition> {
    return this.transition(id, 'publish', ['closed'], actor, async (m, e) => {
      const participants = await this.editions.countSubmitted(e.id, m);
      const small = participants < this.config.anonymityK;
      if (small && !confirmSmallEdition)
        throw new SmallEditionException(participants, this.config.anonymityK);
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
    verb: string,
    allowedFrom: EditionStatus[],
    actor: Actor,
    change: (
      m: EntityManager,
      e: Edition,
    ) => Promise<{ action?: string; change?: EditionChange; details?: Record<string, unknown> }>,
  ): Promise<Edition> {
    let happened: EditionChange | undefined;
    const result = await this.editions.transaction(async (m) => {
      const edition = await this.editions.lockById(id, m);
      if (!edition) throw new EditionNotFoundException(id);
      if (!allowedFrom.includes(edition.status))
        throw new WrongEditionStatusException(verb, edition.status, allowedFrom);
      const { action, change: lifecycle, details } = await change(m, edition);
      happened = lifecycle;
      await this.audit.record(
        actor,
        {
          action: action ?? 'edition.renamed',
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
