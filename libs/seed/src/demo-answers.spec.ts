import { readFileSync } from 'node:fs';
import { readMunicipalities } from '@app/municipalities';
import { DEFAULT_QUESTIONNAIRE } from '@app/surveys';
import {
  DEMO_TARGETS,
  DemoAnswer,
  DemoArea,
  DemoEditionAnswers,
  DemoMunicipality,
  DemoQuestion,
  generateDemoAnswers,
  overallIndex,
} from './demo-answers';

/** The parts of the questionnaire file this test needs. */
interface QuestionnaireFile {
  areas: Array<{
    key: string;
    weight: number;
    questions: Array<{
      key: string;
      type: DemoQuestion['type'];
      weight: number;
      allowNotApplicable: boolean;
      focusArea?: boolean;
      options?: Array<{ value: string }>;
      min?: number;
      max?: number;
    }>;
  }>;
}

const BALLERUP = 151;

function loadQuestionnaire(): { areas: DemoArea[]; questions: DemoQuestion[] } {
  const file = JSON.parse(readFileSync(DEFAULT_QUESTIONNAIRE, 'utf8')) as QuestionnaireFile;
  return {
    areas: file.areas.map((a) => ({ key: a.key, weight: a.weight })),
    questions: file.areas.flatMap((a) =>
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
    ),
  };
}

/** Independent re-statement of the platform formula (docs/statistics.md, "Scores"), used to check the generator. */
function indexOf(areas: DemoArea[], questions: DemoQuestion[], answers: DemoAnswer[]): number | null {
  const areaScores: Array<{ weight: number; score: number }> = [];
  for (const area of areas) {
    const scored = answers
      .map((a) => ({ a, q: questions.find((q) => q.key === a.questionKey) as DemoQuestion }))
      .filter(({ a, q }) => q.areaKey === area.key && q.type === 'scale' && q.weight > 0 && !a.notApplicable);
    const w = scored.reduce((s, { q }) => s + q.weight, 0);
    if (w === 0) continue;
    areaScores.push({
      weight: area.weight,
      score: scored.reduce((s, { a, q }) => s + q.weight * Number(a.value), 0) / w,
    });
  }
  const total = areaScores.reduce((s, x) => s + x.weight, 0);
  return total === 0 ? null : areaScores.reduce((s, x) => s + x.weight * x.score, 0) / total;
}

function nationalAverage(edition: DemoEditionAnswers, areas: DemoArea[], questions: DemoQuestion[]): number {
  const indexes = edition.participants.map((code) =>
    indexOf(areas, questions, edition.answers.get(code) ?? []),
  );
  return indexes.reduce<number>((s, x) => s + (x ?? 0), 0) / indexes.length;
}

/** Scale answers (not N/A) of all participants at each level. */
function levelCounts(edition: DemoEditionAnswers, questions: DemoQuestion[]): Record<number, number> {
  const scale = new Set(questions.filter((q) => q.type === 'scale').map((q) => q.key));
  const counts: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const answers of edition.answers.values()) {
    for (const a of answers) if (scale.has(a.questionKey) && !a.notApplicable) counts[a.value as number] += 1;
  }
  return counts;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

describe('generateDemoAnswers', () => {
  const { areas, questions } = loadQuestionnaire();
  const municipalities: DemoMunicipality[] = readMunicipalities().map((m) => ({
    code: m.code,
    regionCode: m.regionCode,
    population: m.population,
  }));
  let e2023: DemoEditionAnswers;
  let e2024: DemoEditionAnswers;

  beforeAll(() => {
    e2023 = generateDemoAnswers(2023, areas, questions, municipalities);
    e2024 = generateDemoAnswers(2024, areas, questions, municipalities);
  });

  it('uses the real questionnaire and municipality list', () => {
    expect(municipalities).toHaveLength(98);
    expect(questions.filter((q) => q.type === 'scale').length).toBeGreaterThan(50);
    expect(questions.filter((q) => q.focusArea)).toHaveLength(5);
  });

  it('has 84 participants in 2024, the planned number in 2023, Ballerup in both', () => {
    expect(e2024.participants).toHaveLength(84);
    expect(e2023.participants).toHaveLength(DEMO_TARGETS.participants[2023]);
    for (const e of [e2023, e2024]) {
      expect(e.participants).toEqual([...new Set(e.participants)].sort((a, b) => a - b));
      expect(e.participants).toContain(BALLERUP);
      expect([...e.answers.keys()].sort((a, b) => a - b)).toEqual(e.participants);
      expect(e.participants.every((c) => municipalities.some((m) => m.code === c))).toBe(true);
    }
    // The two years' sets overlap mostly, and the ones staying out are mostly small.
    const both = e2024.participants.filter((c) => e2023.participants.includes(c));
    expect(both.length).toBeGreaterThanOrEqual(80);
    const left = municipalities.filter((m) => !e2024.participants.includes(m.code));
    expect(median(left.map((m) => m.population))).toBeLessThan(
      median(municipalities.map((m) => m.population)),
    );
  });

  it('reproduces the national averages 4.13 (2023) and 3.36 (2024)', () => {
    expect(Math.abs(nationalAverage(e2023, areas, questions) - 4.13)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(nationalAverage(e2024, areas, questions) - 3.36)).toBeLessThanOrEqual(0.02);
  });

  it('reproduces the fall of 40 % and 41 % in answers at levels 5 and 4', () => {
    const before = levelCounts(e2023, questions);
    const after = levelCounts(e2024, questions);
    expect(Math.abs(after[5] / before[5] - 1 - -0.4)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(after[4] / before[4] - 1 - -0.41)).toBeLessThanOrEqual(0.03);
  });

  it('computes the overall index like the independent formula', () => {
    for (const e of [e2023, e2024]) {
      for (const code of e.participants) {
        const answers = e.answers.get(code) ?? [];
        expect(overallIndex(areas, questions, answers)).toBeCloseTo(
          indexOf(areas, questions, answers) ?? NaN,
          10,
        );
      }
    }
  });

  it('scores the national focus areas noticeably lower in 2024', () => {
    const mean = (focus: boolean) => {
      const keys = new Set(
        questions.filter((q) => q.type === 'scale' && !!q.focusArea === focus).map((q) => q.key),
      );
      const values = [...e2024.answers.values()]
        .flat()
        .filter((a) => keys.has(a.questionKey) && !a.notApplicable)
        .map((a) => a.value as number);
      return values.reduce((s, v) => s + v, 0) / values.length;
    };
    expect(mean(true)).toBeLessThan(mean(false) - 0.5);
  });

  it('is deterministic', () => {
    expect(generateDemoAnswers(2023, areas, questions, municipalities)).toEqual(e2023);
    expect(generateDemoAnswers(2024, areas, questions, municipalities)).toEqual(e2024);
  });

  it('gives complete, valid answers, N/A only where allowed', () => {
    // Problems are collected and asserted once: an expect per answer would make this test slow.
    const problems: string[] = [];
    let notApplicable = 0;
    let total = 0;
    for (const e of [e2023, e2024]) {
      for (const [code, answers] of e.answers) {
        expect(answers.map((a) => a.questionKey)).toEqual(questions.map((q) => q.key));
        answers.forEach((a, i) => {
          const q = questions[i];
          total += 1;
          if (a.notApplicable) notApplicable += 1;
          const problem = a.notApplicable
            ? !q.allowNotApplicable || a.value !== null
              ? 'N/A not allowed or with a value'
              : null
            : invalidValue(q, a.value);
          if (problem) problems.push(`${e.year} ${code} ${q.key}: ${problem} (${JSON.stringify(a.value)})`);
        });
      }
    }
    expect(problems).toEqual([]);
    expect(notApplicable).toBeGreaterThan(0);
    expect(notApplicable / total).toBeLessThan(0.01);
  });

  it('gives incident figures that grow with population', () => {
    const valuesOf = (key: string) =>
      e2024.participants.map((code) => ({
        population: municipalities.find((m) => m.code === code)?.population ?? 0,
        value: e2024.answers.get(code)?.find((a) => a.questionKey === key)?.value as number,
      }));
    const attacks = valuesOf('incidents.attacks-per-day');
    expect(median(attacks.map((a) => a.value))).toBeGreaterThanOrEqual(100);
    expect(median(attacks.map((a) => a.value))).toBeLessThanOrEqual(300);
    const breaches = valuesOf('incidents.breaches-last-year');
    expect(Math.min(...breaches.map((b) => b.value))).toBeGreaterThanOrEqual(2);
    expect(Math.max(...breaches.map((b) => b.value))).toBeLessThanOrEqual(150);
    for (const series of [attacks, breaches]) {
      const big = series.filter((s) => s.population >= 60_000).map((s) => s.value);
      const small = series.filter((s) => s.population < 30_000).map((s) => s.value);
      expect(median(big)).toBeGreaterThan(median(small));
    }
  });
});

/** Why a (not N/A) value does not fit its question, or null when it does. */
function invalidValue(q: DemoQuestion, value: DemoAnswer['value']): string | null {
  const inRange = (v: unknown, min: number, max: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  switch (q.type) {
    case 'scale':
      return inRange(value, q.min ?? 1, q.max ?? 5) ? null : 'outside the scale';
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'not a boolean';
    case 'single_choice':
      return typeof value === 'string' && (q.options ?? []).includes(value) ? null : 'not an option';
    case 'multi_choice':
      return Array.isArray(value) &&
        value.length > 0 &&
        new Set(value).size === value.length &&
        value.every((v) => (q.options ?? []).includes(v))
        ? null
        : 'not a non-empty subset of the options';
    case 'number':
      return inRange(value, q.min ?? 0, q.max ?? Number.MAX_SAFE_INTEGER) ? null : 'outside min/max';
    case 'text':
      return value === null || typeof value === 'string' ? null : 'not text';
  }
}

describe('overallIndex', () => {
  const areas: DemoArea[] = [
    { key: 'a', weight: 1 },
    { key: 'b', weight: 3 },
    { key: 'c', weight: 1 },
  ];
  const questions: DemoQuestion[] = [
    { key: 'a1', areaKey: 'a', type: 'scale', weight: 1, allowNotApplicable: false },
    { key: 'a2', areaKey: 'a', type: 'scale', weight: 3, allowNotApplicable: true },
    { key: 'a3', areaKey: 'a', type: 'scale', weight: 0, allowNotApplicable: false },
    { key: 'b1', areaKey: 'b', type: 'scale', weight: 1, allowNotApplicable: true },
    { key: 'b2', areaKey: 'b', type: 'number', weight: 0, allowNotApplicable: false },
    { key: 'c1', areaKey: 'c', type: 'scale', weight: 1, allowNotApplicable: true },
  ];
  const answer = (questionKey: string, value: DemoAnswer['value'], notApplicable = false): DemoAnswer => ({
    questionKey,
    value,
    notApplicable,
  });

  it('weights questions within areas and areas overall, skipping N/A, weight 0 and empty areas', () => {
    const answers = [
      answer('a1', 1),
      answer('a2', 5),
      answer('a3', 1),
      answer('b1', 2),
      answer('b2', 400),
      answer('c1', null, true),
    ];
    // a = (1·1 + 3·5) / 4 = 4; b = 2; c has nothing scored → (1·4 + 3·2) / 4 = 2.5
    expect(overallIndex(areas, questions, answers)).toBeCloseTo(2.5, 12);
  });

  it('is null when nothing is scored', () => {
    expect(overallIndex(areas, questions, [answer('c1', null, true)])).toBeNull();
  });
});
