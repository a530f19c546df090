import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { EditionStatus } from './edition-status';
import { Edition } from './edition.entity';
import type { QuestionnaireDefinition } from './questionnaire/questionnaire-definition';
import { Question } from './question.entity';
import { Area } from './area.entity';
import { ScaleLevel } from './scale-level.entity';
import { Survey } from './survey.entity';

export const BASELINE_SURVEY_KEY = 'baseline';

@Injectable()
export class EditionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findAll(): Promise<Edition[]> {
    return this.dataSource.getRepository(Edition).find({ order: { year: 'DESC' } });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Edition | null> {
    return manager.getRepository(Edition).findOne({ where: { id } });
  }

  findByYear(year: number, manager: EntityManager = this.dataSource.manager): Promise<Edition | null> {
    return manager.getRepository(Edition).findOne({ where: { year } });
  }

  /** Row-locks the edition so a lifecycle change and concurrent work on it serialise. */
  lockById(id: string, manager: EntityManager): Promise<Edition | null> {
    return manager.getRepository(Edition).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Submitted responses of the edition: its participants, which the publish warning names. */
  async countSubmitted(editionId: string, manager: EntityManager): Promise<number> {
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM responses WHERE edition_id = $1 AND status = 'submitted'`,
      [editionId],
    );
    return n;
  }

  async ensureSurvey(manager: EntityManager): Promise<string> {
    await manager.query(
      `INSERT INTO surveys (key, title) VALUES ($1, 'Baseline') ON CONFLICT (key) DO NOTHING`,
      [BASELINE_SURVEY_KEY],
    );
    return (await manager.getRepository(Survey).findOneByOrFail({ key: BASELINE_SURVEY_KEY })).id;
  }

  async insertEdition(
    manager: EntityManager,
    values: Pick<Edition, 'surveyId' | 'year' | 'title' | 'questionnaireSource'>,
  ): Promise<Edition> {
    const repo = manager.getRepository(Edition);
    return repo.save(repo.create({ ...values, status: 'draft' }));
  }

  /** Writes a validated definition as the edition's scale, areas and questions. */
  async importDefinition(
    manager: EntityManager,
    editionId: string,
    def: QuestionnaireDefinition,
  ): Promise<void> {
    await manager.getRepository(ScaleLevel).insert(
      def.scale.levels.map((l) => ({
        editionId,
        value: l.value,
        labelDa: l.label.da,
        labelEn: l.label.en ?? null,
        descriptionDa: l.description.da,
        descriptionEn: l.description.en ?? null,
      })),
    );
    for (const [ai, a] of def.areas.entries()) {
      const area = await manager.getRepository(Area).save({
        editionId,
        key: a.key,
        position: ai + 1,
        titleDa: a.title.da,
        titleEn: a.title.en ?? null,
        descriptionDa: a.description?.da ?? null,
        descriptionEn: a.description?.en ?? null,
        nis2Ref: a.nis2Ref ?? null,
        weight: String(a.weight),
      });
      await manager.getRepository(Question).insert(
        a.questions.map((q, qi) => ({
          editionId,
          areaId: area.id,
          key: q.key,
          continuesKey: q.continues ?? null,
          position: qi + 1,
          type: q.type,
          textDa: q.text.da,
          textEn: q.text.en ?? null,
          helpDa: q.help?.da ?? null,
          helpEn: q.help?.en ?? null,
          required: q.required,
          allowNotApplicable: q.allowNotApplicable,
          weight: String(q.weight),
          focusArea: q.focusArea ?? false,
          unitDa: q.unit?.da ?? null,
          min: q.min === undefined ? null : String(q.min),
          max: q.max === undefined ? null : String(q.max),
          integer: q.integer ?? false,
          maxLength: q.maxLength ?? null,
          options: q.options ?? null,
        })),
      );
    }
  }

  /** Copies scale, areas and questions from one edition to another in three set-based statements. */
  async copyQuestionnaire(manager: EntityManager, fromId: string, toId: string): Promise<void> {
    await manager.query(
      `INSERT INTO scale_levels (edition_id, value, label_da, label_en, description_da, description_en)
       SELECT $2, value, label_da, label_en, description_da, description_en FROM scale_levels WHERE edition_id = $1`,
      [fromId, toId],
    );
    await manager.query(
      `INSERT INTO areas (edition_id, key, position, title_da, title_en, description_da, description_en, nis2_ref, weight)
       SELECT $2, key, position, title_da, title_en, description_da, description_en, nis2_ref, weight
       FROM areas WHERE edition_id = $1`,
      [fromId, toId],
    );
    await manager.query(
      `INSERT INTO questions (edition_id, area_id, key, continues_key, position, type, text_da, text_en, help_da, help_en,
         required, allow_not_applicable, weight, focus_area, unit_da, min, max, integer, max_length, options)
       SELECT $2, na.id, q.key, NULL, q.position, q.type, q.text_da, q.text_en, q.help_da, q.help_en,
         q.required, q.allow_not_applicable, q.weight, q.focus_area, q.unit_da, q.min, q.max, q.integer, q.max_length, q.options
       FROM questions q
       JOIN areas oa ON oa.id = q.area_id
       JOIN areas na ON na.edition_id = $2 AND na.key = oa.key
       WHERE q.edition_id = $1`,
      [fromId, toId],
    );
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    status: EditionStatus,
    extra: Partial<Edition>,
  ): Promise<void> {
    await manager.getRepository(Edition).update({ id }, { status, ...extra });
  }

  async updateDetails(
    manager: EntityManager,
    id: string,
    patch: Partial<Pick<Edition, 'title' | 'closesAt'>>,
  ): Promise<void> {
    await manager.getRepository(Edition).update({ id }, patch);
  }

  /** A draft's questionnaire goes with it (ON DELETE CASCADE); a draft has no responses. */
  async deleteDraft(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Edition).delete({ id, status: 'draft' });
  }

  findQuestion(manager: EntityManager, editionId: string, key: string): Promise<Question | null> {
    return manager.getRepository(Question).findOne({ where: { editionId, key } });
  }

  async updateQuestion(manager: EntityManager, id: string, patch: Partial<Question>): Promise<void> {
    await manager.getRepository(Question).update({ id }, patch);
  }

  async questionnaire(editionId: string) {
    const [scale, areas, questions] = await Promise.all([
      this.dataSource.getRepository(ScaleLevel).find({ where: { editionId }, order: { value: 'ASC' } }),
      this.dataSource.getRepository(Area).find({ where: { editionId }, order: { position: 'ASC' } }),
      this.dataSource.getRepository(Question).find({ where: { editionId }, order: { position: 'ASC' } }),
    ]);
    return { scale, areas, questions };
  }
}
