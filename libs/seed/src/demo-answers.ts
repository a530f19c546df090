/**
 * Deterministic demo answers for the published Baseline editions 2023 and 2024.
 *
 * Pure: no I/O, no clock, no Math.random. Every random draw comes from a small seeded PRNG keyed by
 * (purpose, year, municipality, question), so the same inputs always give the same answers and one
 * question's draws never shift another's.
 *
 * Scale answers come from a latent maturity model: a municipality baseline (size, region, own
 * level) + a per-area offset + a per-question difficulty + per-answer noise, rounded onto the 1..5
 * scale. Per-year constants (level, spread, focus-area penalty, strict re-assessment in 2024) turn
 * that into the published national figures (DEMO_TARGETS); they were tuned offline against the real
 * questionnaire and the 98 municipalities, and demo-answers.spec.ts checks they still hit the targets.
 */

import { gauss, Random, seededRandom } from './prng';

export interface DemoQuestion {
  key: string;
  areaKey: string;
  type: 'scale' | 'yes_no' | 'single_choice' | 'multi_choice' | 'number' | 'text';
  weight: number;
  allowNotApplicable: boolean;
  /** Option values of single/multi choice questions. */
  options?: string[];
  min?: number;
  max?: number;
  focusArea?: boolean;
}

export interface DemoArea {
  key: string;
  weight: number;
}

export interface DemoMunicipality {
  code: number;
  regionCode: number;
  population: number;
}

export interface DemoAnswer {
  questionKey: string;
  value: number | string | boolean | string[] | null;
  notApplicable: boolean;
}

export interface DemoEditionAnswers {
  year: number;
  /** Municipality codes, sorted ascending. */
  participants: number[];
  /** Complete answers per participating municipality, in questionnaire order. */
  answers: Map<number, DemoAnswer[]>;
}

export type DemoYear = 2023 | 2024;

/** Published facts (KL webinar on Baseline 2024) the demo data reproduces. */
export const DEMO_TARGETS = {
  /** 84 of 98 took part in 2024 (published); 2023 is not published, 91 is a plausible figure. */
  participants: { 2023: 91, 2024: 84 },
  /** National average of the overall index: "Gns. fra 4,13 i 2023 til 3,36 i 2024". */
  nationalAverage: { 2023: 4.13, 2024: 3.36 },
  /** Relative change 2023 → 2024 in the number of scale answers at the two highest levels. */
  levelCountChange: { 5: -0.4, 4: -0.41 },
  /** Municipalities that always take part (demo and e2e tests sign in as Ballerup's officer). */
  alwaysParticipating: [151],
} as const;

const SCALE_MIN = 1;
const SCALE_MAX = 5;

/** Per-edition knobs of the latent model (latent 0 = an average municipality, question and area). */
interface YearParams {
  /** Latent level of the average answer, before rounding onto the scale. */
  level: number;
  /** Multiplies all deviations from the average: how far answers spread over the levels. */
  spread: number;
  /** Extra drop of the five national focus-area questions, where many municipalities are weak. */
  focusPenalty: number;
  /** How much a municipality's own standing moves from one year to the next. */
  yearSd: number;
  /**
   * In 2024 many municipalities re-assessed whole areas far more strictly (NIS2 gap analyses):
   * the published 40 % fall in top-level answers together with an average 0.77 lower is only
   * reachable if a share of answers falls by about two levels, not if all fall by a little.
   */
  reassessShare: number;
  reassessDrop: number;
}

/**
 * Model constants. The per-year `level`, `spread`, `reassessShare`, `reassessDrop` and the 2023
 * `focusPenalty` were tuned offline (coordinate search over this generator with the 2025.1
 * questionnaire and data/municipalities.csv) so that the national averages and level-count changes
 * land on DEMO_TARGETS; retune them if either input changes (the spec fails when they drift). The
 * other constants only shape realism.
 */
const MODEL = {
  seed: 0x4b4c_2024,
  /** Maturity gained per e-fold of population relative to the median municipality (~44,000). */
  sizeEffect: 0.15,
  medianPopulation: 44_000,
  /** Modest, illustrative regional differences (not measured). */
  regionEffect: { 1081: 0.04, 1082: 0.06, 1083: -0.04, 1084: 0.05, 1085: -0.08 } as Record<number, number>,
  municipalitySd: 0.25,
  areaSd: 0.22,
  questionSd: 0.25,
  answerSd: 0.5,
  /** Mature municipalities had their practice documented already, so strict re-assessment hit them less. */
  reassessMaturityEffect: 0.5,
  /** Share of N/A answers where a question allows N/A. */
  notApplicableRate: 0.04,
  /** Weight of population rank and of a yearly whim against a lasting uniform propensity (0..1). */
  participationSizeEffect: 1.2,
  participationYearEffect: 0.35,
};

const YEARS: Record<DemoYear, YearParams> = {
  2023: { level: 4.143, spread: 0.9737, focusPenalty: 0.5, yearSd: 0.12, reassessShare: 0, reassessDrop: 0 },
  2024: {
    level: 4.0985,
    spread: 0.9522,
    focusPenalty: 1.1,
    yearSd: 0.15,
    reassessShare: 0.3338,
    reassessDrop: 1.9876,
  },
};

/** Generates complete, submittable responses of one edition's participants. */
export function generateDemoAnswers(
  year: DemoYear,
  areas: DemoArea[],
  questions: DemoQuestion[],
  municipalities: DemoMunicipality[],
): DemoEditionAnswers {
  const params = YEARS[year];
  if (!params) throw new Error(`No demo model for ${year}`);
  const areaKeys = new Set(areas.map((a) => a.key));
  const unknown = questions.find((q) => !areaKeys.has(q.areaKey));
  if (unknown) throw new Error(`Question ${unknown.key} belongs to unknown area ${unknown.areaKey}`);

  const participants = chooseParticipants(year, municipalities);
  const baselines = municipalityBaselines(municipalities);
  const difficulty = questionDifficulties(questions);
  const byCode = new Map(municipalities.map((m) => [m.code, m]));

  const answers = new Map<number, DemoAnswer[]>();
  for (const code of participants) {
    const m = byCode.get(code) as DemoMunicipality;
    const standing = yearStanding(year, params, code, baselines.get(code) as number);
    const ctx: AnswerContext = { year, params, municipality: m, standing, difficulty };
    answers.set(
      code,
      questions.map((q) => answerQuestion(ctx, q)),
    );
  }
  return { year, participants, answers };
}

/**
 * The platform's overall index of one municipality: the area-weighted mean of its area scores, an
 * area score being the question-weighted mean of its answered scale questions (N/A and weight 0
 * excluded). Areas without a scored answer drop out; null when nothing is scored.
 */
export function overallIndex(
  areas: DemoArea[],
  questions: DemoQuestion[],
  answers: DemoAnswer[],
): number | null {
  const byKey = new Map(answers.map((a) => [a.questionKey, a]));
  let weighted = 0;
  let totalWeight = 0;
  for (const area of areas) {
    if (area.weight <= 0) continue;
    const score = areaScore(
      questions.filter((q) => q.areaKey === area.key),
      byKey,
    );
    if (score === null) continue;
    weighted += area.weight * score;
    totalWeight += area.weight;
  }
  return totalWeight > 0 ? weighted / totalWeight : null;
}

function areaScore(questions: DemoQuestion[], byKey: Map<string, DemoAnswer>): number | null {
  let weighted = 0;
  let totalWeight = 0;
  for (const q of questions) {
    const a = byKey.get(q.key);
    if (q.type !== 'scale' || q.weight <= 0 || !a || a.notApplicable || typeof a.value !== 'number') continue;
    weighted += q.weight * a.value;
    totalWeight += q.weight;
  }
  return totalWeight > 0 ? weighted / totalWeight : null;
}

// ---------------------------------------------------------------------------------------------
// Participation

/**
 * Sorted codes of the year's participants. Each municipality has a lasting propensity to take part
 * (small municipalities, with one person doing all of security, skip more often) plus a yearly
 * whim, so the two years' sets overlap mostly; the least willing stay out.
 */
function chooseParticipants(year: DemoYear, municipalities: DemoMunicipality[]): number[] {
  const wanted = Math.min(DEMO_TARGETS.participants[year], municipalities.length);
  const sizeRank = percentileRanks(municipalities.map((m) => m.population));
  const always: readonly number[] = DEMO_TARGETS.alwaysParticipating;
  const propensity = municipalities.map((m, i) => ({
    code: m.code,
    score: always.includes(m.code)
      ? Infinity
      : MODEL.participationSizeEffect * sizeRank[i] +
        rng('participation', 0, m.code)() +
        MODEL.participationYearEffect * rng('participation', year, m.code)(),
  }));
  propensity.sort((a, b) => b.score - a.score || a.code - b.code);
  return propensity
    .slice(0, wanted)
    .map((p) => p.code)
    .sort((a, b) => a - b);
}

/** Rank of each value in [0, 1] (0 = smallest); ties keep input order. */
function percentileRanks(values: number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
  const ranks = new Array<number>(values.length);
  order.forEach(({ i }, r) => (ranks[i] = values.length > 1 ? r / (values.length - 1) : 0.5));
  return ranks;
}

// ---------------------------------------------------------------------------------------------
// Latent maturity

/**
 * Lasting maturity of each municipality: bigger ones somewhat more mature (more specialised staff),
 * a modest regional effect and an individual level. Centred over the list so the tuned year level
 * sets the national mean and not the luck of the draw.
 */
function municipalityBaselines(municipalities: DemoMunicipality[]): Map<number, number> {
  const raw = municipalities.map(
    (m) =>
      MODEL.sizeEffect * Math.log(Math.max(m.population, 1) / MODEL.medianPopulation) +
      (MODEL.regionEffect[m.regionCode] ?? 0) +
      MODEL.municipalitySd * gauss(rng('municipality', 0, m.code)),
  );
  const mean = average(raw);
  return new Map(municipalities.map((m, i) => [m.code, raw[i] - mean]));
}

/** Lasting difficulty of each scale question (some practices are simply harder), centred likewise. */
function questionDifficulties(questions: DemoQuestion[]): Map<string, number> {
  const scale = questions.filter((q) => q.type === 'scale');
  const raw = scale.map((q) => MODEL.questionSd * gauss(rng(`question:${q.key}`, 0, 0)));
  const mean = average(raw);
  return new Map(scale.map((q, i) => [q.key, raw[i] - mean]));
}

interface AnswerContext {
  year: DemoYear;
  params: YearParams;
  municipality: DemoMunicipality;
  /** This year's maturity on the latent scale (0 = national average). */
  standing: number;
  difficulty: Map<string, number>;
}

/** The municipality's maturity this year: its lasting level moved a little by the year. */
function yearStanding(year: DemoYear, params: YearParams, code: number, baseline: number): number {
  return baseline + params.yearSd * gauss(rng('standing', year, code));
}

function scaleValue(ctx: AnswerContext, q: DemoQuestion): number {
  const { params, municipality: m, year, standing } = ctx;
  const areaOffset = MODEL.areaSd * gauss(rng(`area:${q.areaKey}`, 0, m.code));
  const noise = MODEL.answerSd * gauss(rng(`answer:${q.key}`, year, m.code));
  const reassessChance = params.reassessShare - MODEL.reassessMaturityEffect * standing;
  const reassessed = rng(`reassess:${q.areaKey}`, year, m.code)() < reassessChance;
  const latent =
    params.level +
    params.spread * (standing + areaOffset + (ctx.difficulty.get(q.key) ?? 0) + noise) -
    (q.focusArea ? params.focusPenalty : 0) -
    (reassessed ? params.reassessDrop : 0);
  const min = q.min ?? SCALE_MIN;
  const max = q.max ?? SCALE_MAX;
  return clamp(Math.floor(latent + 0.5), min, max);
}

// ---------------------------------------------------------------------------------------------
// Answers per question type

function answerQuestion(ctx: AnswerContext, q: DemoQuestion): DemoAnswer {
  const r = rng(`value:${q.key}`, ctx.year, ctx.municipality.code);
  if (q.allowNotApplicable && r() < MODEL.notApplicableRate) {
    return { questionKey: q.key, value: null, notApplicable: true };
  }
  return { questionKey: q.key, value: answerValue(ctx, q, r), notApplicable: false };
}

function answerValue(ctx: AnswerContext, q: DemoQuestion, r: Random): DemoAnswer['value'] {
  switch (q.type) {
    case 'scale':
      return scaleValue(ctx, q);
    case 'yes_no':
      // Mostly yes; the more mature a municipality, the likelier.
      return r() < clamp(0.85 + 0.3 * ctx.standing, 0.55, 0.98);
    case 'single_choice':
      return q.options?.length ? pickWeighted(q.options, r) : null;
    case 'multi_choice':
      return q.options?.length ? pickSubset(q.options, r) : null;
    case 'number':
      return numberValue(ctx, q, r);
    case 'text':
      // Free text stays mostly empty; a few leave a short neutral remark.
      return r() < 0.12 ? TEXT_REMARKS[Math.floor(r() * TEXT_REMARKS.length)] : null;
  }
}

const TEXT_REMARKS = [
  'Vi er i gang med at implementere NIS2-kravene.',
  'Besvarelsen er udarbejdet i samarbejde med IT-afdelingen.',
  'Flere af tiltagene forventes gennemført i løbet af næste år.',
  'Kommunen har i år fået ny informationssikkerhedskoordinator.',
];

/** Earlier options are likelier (the questionnaire lists the common ones first). */
function pickWeighted(options: string[], r: Random): string {
  const weights = options.map((_, i) => 0.55 ** i);
  let x = r() * weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < options.length; i++) {
    x -= weights[i];
    if (x < 0) return options[i];
  }
  return options[options.length - 1];
}

/** A non-empty subset in option order, earlier options likelier. */
function pickSubset(options: string[], r: Random): string[] {
  const chosen = options.filter((_, i) => r() < Math.max(0.1, 0.7 - 0.1 * i));
  return chosen.length > 0 ? chosen : [pickWeighted(options, r)];
}

function numberValue(ctx: AnswerContext, q: DemoQuestion, r: Random): number {
  const min = q.min ?? 0;
  const max = q.max ?? Number.MAX_SAFE_INTEGER;
  const fit = (x: number) => clamp(Math.round(x), min, max);
  switch (q.key) {
    case 'incidents.attacks-per-day':
      return fit(attacksPerDay(ctx));
    case 'incidents.breaches-last-year':
      return fit(breachesLastYear(ctx));
    case 'incidents.reported-to-datatilsynet':
      // Roughly a quarter to a third of registered breaches are serious enough to notify.
      return fit(Math.min(breachesLastYear(ctx), breachesLastYear(ctx) * (0.2 + 0.15 * r())));
    default:
      // Unknown counts: small plausible integers at the bottom of the allowed range.
      return fit(min + Math.min(max - min, 10) * r());
  }
}

/** Attempted attacks per day grow with the size of the organisation (median municipality ~170). */
function attacksPerDay(ctx: AnswerContext): number {
  const { municipality: m, year } = ctx;
  const size = (m.population / MODEL.medianPopulation) ** 0.8;
  const spread = Math.exp(
    0.4 * gauss(rng('attacks', 0, m.code)) + 0.15 * gauss(rng('attacks', year, m.code)),
  );
  return 150 * (year === 2024 ? 1.15 : 1) * size * spread;
}

/** Registered breaches per year (Ballerup, 50,000 inhabitants, registered 73 in 2023). */
function breachesLastYear(ctx: AnswerContext): number {
  const { municipality: m, year } = ctx;
  const size = (m.population / MODEL.medianPopulation) ** 0.5;
  const spread = Math.exp(
    0.3 * gauss(rng('breaches', 0, m.code)) + 0.15 * gauss(rng('breaches', year, m.code)),
  );
  return Math.max(3, 22 * (year === 2024 ? 1.1 : 1) * size * spread);
}

// ---------------------------------------------------------------------------------------------
// Randomness and small helpers

/** A stream keyed by (model seed, purpose, year, municipality). */
function rng(purpose: string, year: number, code: number): Random {
  return seededRandom(`${MODEL.seed}|${purpose}|${year}|${code}`);
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

function average(xs: number[]): number {
  return xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
}
