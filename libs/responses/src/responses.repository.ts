import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isEmptyAnswer } from './answer-merge';
import type { StoredValue } from './answer-validation';
import { ANSWERED_SQL } from './answered';
import { Response } from './response.entity';

/** SQL: the answer row `a` holds a value or an explicit "not applicable" (a comment alone is not an answer). */

export interface OwnAnswerRow extends StoredValue {
  questionKey: string;
  updatedAt: Date;
}

/** One answer of a save as it is now, with its newest change; who only if of the same municipality. */
export interface CurrentAnswerRow {
  questionId: string;
  /** null: no answer row (never answered, or cleared). */
  stored: StoredValue | null;
  changedInVersion: number | null;
  changedAt: Date | null;
  changedByName: string | null;
  changedByEmail: string | null;
}

/** One change of the per-question history, newest first. */
export interface AnswerChangeRow extends StoredValue {
  questionKey: string;
  version: number;
  kind: 'set' | 'cleared';
  changedAt: Date;
  changedByName: string | null;
  changedByEmail: string | null;
}

export interface ParticipationRow {
  municipalityCode: number;
  municipalityName: string;
  regionCode: number;
  regionName: string;
  status: 'not_started' | 'in_progress' | 'submitted';
  answeredRequired: number;
  requiredQuestions: number;
  progressPercent: number;
  submittedAt: Date | null;
  submittedByName: string | null;
  lastChangedAt: Date | null;
}

export interface ReminderTarget {
  userId: string;
  email: string;
  municipalityCode: number;
  municipalityReminded: boolean;
}

/**
 * Every read and write of answers goes through here, and every method takes the municipality
 * code it is scoped to: there is no way to ask for "a response by id".
 */
@Injectable()
export class ResponsesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findOwnResponse(
    editionId: string,
    municipalityCode: number,
    m: EntityManager = this.dataSource.manager,
  ): Promise<Response | null> {
    return m.getRepository(Response).findOne({ where: { editionId, municipalityCode } });
  }

  /** The municipality's response, created empty if missing, locked for the rest of the transaction. */
  async lockOwnResponse(m: EntityManager, editionId: string, municipalityCode: number): Promise<Response> {
    await m.query(
      `INSERT INTO responses (edition_id, municipality_code) VALUES ($1, $2)
       ON CONFLICT (edition_id, municipality_code) DO NOTHING`,
      [editionId, municipalityCode],
    );
    return m.getRepository(Response).findOneOrFail({
      where: { editionId, municipalityCode },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async findOwnAnswers(
    editionId: string,
    municipalityCode: number,
    m: EntityManager = this.dataSource.manager,
  ): Promise<OwnAnswerRow[]> {
    return m.query(
      `SELECT q.key AS "questionKey", a.value_number AS "valueNumber", a.value_bool AS "valueBool",
              a.value_text AS "valueText", a.value_choices AS "valueChoices", a.not_applicable AS "notApplicable",
              a.comment, a.updated_at AS "updatedAt"
       FROM responses r
       JOIN answers a ON a.response_id = r.id
       JOIN questions q ON q.id = a.question_id
       WHERE r.edition_id = $1 AND r.municipality_code = $2
       ORDER BY q.position`,
      [editionId, municipalityCode],
    );
  }

  /** Writes a batch of answers in one statement; a fully empty answer is removed instead. */
  async upsertAnswers(
    m: EntityManager,
    responseId: string,
    userId: string,
    answers: Array<{ questionId: string; stored: StoredValue }>,
  ): Promise<void> {
    const keep = answers.filter(({ stored: s }) => !isEmptyAnswer(s));
    const drop = answers.filter(({ stored: s }) => isEmptyAnswer(s)).map((a) => a.questionId);
    if (drop.length > 0) {
      await m.query(`DELETE FROM answers WHERE response_id = $1 AND question_id = ANY($2::uuid[])`, [
        responseId,
        drop,
      ]);
    }
    if (keep.length === 0) return;
    await m.query(
      `INSERT INTO answers (response_id, question_id, value_number, value_bool, value_text, value_choices,
                            not_applicable, comment, updated_by, updated_at)
       SELECT $1, x.question_id, x.value_number, x.value_bool, x.value_text,
              CASE WHEN x.value_choices IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(x.value_choices)) END,
              x.not_applicable, x.comment, $2, now()
       FROM jsonb_to_recordset($3::jsonb) AS x(question_id uuid, value_number numeric, value_bool boolean, value_text text,
                                               value_choices jsonb, not_applicable boolean, comment text)
       ON CONFLICT (response_id, question_id) DO UPDATE SET
         value_number = EXCLUDED.value_number, value_bool = EXCLUDED.value_bool, value_text = EXCLUDED.value_text,
         value_choices = EXCLUDED.value_choices, not_applicable = EXCLUDED.not_applicable, comment = EXCLUDED.comment,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        responseId,
        userId,
        JSON.stringify(
          keep.map(({ questionId, stored: s }) => ({
            question_id: questionId,
            value_number: s.valueNumber,
            value_bool: s.valueBool,
            value_text: s.valueText,
            value_choices: s.valueChoices,
            not_applicable: s.notApplicable,
            comment: s.comment,
          })),
        ),
      ],
    );
  }

  /**
   * The answers a save touches as they are now, each with its newest change (set-based: one
   * statement for the whole save, inside its transaction, after the response row is locked).
   * The author is named only when they are an officer of the response's own municipality.
   */
  /** currentAnswers outside a transaction: what is committed now, without any lock. */
  currentAnswersNow(responseId: string, municipalityCode: number, questionIds: string[]) {
    return this.currentAnswers(this.dataSource.manager, responseId, municipalityCode, questionIds);
  }

  async currentAnswers(
    m: EntityManager,
    responseId: string,
    municipalityCode: number,
    questionIds: string[],
  ): Promise<CurrentAnswerRow[]> {
    const rows: Array<StoredValue & Omit<CurrentAnswerRow, 'stored'> & { answered: boolean }> = await m.query(
      `SELECT x.question_id AS "questionId", a.question_id IS NOT NULL AS answered,
                a.value_number AS "valueNumber", a.value_bool AS "valueBool", a.value_text AS "valueText",
                a.value_choices AS "valueChoices", coalesce(a.not_applicable, false) AS "notApplicable",
                a.comment, c.version AS "changedInVersion", c.changed_at AS "changedAt",
                u.display_name AS "changedByName", u.email AS "changedByEmail"
         FROM unnest($2::uuid[]) AS x(question_id)
         LEFT JOIN answers a ON a.response_id = $1 AND a.question_id = x.question_id
         LEFT JOIN LATERAL (
           SELECT version, changed_at, changed_by FROM answer_changes
           WHERE response_id = $1 AND question_id = x.question_id
           ORDER BY version DESC LIMIT 1
         ) c ON true
         LEFT JOIN users u ON u.id = c.changed_by AND u.municipality_code = $3`,
      [responseId, questionIds, municipalityCode],
    );
    return rows.map((r) => ({
      questionId: r.questionId,
      stored: r.answered
        ? {
            valueNumber: r.valueNumber,
            valueBool: r.valueBool,
            valueText: r.valueText,
            valueChoices: r.valueChoices,
            notApplicable: r.notApplicable,
            comment: r.comment,
          }
        : null,
      changedInVersion: r.changedInVersion,
      changedAt: r.changedAt,
      changedByName: r.changedByName,
      changedByEmail: r.changedByEmail,
    }));
  }

  /** Appends the changes of one save to the per-question history, all at the version it created. */
  async recordChanges(
    m: EntityManager,
    responseId: string,
    version: number,
    userId: string,
    answers: Array<{ questionId: string; stored: StoredValue }>,
  ): Promise<void> {
    if (answers.length === 0) return;
    await m.query(
      `INSERT INTO answer_changes (response_id, question_id, version, changed_by, changed_at, kind, value_number,
                                  value_bool, value_text, value_choices, not_applicable, comment)
       SELECT $1, x.question_id, $2, $3, now(), x.kind, x.value_number, x.value_bool, x.value_text,
              CASE WHEN x.value_choices IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(x.value_choices)) END,
              x.not_applicable, x.comment
       FROM jsonb_to_recordset($4::jsonb) AS x(question_id uuid, kind text, value_number numeric, value_bool boolean,
                                               value_text text, value_choices jsonb, not_applicable boolean, comment text)`,
      [
        responseId,
        version,
        userId,
        JSON.stringify(
          answers.map(({ questionId, stored: s }) => ({
            question_id: questionId,
            kind: isEmptyAnswer(s) ? 'cleared' : 'set',
            value_number: s.valueNumber,
            value_bool: s.valueBool,
            value_text: s.valueText,
            value_choices: s.valueChoices,
            not_applicable: s.notApplicable,
            comment: s.comment,
          })),
        ),
      ],
    );
  }

  /**
   * The municipality's own history of changes, newest first: of the given questions (null: all),
   * at most `perQuestion` of each and `limit` in all. Authors are named only when they are officers
   * of that municipality.
   */
  findOwnHistory(
    editionId: string,
    municipalityCode: number,
    questionKeys: string[] | null,
    limits: { perQuestion: number; total: number },
  ): Promise<AnswerChangeRow[]> {
    return this.dataSource.query(
      `SELECT c."questionKey", c.version, c.kind, c.changed_at AS "changedAt",
              c.value_number AS "valueNumber", c.value_bool AS "valueBool", c.value_text AS "valueText",
              c.value_choices AS "valueChoices", c.not_applicable AS "notApplicable", c.comment,
              u.display_name AS "changedByName", u.email AS "changedByEmail"
       FROM (
         SELECT c.*, q.key AS "questionKey", q.position, r.municipality_code,
                row_number() OVER (PARTITION BY c.question_id ORDER BY c.version DESC) AS nth
         FROM responses r
         JOIN answer_changes c ON c.response_id = r.id
         JOIN questions q ON q.id = c.question_id
         WHERE r.edition_id = $1 AND r.municipality_code = $2 AND ($3::text[] IS NULL OR q.key = ANY($3))
       ) c
       LEFT JOIN users u ON u.id = c.changed_by AND u.municipality_code = c.municipality_code
       WHERE c.nth <= $4
       ORDER BY c.version DESC, c.position
       LIMIT $5`,
      [editionId, municipalityCode, questionKeys, limits.perQuestion, limits.total],
    );
  }

  async saveResponse(m: EntityManager, id: string, patch: Partial<Response>): Promise<void> {
    await m.getRepository(Response).update({ id }, patch);
  }

  /** Keys of required questions without a value or an explicit "not applicable". */
  async missingRequired(m: EntityManager, editionId: string, responseId: string): Promise<string[]> {
    const rows: Array<{ key: string }> = await m.query(
      `SELECT q.key FROM questions q
       LEFT JOIN answers a ON a.question_id = q.id AND a.response_id = $2 AND ${ANSWERED_SQL}
       WHERE q.edition_id = $1 AND q.required AND a.question_id IS NULL
       ORDER BY (SELECT position FROM areas WHERE id = q.area_id), q.position`,
      [editionId, responseId],
    );
    return rows.map((r) => r.key);
  }

  /** Status and progress per municipality; counts only, never an answer. */
  async participation(editionId: string): Promise<ParticipationRow[]> {
    return this.dataSource.query(
      `WITH required AS (SELECT count(*)::int AS n FROM questions WHERE edition_id = $1 AND required),
       progress AS (
         SELECT r.municipality_code, count(a.question_id) FILTER (WHERE ${ANSWERED_SQL}) AS answered,
                count(a.question_id) FILTER (WHERE q.required AND ${ANSWERED_SQL})::int AS answered_required,
                max(a.updated_at) AS last_changed
         FROM responses r
         LEFT JOIN answers a ON a.response_id = r.id
         LEFT JOIN questions q ON q.id = a.question_id
         WHERE r.edition_id = $1
         GROUP BY r.municipality_code
       )
       SELECT m.code AS "municipalityCode", m.name AS "municipalityName", m.region_code AS "regionCode",
              g.name AS "regionName",
              CASE WHEN r.status = 'submitted' THEN 'submitted'
                   WHEN coalesce(p.answered, 0) > 0 THEN 'in_progress'
                   ELSE 'not_started' END AS status,
              coalesce(p.answered_required, 0) AS "answeredRequired",
              req.n AS "requiredQuestions",
              CASE WHEN req.n = 0 THEN 0 ELSE floor(100.0 * coalesce(p.answered_required, 0) / req.n)::int END AS "progressPercent",
              r.submitted_at AS "submittedAt", r.submitted_by_name AS "submittedByName", p.last_changed AS "lastChangedAt"
       FROM municipalities m
       JOIN regions g ON g.code = m.region_code
       CROSS JOIN required req
       LEFT JOIN responses r ON r.edition_id = $1 AND r.municipality_code = m.code
       LEFT JOIN progress p ON p.municipality_code = m.code
       ORDER BY m.code`,
      [editionId],
    );
  }

  /**
   * Active officers of municipalities that have not submitted, each marked when an officer of the
   * same municipality already has a notification with `dedupeKey` (reminded today).
   */
  officersToRemind(editionId: string, dedupeKey: string): Promise<ReminderTarget[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.email, u.municipality_code AS "municipalityCode",
              bool_or(n.user_id IS NOT NULL) OVER (PARTITION BY u.municipality_code) AS "municipalityReminded"
       FROM users u
       LEFT JOIN responses r ON r.edition_id = $1 AND r.municipality_code = u.municipality_code
       LEFT JOIN notifications n ON n.user_id = u.id AND n.dedupe_key = $2
       WHERE u.role = 'municipality_officer' AND u.active AND r.status IS DISTINCT FROM 'submitted'
       ORDER BY u.municipality_code, u.email`,
      [editionId, dedupeKey],
    );
  }

  /** Active officers of municipalities that have not submitted, for reminders. */
  officersNotSubmitted(
    editionId: string,
  ): Promise<Array<{ userId: string; email: string; municipalityCode: number }>> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.email, u.municipality_code AS "municipalityCode"
       FROM users u
       LEFT JOIN responses r ON r.edition_id = $1 AND r.municipality_code = u.municipality_code
       WHERE u.role = 'municipality_officer' AND u.active AND r.status IS DISTINCT FROM 'submitted'
       ORDER BY u.municipality_code, u.email`,
      [editionId],
    );
  }
}
