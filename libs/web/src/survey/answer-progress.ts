import { isAnswered } from '@app/responses';
import { Questionnaire, StoredAnswer } from './answer-form';

export interface AreaProgress {
  key: string;
  answered: number;
  total: number;
  /** Required questions of the area still without an answer. */
  missingRequired: number;
}

export interface AnswerProgress {
  answered: number;
  total: number;
  areas: AreaProgress[];
  /** Required questions without an answer, in questionnaire order, with the area to answer them in. */
  missing: Array<{ areaKey: string; questionKey: string; text: string }>;
}

/** Counts answers per area and overall; the same rule as the service's "required answered" check. */
export function answerProgress(questionnaire: Questionnaire, answers: StoredAnswer[]): AnswerProgress {
  const byKey = new Map(answers.map((a) => [a.questionKey, a]));
  const missing: AnswerProgress['missing'] = [];
  const areas = questionnaire.areas.map((area) => {
    let answered = 0;
    let missingRequired = 0;
    for (const q of area.questions) {
      if (isAnswered(byKey.get(q.key))) answered++;
      else if (q.required) {
        missingRequired++;
        missing.push({ areaKey: area.key, questionKey: q.key, text: q.text?.da ?? q.key });
      }
    }
    return { key: area.key, answered, total: area.questions.length, missingRequired };
  });
  return {
    answered: areas.reduce((n, a) => n + a.answered, 0),
    total: areas.reduce((n, a) => n + a.total, 0),
    areas,
    missing,
  };
}
