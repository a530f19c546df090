import type { Area } from '../area.entity';
import { EditionDto } from '../dto/edition.dto';
import type { LocalizedTextDto, QuestionDto, QuestionnaireDto } from '../dto/questionnaire.dto';
import type { Edition } from '../edition.entity';
import type { Question } from '../question.entity';
import type { ScaleLevel } from '../scale-level.entity';

const text = (da: string | null, en: string | null): LocalizedTextDto | null =>
  da === null ? null : { da, ...(en ? { en } : {}) };

export function questionView(q: Question): QuestionDto {
  return {
    key: q.key,
    continuesKey: q.continuesKey,
    type: q.type,
    text: text(q.textDa, q.textEn),
    help: text(q.helpDa, q.helpEn),
    required: q.required,
    allowNotApplicable: q.allowNotApplicable,
    weight: Number(q.weight),
    scored: q.type === 'scale' && Number(q.weight) > 0,
    focusArea: q.focusArea,
    ...(q.type === 'number'
      ? {
          unit: q.unitDa,
          min: q.min === null ? null : Number(q.min),
          max: q.max === null ? null : Number(q.max),
          integer: q.integer,
        }
      : {}),
    ...(q.type === 'text' ? { maxLength: q.maxLength } : {}),
    ...(q.options ? { options: q.options } : {}),
  };
}
export type QuestionView = QuestionDto;

/** The questionnaire as the API shows it: areas in order with their questions, and the scale. */
export function toQuestionnaireView(
  edition: Edition,
  parts: { scale: ScaleLevel[]; areas: Area[]; questions: Question[] },
): QuestionnaireDto {
  return {
    edition: EditionDto.from(edition),
    scale: parts.scale.map((l) => ({
      value: l.value,
      label: text(l.labelDa, l.labelEn),
      description: text(l.descriptionDa, l.descriptionEn),
    })),
    areas: parts.areas.map((a) => ({
      key: a.key,
      title: text(a.titleDa, a.titleEn),
      description: text(a.descriptionDa, a.descriptionEn),
      nis2Ref: a.nis2Ref,
      weight: Number(a.weight),
      questions: parts.questions.filter((q) => q.areaId === a.id).map(questionView),
    })),
  };
}
export type QuestionnaireView = QuestionnaireDto;
