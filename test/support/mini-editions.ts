import type { DataSource } from 'typeorm';
import { EditionsService, QuestionnaireDefinition } from '@app/surveys';

const text = (da: string) => ({ da });

/** A two-area questionnaire small enough to check every statistic by hand. */
export function miniQuestionnaire(renamedKey: { key: string; continues?: string }): QuestionnaireDefinition {
  const scale = (key: string, weight: number, allowNotApplicable = false, continues?: string) => ({
    key,
    ...(continues ? { continues } : {}),
    type: 'scale' as const,
    text: text(key),
    required: true,
    allowNotApplicable,
    weight,
  });
  return {
    version: 'mini',
    title: text('Mini'),
    scale: {
      key: 'iso',
      levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: text(`L${value}`), description: text('-') })),
    },
    areas: [
      { key: 'a', title: text('A'), weight: 2, questions: [scale('a.one', 1), scale('a.two', 3, true)] },
      {
        key: 'b',
        title: text('B'),
        weight: 1,
        questions: [
          scale(renamedKey.key, 1, false, renamedKey.continues),
          {
            key: 'n.attacks',
            type: 'number',
            text: text('n'),
            required: true,
            allowNotApplicable: false,
            weight: 0,
            min: 0,
          },
        ],
      },
    ],
  };
}

export type MiniAnswers = Record<number, Record<string, number | 'na'>>;

/** Creates a closed edition with the given submitted answers, straight into the database. */
export async function createMiniEdition(
  db: DataSource,
  editions: EditionsService,
  year: number,
  def: QuestionnaireDefinition,
  answers: MiniAnswers,
): Promise<string> {
  return db.transaction(async (m) => {
    const edition = {
      id: await editions.seedEdition(m, year, def, 'closed', { closesAt: new Date(), closedAt: new Date() }),
    };
    for (const [code, byKey] of Object.entries(answers)) {
      const [{ id }] = await m.query(
        `INSERT INTO responses (edition_id, municipality_code, status, version, submitted_at) VALUES ($1, $2, 'submitted', 1, now()) RETURNING id`,
        [edition.id, Number(code)],
      );
      for (const [key, value] of Object.entries(byKey)) {
        await m.query(
          `INSERT INTO answers (response_id, question_id, value_number, not_applicable)
           SELECT $1, q.id, $3, $4 FROM questions q WHERE q.edition_id = $2 AND q.key = $5`,
          [id, edition.id, value === 'na' ? null : value, value === 'na', key],
        );
      }
    }
    return edition.id;
  });
}
