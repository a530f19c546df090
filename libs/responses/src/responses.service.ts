import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { AccessPolicy, actorOf, Permission, Principal, UserPrincipal } from '@app/auth';
import { Clock } from '@app/config';
import { Edition, EditionsService } from '@app/surveys';
import { AnswerState, answerState, mergeDecision } from './answer-merge';
import { answerValue } from './answered';
import { AnswerInput, AnswerProblem, StoredValue, validateAnswer } from './answer-validation';
import type { Response } from './response.entity';
import {
  InvalidAnswersException,
  MissingRequiredAnswersException,
  ResponseReadOnlyException,
  StaleVersionException,
  UnknownQuestionException,
} from './responses.exceptions';
import { CurrentAnswerRow, OwnAnswerRow, ResponsesRepository } from './responses.repository';

export interface MyResponseView {
  editionId: string;
  municipalityCode: number;
  status: 'draft' | 'submitted';
  version: number;
  editable: boolean;
  submittedAt: Date | null;
  submittedByName: string | null;
  receiptCode: string | null;
  answers: Array<{
    questionKey: string;
    value: unknown;
    notApplicable: boolean;
    comment: string | null;
    updatedAt: Date;
  }>;
}

/** A colleague of the same municipality, as named beside their change. */
export interface ColleagueView {
  name: string;
  email: string;
}

/** An answer of a save that was not stored, because a colleague changed it after the save's base. */
export interface AnswerConflictView {
  questionKey: string;
  questionId: string;
  /** What the save asked for. */
  yours: AnswerState;
  /** What the colleague stored, and the answer is now. */
  theirs: AnswerState;
  changedInVersion: number;
  changedAt: Date;
  /** null when the author is no longer an officer of the municipality. */
  changedBy: ColleagueView | null;
}

/** The response after a save, and the answers of the save that were not stored. */
export interface SaveAnswersView extends MyResponseView {
  conflicts: AnswerConflictView[];
}

export interface AnswerChangeView extends AnswerState {
  questionKey: string;
  version: number;
  kind: 'set' | 'cleared';
  changedAt: Date;
  changedBy: ColleagueView | null;
}

/** At most this many changes in one history answer, newest first. */
export const HISTORY_LIMIT = 500;

const colleague = (r: { changedByName: string | null; changedByEmail: string | null }) =>
  r.changedByName !== null && r.changedByEmail !== null
    ? { name: r.changedByName, email: r.changedByEmail }
    : null;

@Injectable()
export class ResponsesService {
  constructor(
    private readonly responses: ResponsesRepository,
    private readonly editions: EditionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly access: AccessPolicy,
  ) {}

  /** Only a municipality's own officers reach these methods; the municipality comes from the sign-in. */
  private ownMunicipality(principal: Principal): number {
    return this.access.requireOwnMunicipality(principal, Permission.MunicipalityResponseWrite);
  }

  /** The edition as the caller may know it: to a municipal officer a draft does not exist. */
  private edition(editionId: string, principal: Principal, m?: EntityManager): Promise<Edition> {
    return this.editions.get(editionId, principal, m);
  }

  /** The edition, if its answers can change now; otherwise the reason as an exception. */
  private async writableEdition(
    editionId: string,
    principal: Principal,
    m?: EntityManager,
  ): Promise<Edition> {
    const edition = await this.edition(editionId, principal, m);
    const readOnly = this.readOnlyReason(edition);
    if (readOnly) throw new ResponseReadOnlyException(readOnly);
    return edition;
  }

  /** Why answers cannot change now, or null when they can: the edition lifecycle decides. */
  private readOnlyReason(edition: Edition): string | null {
    return this.editions.whyNotAnswerable(edition);
  }

  async getOwn(editionId: string, principal: Principal): Promise<MyResponseView> {
    const code = this.ownMunicipality(principal);
    const edition = await this.edition(editionId, principal);
    const [response, answers] = await Promise.all([
      this.responses.findOwnResponse(editionId, code),
      this.responses.findOwnAnswers(editionId, code),
    ]);
    return this.view(edition, code, response, answers);
  }

  private view(
    edition: Edition,
    code: number,
    response: Response | null,
    answers: OwnAnswerRow[],
  ): MyResponseView {
    return {
      editionId: edition.id,
      municipalityCode: code,
      status: response?.status ?? 'draft',
      version: response?.version ?? 0,
      editable: this.readOnlyReason(edition) === null && response?.status !== 'submitted',
      submittedAt: response?.submittedAt ?? null,
      submittedByName: response?.submittedByName ?? null,
      receiptCode: response?.receiptCode ?? null,
      answers: answers.map((a) => ({
        questionKey: a.questionKey,
        value: answerValue(a),
        notApplicable: a.notApplicable,
        comment: a.comment,
        updatedAt: a.updatedAt,
      })),
    };
  }

  /**
   * Saves some answers. All are validated first and nothing is written if one is wrong. Then each
   * answer is merged on its own (answer-merge.ts): stored when no colleague changed that question
   * after `version`, the save was based on, and returned as a conflict when one did (with their
   * value, who and when); the other answers of the save are stored all the same.
   */
  async saveAnswers(
    editionId: string,
    principal: Principal,
    version: number,
    inputs: AnswerInput[],
    address?: string,
  ): Promise<SaveAnswersView> {
    const code = this.ownMunicipality(principal);
    const user = principal as UserPrincipal;
    // Validated before BEGIN: the questionnaire is frozen once the edition opens, and a transaction
    // must not wait for a second pooled connection (a burst of saves would hold the pool and deadlock).
    const opened = await this.writableEdition(editionId, principal);
    const { scale, questions } = await this.editions.storedQuestionnaire(editionId);
    const byKey = new Map(questions.map((q) => [q.key, q]));
    const levels = scale.map((l) => l.value);
    const problems: AnswerProblem[] = [];
    const rows: Array<{ questionId: string; questionKey: string; stored: StoredValue }> = [];
    const seen = new Set<string>();
    for (const input of inputs) {
      const q = byKey.get(input.questionKey);
      if (!q) {
        problems.push({
          questionKey: input.questionKey,
          reason: 'UNKNOWN_QUESTION',
          problem: `no such question in edition ${opened.year}`,
        });
        continue;
      }
      if (seen.has(q.key)) {
        problems.push({
          questionKey: q.key,
          reason: 'ANSWERED_TWICE',
          problem: 'answered twice in one request',
        });
        continue;
      }
      seen.add(q.key);
      const result = validateAnswer(q, input, levels);
      if (result.ok) rows.push({ questionId: q.id, questionKey: q.key, stored: result.stored });
      else {
        const { ok: _ok, ...refusal } = result;
        problems.push({ questionKey: q.key, ...refusal });
      }
    }
    if (problems.length > 0) throw new InvalidAnswersException(problems);

    const unlocked = await this.answerWithoutWriting(opened, code, version, rows);
    if (unlocked) return unlocked;

    return this.responses.transaction(async (m) => {
      // Again inside: the edition may have closed since the check above.
      const edition = await this.writableEdition(editionId, principal, m);
      const response = await this.responses.lockOwnResponse(m, editionId, code);
      if (response.status === 'submitted') {
        throw new ResponseReadOnlyException('The response has been submitted; reopen it to change answers');
      }
      if (version > response.version) throw new StaleVersionException(version, response.version);
      const current = new Map(
        (
          await this.responses.currentAnswers(
            m,
            response.id,
            code,
            rows.map((r) => r.questionId),
          )
        ).map((c) => [c.questionId, c]),
      );
      const writes: typeof rows = [];
      const conflicts: AnswerConflictView[] = [];
      for (const row of rows) {
        const now = current.get(row.questionId)!;
        const decision = mergeDecision(version, row.stored, now.stored, now.changedInVersion);
        if (decision === 'write') writes.push(row);
        if (decision === 'conflict') conflicts.push(this.conflict(row, now));
      }
      if (writes.length === 0) {
        const answers = await this.responses.findOwnAnswers(editionId, code, m);
        return { ...this.view(edition, code, response, answers), conflicts };
      }
      const next = response.version + 1;
      await this.responses.upsertAnswers(m, response.id, user.id, writes);
      await this.responses.recordChanges(m, response.id, next, user.id, writes);
      await this.responses.saveResponse(m, response.id, { version: next });
      const answers = await this.responses.findOwnAnswers(editionId, code, m);
      // Last before commit: the audit chain serialises every writer from its insert to the commit.
      // It names the questions that changed, never their values.
      await this.audit.record(
        actorOf(principal, address),
        {
          action: 'response.answers-changed',
          targetType: 'response',
          targetId: response.id,
          details: {
            editionYear: edition.year,
            municipalityCode: code,
            questionKeys: writes.map((w) => w.questionKey),
            version: next,
          },
        },
        m,
      );
      return { ...this.view(edition, code, { ...response, version: next }, answers), conflicts };
    });
  }

  /**
   * A save in which every answer is already stored or a conflict writes nothing, so it is answered
   * from a plain read, without the response's row lock: a burst of stale saves (one officer's
   * retries, a tab left open) then never queues on the lock while holding pooled connections. Its
   * answer stays true later, since a conflict's newer change can only be followed by newer ones.
   * Null when something is to be written (or refused); the locked path below decides then.
   */
  private async answerWithoutWriting(
    edition: Edition,
    code: number,
    version: number,
    rows: Array<{ questionId: string; questionKey: string; stored: StoredValue }>,
  ): Promise<SaveAnswersView | null> {
    const response = await this.responses.findOwnResponse(edition.id, code);
    if (!response || response.status === 'submitted' || version > response.version) return null;
    const current = new Map(
      (
        await this.responses.currentAnswersNow(
          response.id,
          code,
          rows.map((r) => r.questionId),
        )
      ).map((c) => [c.questionId, c]),
    );
    const conflicts: AnswerConflictView[] = [];
    for (const row of rows) {
      const now = current.get(row.questionId)!;
      const decision = mergeDecision(version, row.stored, now.stored, now.changedInVersion);
      if (decision === 'write') return null;
      if (decision === 'conflict') conflicts.push(this.conflict(row, now));
    }
    // The version read first: every answer judged "already stored" was so at that version or later,
    // so a page that bases its next save on it can miss no colleague's change.
    const answers = await this.responses.findOwnAnswers(edition.id, code);
    return { ...this.view(edition, code, response, answers), conflicts };
  }

  private conflict(
    row: { questionId: string; questionKey: string; stored: StoredValue },
    now: CurrentAnswerRow,
  ): AnswerConflictView {
    return {
      questionKey: row.questionKey,
      questionId: row.questionId,
      yours: answerState(row.stored),
      theirs: answerState(now.stored),
      changedInVersion: now.changedInVersion!,
      changedAt: now.changedAt!,
      changedBy: colleague(now),
    };
  }

  /**
   * Who changed the municipality's answers and when, newest first: of one question, of some
   * (at most `perQuestion` each, for the answer page), or of all.
   */
  async history(
    editionId: string,
    principal: Principal,
    questionKeys?: string[],
    perQuestion = HISTORY_LIMIT,
  ): Promise<AnswerChangeView[]> {
    const code = this.ownMunicipality(principal);
    await this.edition(editionId, principal);
    if (questionKeys !== undefined) {
      const { questions } = await this.editions.storedQuestionnaire(editionId);
      const known = new Set(questions.map((q) => q.key));
      const unknown = questionKeys.find((key) => !known.has(key));
      if (unknown !== undefined) throw new UnknownQuestionException(unknown);
    }
    const rows = await this.responses.findOwnHistory(editionId, code, questionKeys ?? null, {
      perQuestion,
      total: HISTORY_LIMIT,
    });
    return rows.map((r) => ({
      questionKey: r.questionKey,
      version: r.version,
      kind: r.kind,
      changedAt: r.changedAt,
      changedBy: colleague(r),
      ...answerState(r),
    }));
  }

  /** Signs the response off in the officer's name; 422 lists every unanswered required question. */
  async submit(editionId: string, principal: Principal, version: number, address?: string) {
    const code = this.ownMunicipality(principal);
    const user = principal as UserPrincipal;
    return this.responses.transaction(async (m) => {
      const edition = await this.writableEdition(editionId, principal, m);
      const response = await this.responses.lockOwnResponse(m, editionId, code);
      if (response.status === 'submitted')
        throw new ResponseReadOnlyException('The response has already been submitted');
      if (response.version !== version) throw new StaleVersionException(version, response.version);
      const missing = await this.responses.missingRequired(m, editionId, response.id);
      if (missing.length > 0) throw new MissingRequiredAnswersException(missing);
      const submittedAt = this.clock.now();
      const receiptCode = createHash('sha256')
        .update(`${response.id}:${response.version + 1}:${submittedAt.toISOString()}`)
        .digest('hex')
        .slice(0, 12)
        .toUpperCase();
      await this.responses.saveResponse(m, response.id, {
        status: 'submitted',
        version: response.version + 1,
        submittedAt,
        submittedBy: user.id,
        submittedByName: user.displayName,
        receiptCode,
      });
      await this.audit.record(
        actorOf(principal, address),
        {
          action: 'response.submitted',
          targetType: 'response',
          targetId: response.id,
          details: { editionYear: edition.year, municipalityCode: code, receiptCode },
        },
        m,
      );
      const saved = (await this.responses.findOwnResponse(editionId, code, m))!;
      return this.view(
        edition,
        code,
        {
          ...saved,
          status: 'submitted',
          version: response.version + 1,
          submittedAt,
          submittedByName: user.displayName,
          receiptCode,
        },
        await this.responses.findOwnAnswers(editionId, code, m),
      );
    });
  }

  /** Back to draft so answers can change again; only while the edition is open and before the deadline. */
  async reopen(editionId: string, principal: Principal, version: number, address?: string) {
    const code = this.ownMunicipality(principal);
    return this.responses.transaction(async (m) => {
      const edition = await this.writableEdition(editionId, principal, m);
      const response = await this.responses.lockOwnResponse(m, editionId, code);
      if (response.status !== 'submitted')
        throw new ResponseReadOnlyException('The response is not submitted');
      if (response.version !== version) throw new StaleVersionException(version, response.version);
      const reopened = {
        status: 'draft' as const,
        version: response.version + 1,
        submittedAt: null,
        submittedBy: null,
        submittedByName: null,
        receiptCode: null,
      };
      await this.responses.saveResponse(m, response.id, reopened);
      await this.audit.record(
        actorOf(principal, address),
        {
          action: 'response.reopened',
          targetType: 'response',
          targetId: response.id,
          details: { editionYear: edition.year, municipalityCode: code },
        },
        m,
      );
      return this.view(
        edition,
        code,
        { ...response, ...reopened },
        await this.responses.findOwnAnswers(editionId, code, m),
      );
    });
  }
}
