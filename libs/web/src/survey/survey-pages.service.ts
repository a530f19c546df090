import { Injectable, NotFoundException } from '@nestjs/common';
import type { UserPrincipal } from '@app/auth';
import { Clock } from '@app/config';
import { DomainError, ErrorCode } from '@app/http';
import {
  AnswerChangeView,
  AnswerInput,
  AnswerProblem,
  InvalidAnswersException,
  MissingRequiredAnswersException,
  MyResponseView,
  ResponseReadOnlyException,
  ResponsesService,
  SaveAnswersView,
  StaleVersionException,
  isAnswered,
} from '@app/responses';
import { EditionDto, EditionsService } from '@app/surveys';
import { answerProblemText } from '../danish-errors';
import { formatTime } from '@app/ui';
import type { PageUser } from '../views/layout.view';
import { WebUserService } from '../web-user.service';
import {
  Area,
  answerInput,
  fieldStateFromForm,
  fieldName,
  fieldStateFromJson,
  FieldState,
  Question,
  Questionnaire,
  seenDigest,
} from './answer-form';
import { answerProgress, AnswerProgress } from './answer-progress';
import type { AutosaveDto } from './dto/autosave.dto';
import { AnswerConflictNotice, conflictBox, conflictNotice } from './views/answer-conflict.view';

/** Everything an answering, submission or receipt page shows. */
export interface AnswerContext {
  user: PageUser;
  questionnaire: Questionnaire;
  response: MyResponseView;
  progress: AnswerProgress;
  /** Submitted while the edition still takes changes: the officer may take it back. */
  canReopen: boolean;
}

export type ResponseStatus = 'not_started' | 'in_progress' | 'submitted';

export interface OverviewRow {
  edition: EditionDto;
  status: ResponseStatus;
  editable: boolean;
  submittedAt: Date | null;
}

export type SaveAreaOutcome =
  | { kind: 'saved'; area: Area; next: Area | null }
  | {
      kind: 'invalid';
      context: AnswerContext;
      area: Area;
      fields: Map<string, FieldState>;
      errors: Map<string, string>;
    }
  | {
      kind: 'conflicts';
      context: AnswerContext;
      area: Area;
      /** The officer's fields of the questions in conflict; the others show what is stored. */
      fields: Map<string, FieldState>;
      conflicts: Map<string, AnswerConflictNotice>;
    }
  | { kind: 'read-only'; context: AnswerContext; area: Area };

export type SubmitOutcome =
  { kind: 'submitted' } | { kind: 'unconfirmed' | 'missing' | 'stale' | 'read-only'; context: AnswerContext };

export type ReopenOutcome = { kind: 'reopened' } | { kind: 'refused'; context: AnswerContext };

export interface AutosaveResult {
  version: number;
  savedAt: string;
  /** "14.05" in Danish time, so the page need not know the server's or the browser's zone. */
  savedAtText: string;
  progress: Omit<AnswerProgress, 'missing'>;
  /** Answers a colleague's change kept out, each with its box to show inside the question. */
  conflicts: Array<{ questionKey: string; html: string }>;
}

/** A missing or unknown area is a page that does not exist. */
export function areaOf(questionnaire: Questionnaire, key: unknown): Area {
  if (key === undefined || key === null || key === '') return questionnaire.areas[0];
  const area = questionnaire.areas.find((a) => a.key === key);
  if (!area) throw new NotFoundException(`No area ${String(key)} in this edition`);
  return area;
}

/** How many changes »Historik« shows under a question. */
const HISTORY_PER_QUESTION = 10;

const versionOf = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : -1);

/**
 * The officer's survey pages on top of the responses service: loads what a page shows, and turns
 * a posted area form or an autosaved answer into one `saveAnswers` call and its outcome. The
 * municipality always comes from the signed-in officer; no page names one.
 */
@Injectable()
export class SurveyPagesService {
  constructor(
    private readonly editions: EditionsService,
    private readonly responses: ResponsesService,
    private readonly webUsers: WebUserService,
    private readonly clock: Clock,
  ) {}

  /** Every edition the officer may see with the municipality's status in it, and the time now. */
  async overview(principal: UserPrincipal): Promise<{ user: PageUser; rows: OverviewRow[]; now: Date }> {
    const visible = await this.editions.list(principal);
    const rows = await Promise.all(
      visible.map(async (edition): Promise<OverviewRow> => {
        const own = await this.responses.getOwn(edition.id, principal);
        const status: ResponseStatus =
          own.status === 'submitted'
            ? 'submitted'
            : own.answers.some(isAnswered)
              ? 'in_progress'
              : 'not_started';
        return {
          edition: EditionDto.from(edition),
          status,
          editable: own.editable,
          submittedAt: own.submittedAt,
        };
      }),
    );
    return { user: await this.webUsers.pageUser(principal), rows, now: this.clock.now() };
  }

  async context(editionId: string, principal: UserPrincipal): Promise<AnswerContext> {
    const [user, questionnaire, response] = await Promise.all([
      this.webUsers.pageUser(principal),
      this.editions.questionnaire(editionId, principal),
      this.responses.getOwn(editionId, principal),
    ]);
    const { edition } = questionnaire;
    const canReopen =
      response.status === 'submitted' &&
      edition.status === 'open' &&
      !!edition.closesAt &&
      new Date(edition.closesAt).getTime() > this.clock.now().getTime();
    return {
      user,
      questionnaire,
      response,
      progress: answerProgress(questionnaire, response.answers),
      canReopen,
    };
  }

  /** The newest changes of each question of an area, for the »Historik« under it. */
  async history(
    editionId: string,
    principal: UserPrincipal,
    area: Area,
  ): Promise<Map<string, AnswerChangeView[]>> {
    const keys = area.questions.map((q) => q.key);
    const byKey = new Map<string, AnswerChangeView[]>();
    for (const change of await this.responses.history(editionId, principal, keys, HISTORY_PER_QUESTION)) {
      byKey.set(change.questionKey, [...(byKey.get(change.questionKey) ?? []), change]);
    }
    return byKey;
  }

  /**
   * Saves the questions of one area that the officer changed: an emptied field clears its answer,
   * a field that still shows what the page showed (its `seen:` fingerprint) is left out, and so is
   * a question whose colleague's answer the officer chose (»Brug kollegas svar«, `theirs`). A
   * colleague's change to a question the officer also changed comes back as a conflict beside it.
   */
  async saveArea(
    editionId: string,
    principal: UserPrincipal,
    form: Record<string, unknown>,
    address: string,
  ): Promise<SaveAreaOutcome> {
    const questionnaire = await this.editions.questionnaire(editionId, principal);
    const area = areaOf(questionnaire, form.area);
    const fields = new Map(area.questions.map((q) => [q.key, fieldStateFromForm(q, form)]));
    const changed = area.questions.filter(
      (q) => q.key !== form.theirs && form[fieldName.seen(q.key)] !== seenDigest(q, fields.get(q.key)!),
    );
    const next = questionnaire.areas[questionnaire.areas.indexOf(area) + 1] ?? null;
    if (changed.length === 0) return { kind: 'saved', area, next };
    const inputs = changed.map((q) => answerInput(q, fields.get(q.key)!));
    let saved: SaveAnswersView;
    try {
      saved = await this.responses.saveAnswers(
        editionId,
        principal,
        versionOf(form.version),
        inputs,
        address,
      );
    } catch (e) {
      if (e instanceof InvalidAnswersException) {
        const errors = danishProblems(area.questions, e.details!);
        const posted = new Map(changed.map((q) => [q.key, fields.get(q.key)!]));
        const context = await this.context(editionId, principal);
        return { kind: 'invalid', context, area, fields: posted, errors };
      }
      if (e instanceof StaleVersionException || e instanceof ResponseReadOnlyException) {
        return { kind: 'read-only', context: await this.context(editionId, principal), area };
      }
      throw e;
    }
    if (saved.conflicts.length === 0) return { kind: 'saved', area, next };
    const byKey = new Map(area.questions.map((q) => [q.key, q]));
    const conflicts = new Map(
      saved.conflicts.map((c) => [
        c.questionKey,
        conflictNotice(byKey.get(c.questionKey)!, questionnaire.scale, c, saved.version),
      ]),
    );
    return {
      kind: 'conflicts',
      context: await this.context(editionId, principal),
      area,
      fields: new Map([...conflicts.keys()].map((key) => [key, fields.get(key)!])),
      conflicts,
    };
  }

  /** Signs the response off once the officer has ticked the confirmation. */
  async submit(
    editionId: string,
    principal: UserPrincipal,
    form: { version?: string; confirm?: string },
    address: string,
  ): Promise<SubmitOutcome> {
    if (form.confirm !== 'ja')
      return { kind: 'unconfirmed', context: await this.context(editionId, principal) };
    try {
      await this.responses.submit(editionId, principal, versionOf(form.version), address);
      return { kind: 'submitted' };
    } catch (e) {
      const kind =
        e instanceof MissingRequiredAnswersException
          ? 'missing'
          : e instanceof StaleVersionException
            ? 'stale'
            : e instanceof ResponseReadOnlyException
              ? 'read-only'
              : null;
      if (!kind) throw e;
      return { kind, context: await this.context(editionId, principal) };
    }
  }

  /** Takes a submitted response back to draft; refused after the deadline or on a stale version. */
  async reopen(
    editionId: string,
    principal: UserPrincipal,
    form: { version?: string },
    address: string,
  ): Promise<ReopenOutcome> {
    try {
      await this.responses.reopen(editionId, principal, versionOf(form.version), address);
      return { kind: 'reopened' };
    } catch (e) {
      if (!(e instanceof StaleVersionException || e instanceof ResponseReadOnlyException)) throw e;
      return { kind: 'refused', context: await this.context(editionId, principal) };
    }
  }

  /**
   * Saves what autosave.js sends; a rejected answer is a 422 whose details carry Danish messages,
   * and an answer a colleague's change kept out comes back with its conflict box.
   */
  async autosave(
    editionId: string,
    principal: UserPrincipal,
    dto: AutosaveDto,
    address: string,
  ): Promise<AutosaveResult> {
    const questionnaire = await this.editions.questionnaire(editionId, principal);
    const byKey = new Map(questionnaire.areas.flatMap((a) => a.questions).map((q) => [q.key, q]));
    const inputs = dto.answers.map((a): AnswerInput => {
      const q = byKey.get(a.questionKey);
      return q
        ? answerInput(q, fieldStateFromJson(a))
        : { questionKey: a.questionKey, value: a.value, notApplicable: a.notApplicable };
    });
    try {
      const saved = await this.responses.saveAnswers(editionId, principal, dto.version, inputs, address);
      const now = this.clock.now();
      const { missing: _missing, ...progress } = answerProgress(questionnaire, saved.answers);
      const conflicts = saved.conflicts.map((c) => ({
        questionKey: c.questionKey,
        html: conflictBox(
          conflictNotice(byKey.get(c.questionKey)!, questionnaire.scale, c, saved.version),
        ).toString(),
      }));
      return {
        version: saved.version,
        savedAt: now.toISOString(),
        savedAtText: formatTime(now),
        progress,
        conflicts,
      };
    } catch (e) {
      if (!(e instanceof InvalidAnswersException)) throw e;
      const messages = danishProblems([...byKey.values()], e.details!);
      throw new DomainError(
        ErrorCode.ANSWER_INVALID,
        'Svaret blev ikke gemt',
        e.details!.map((p) => ({ ...p, message: messages.get(p.questionKey) })),
      );
    }
  }
}

function danishProblems(questions: Question[], problems: AnswerProblem[]): Map<string, string> {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  return new Map(problems.map((p) => [p.questionKey, answerProblemText(byKey.get(p.questionKey), p)]));
}
