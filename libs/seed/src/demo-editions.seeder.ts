import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/config';
import { readMunicipalities } from '@app/municipalities';
import { EditionsService, loadQuestionnaire, QuestionnaireDefinition } from '@app/surveys';
import { DemoAnswer, DemoQuestion, generateDemoAnswers } from './demo-answers';

const DAY = 86_400_000;

/**
 * Baseline 2023 and 2024 published with generated answers that reproduce the published figures,
 * and 2025 open with a deadline ahead. Runs once: it does nothing when any edition exists.
 */
@Injectable()
export class DemoEditionsSeeder {
  private readonly logger = new Logger(DemoEditionsSeeder.name);

  constructor(
    private readonly editions: EditionsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<boolean> {
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM editions');
    if (count > 0) return false;
    const definition = loadQuestionnaire();
    await this.dataSource.transaction(async (m) => {
      for (const year of [2023, 2024] as const) {
        const id = await this.editions.seedEdition(m, year, definition, 'published', {
          opensAt: new Date(Date.UTC(year, 8, 1)),
          closesAt: new Date(Date.UTC(year, 9, 31, 22)),
          closedAt: new Date(Date.UTC(year, 9, 31, 22)),
          publishedAt: new Date(Date.UTC(year, 11, 1)),
        });
        await this.insertAnswers(m, id, year, definition);
        // The worker's reconciliation computes the statistics of editions marked stale.
        await m.query(`INSERT INTO statistics_state (edition_id, stale_since) VALUES ($1, now())`, [id]);
      }
      const now = this.clock.now();
      await this.editions.seedEdition(m, 2025, definition, 'open', {
        opensAt: now,
        closesAt: new Date(now.getTime() + 45 * DAY),
      });
    });
    this.logger.log('Demo editions: 2023 and 2024 published with answers, 2025 open');
    return true;
  }

  /** One submitted response per participant and all its answers, in two set-based statements. */
  private async insertAnswers(
    m: EntityManager,
    editionId: string,
    year: 2023 | 2024,
    def: QuestionnaireDefinition,
  ) {
    const questions: DemoQuestion[] = def.areas.flatMap((a) =>
      a.questions.map((q) => ({
        key: q.key,
        areaKey: a.key,
        type: q.type,
        weight: q.weight,
        allowNotApplicable: q.allowNotApplicable,
        options: q.options?.map((o) => o.value),
        min: q.min,
        max: q.max,
        focusArea: q.focusArea,
      })),
    );
    const generated = generateDemoAnswers(
      year,
      def.areas.map((a) => ({ key: a.key, weight: a.weight })),
      questions,
      readMunicipalities(),
    );
    const submittedAt = new Date(Date.UTC(year, 9, 15));
    await m.query(
      `INSERT INTO responses (edition_id, municipality_code, status, version, submitted_at, submitted_by_name, receipt_code)
       SELECT $1::uuid, code, 'submitted', 1, $2, 'Sikkerhedskoordinator (demo)', upper(substr(md5($1::text || code::text), 1, 12))
       FROM unnest($3::smallint[]) AS code`,
      [editionId, submittedAt, generated.participants],
    );
    const rows = [...generated.answers.entries()].flatMap(([code, answers]) =>
      answers.map((a) => toRow(code, a)),
    );
    await m.query(
      `INSERT INTO answers (response_id, question_id, value_number, value_bool, value_text, value_choices, not_applicable)
       SELECT r.id, q.id, x.value_number, x.value_bool, x.value_text,
              CASE WHEN x.value_choices IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(x.value_choices)) END,
              x.not_applicable
       FROM jsonb_to_recordset($2::jsonb) AS x(code smallint, key text, value_number numeric, value_bool boolean,
                                               value_text text, value_choices jsonb, not_applicable boolean)
       JOIN responses r ON r.edition_id = $1 AND r.municipality_code = x.code
       JOIN questions q ON q.edition_id = $1 AND q.key = x.key
       WHERE x.not_applicable OR x.value_number IS NOT NULL OR x.value_bool IS NOT NULL
          OR x.value_text IS NOT NULL OR x.value_choices IS NOT NULL`,
      [editionId, JSON.stringify(rows)],
    );
  }
}

function toRow(code: number, a: DemoAnswer) {
  const v = a.value;
  return {
    code,
    key: a.questionKey,
    value_number: typeof v === 'number' ? v : null,
    value_bool: typeof v === 'boolean' ? v : null,
    value_text: typeof v === 'string' ? v : null,
    value_choices: Array.isArray(v) ? v : null,
    not_applicable: a.notApplicable,
  };
}
