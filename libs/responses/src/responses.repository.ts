import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { StoredValue } from './answer-validation';
import { ANSWERED_SQL } from './answered';
import { Response } from './response.entity';

/** SQL: the answer row `a` holds a value or an explicit "not applicable" (a comment alone is not an answer). */

export interface OwnAnswerRow extends StoredValue {
  questionKey: string;
  updatedAt: Date;
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
    const keep = answers.filter(({ stored: s }) => !isEmpty(s));
    const drop = answers.filter(({ stored: s }) => isEmpty(s)).map((a) => a.questionId);
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

function isEmpty(s: StoredValue): boolean {
  return (
    !s.notApplicable &&
    s.valueNumber === null &&
    s.valueBool === null &&
    s.valueText === null &&
    s.valueChoices === null &&
    s.comment === null
  );
}
