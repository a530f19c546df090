import { type Cell, numberFigures } from '@app/anonymity';
import { loadQuestionnaire } from '@app/surveys';
import type {
  MunicipalityFigures,
  MunicipalityReportModel,
  NationalFigures,
  NationalReportModel,
  RegionFigures,
} from '../src/report-model';

/**
 * Report models shaped exactly like StatisticsService output, built from the real questionnaire
 * with seeded pseudo-random figures: long Danish texts, suppressed cells, an area without scored
 * questions and a municipality whose name needs æ/ø.
 */
const K = 5;
const questionnaire = loadQuestionnaire();
const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;

function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

export const SUPPRESSED_CELL: Cell = {
  n: null,
  mean: null,
  sd: null,
  median: null,
  q1: null,
  q3: null,
  suppressed: true,
};

function cell(n: number, mean: number): Cell {
  return {
    n,
    mean: round(mean),
    sd: 0.8,
    // Medians and quartiles of scores are published to one decimal.
    median: round(Math.round(mean * 2) / 2, 1),
    q1: round(Math.max(1, mean - 0.7), 1),
    q3: round(Math.min(5, mean + 0.6), 1),
    suppressed: false,
  };
}

const withDelta = (c: Cell, previousMean: number | null) => ({
  ...c,
  previousMean,
  meanDelta: c.mean === null || previousMean === null ? null : round(c.mean - previousMean),
});

const scaleLabels = questionnaire.scale.levels.map((l) => ({ level: l.value, label: l.label.da }));
const areaDefs = questionnaire.areas;
const questionDefs = areaDefs.flatMap((a) => a.questions.map((q) => ({ ...q, areaKey: a.key })));
/** A question answered by too few municipalities, so its cell is suppressed. */
export const SUPPRESSED_QUESTION_KEY = 'iot.default-config';

export function nationalFigures(): NationalFigures {
  const random = seeded(42);
  const participants = 91;
  const scored = questionDefs.filter((q) => q.type === 'scale' && q.weight > 0);
  const questions = scored.map((q) => {
    const suppressed = q.key === SUPPRESSED_QUESTION_KEY;
    const mean = 1.9 + random() * 2.3 - (q.focusArea ? 0.5 : 0);
    const c = suppressed ? { ...SUPPRESSED_CELL } : cell(participants - Math.floor(random() * 6), mean);
    const counts = [0.1, 0.2, 0.35, 0.25, 0.1].map((s) => Math.round(s * (c.n ?? 0)));
    const total = counts.reduce((a, b) => a + b, 0);
    return {
      key: q.key,
      areaKey: q.areaKey,
      text: q.text.da,
      focusArea: q.focusArea ?? false,
      ...withDelta(c, suppressed ? null : round(mean - 0.2 + random() * 0.3)),
      distribution: counts.map((count, i) => ({
        level: i + 1,
        // Complementary suppression hides the two smallest levels together.
        count: suppressed || i === 0 || i === 4 ? null : count,
        share: suppressed || i === 0 || i === 4 ? null : round((100 * count) / total, 1),
        suppressed: suppressed || i === 0 || i === 4,
      })),
    };
  });
  const areas = areaDefs.map((a) => {
    const own = questions.filter((q) => q.areaKey === a.key && q.mean !== null);
    const mean = own.length ? own.reduce((s, q) => s + q.mean!, 0) / own.length : null;
    return {
      key: a.key,
      title: a.title.da,
      weight: a.weight,
      ...withDelta(
        mean === null ? { ...SUPPRESSED_CELL, n: 0, suppressed: false } : cell(participants, mean),
        mean === null ? null : round(mean - 0.1),
      ),
    };
  });
  const levelCounts = [420, 1310, 2290, 1650, 372];
  const previousCounts = [480, 1402, 2198, 1510, 460];
  const share = (c: number, all: number[]) => round((100 * c) / all.reduce((a, b) => a + b, 0), 1);
  return {
    edition: { id: 'ed-2025', year: 2025, title: 'Baseline 2025', status: 'published' },
    statistics: { version: 3, computedAt: new Date('2025-11-03T09:00:00Z'), stale: false },
    k: K,
    previousEdition: { id: 'ed-2024', year: 2024 },
    participation: {
      participants,
      municipalities: 98,
      sharePercent: 92.9,
      suppressed: false,
      previousParticipants: 88,
    },
    overall: withDelta(
      {
        n: participants,
        mean: 3.012,
        sd: 0.41,
        median: 3.1,
        q1: 2.7,
        q3: 3.3,
        suppressed: false,
      },
      2.954,
    ),
    answerLevels: scaleLabels.map(({ level, label }, i) => ({
      level,
      count: levelCounts[i],
      share: share(levelCounts[i], levelCounts),
      suppressed: false,
      label,
      previousCount: previousCounts[i],
      previousShare: share(previousCounts[i], previousCounts),
      countChangePercent: round((100 * (levelCounts[i] - previousCounts[i])) / previousCounts[i], 1),
      shareChange: round(share(levelCounts[i], levelCounts) - share(previousCounts[i], previousCounts), 1),
    })),
    areas,
    questions,
    numbers: questionDefs
      .filter((q) => q.type === 'number')
      .map((q, i) => ({
        key: q.key,
        text: q.text.da,
        unit: 'unit' in q && q.unit ? (q.unit as { da: string }).da : null,
        ...numberFigures(
          withDelta(
            i === 2 ? { ...SUPPRESSED_CELL } : { ...cell(84, [310, 14, 3][i] ?? 1), sd: [220, 9, 2][i] ?? 1 },
            null,
          ),
        ),
      })),
  };
}

export function municipalityFigures(
  national: NationalFigures,
  code = 153,
  ownOverall = 3.364,
): MunicipalityFigures {
  const random = seeded(7);
  const questions = national.questions.map((q) => {
    const own =
      q.key === 'access.mfa'
        ? null
        : Math.max(1, Math.min(5, Math.round((q.mean ?? 3) + random() * 2.4 - 1)));
    return {
      key: q.key,
      text: q.text,
      areaKey: q.areaKey,
      focusArea: q.focusArea,
      own,
      nationalMean: q.mean,
      delta: own === null || q.mean === null ? null : round(own - q.mean),
      previousOwn: own,
    };
  });
  const areas = national.areas.map((a) => {
    const scores = questions.filter((q) => q.areaKey === a.key && q.own !== null).map((q) => q.own!);
    const own = scores.length ? round(scores.reduce((s, v) => s + v, 0) / scores.length) : null;
    return {
      key: a.key,
      title: a.title,
      own,
      nationalMean: a.mean,
      delta: own === null || a.mean === null ? null : round(own - a.mean),
      previousOwn: own === null ? null : round(own - 0.2),
    };
  });
  const o = national.overall;
  return {
    edition: national.edition,
    statistics: national.statistics,
    k: national.k,
    municipalityCode: code,
    previousEdition: national.previousEdition,
    overall: {
      own: ownOverall,
      nationalMean: o.mean,
      delta: round(ownOverall - o.mean!),
      quartile: 4,
      previousOwn: 3.21,
      ownDelta: round(ownOverall - 3.21),
      nationalPrevious: o.previousMean,
      nationalDelta: o.meanDelta,
    },
    areas,
    questions,
    furthestBelow: questions
      .filter((q) => q.delta !== null && q.delta < 0)
      .sort((a, b) => a.delta! - b.delta!)
      .slice(0, 10),
    numbers: national.numbers.map((n, i) => ({
      key: n.key,
      text: n.text,
      unit: n.unit,
      own: [420, 9, 1, null][i] ?? null,
      nationalMean: n.mean,
    })),
  };
}

export function regionFigures(national: NationalFigures): RegionFigures {
  const regions: Array<[string, string, number, number]> = [
    ['1081', 'Region Nordjylland', 11, 10],
    ['1082', 'Region Midtjylland', 19, 18],
    ['1083', 'Region Syddanmark', 22, 21],
    ['1084', 'Region Hovedstaden', 29, 28],
    ['1085', 'Region Sjælland', 17, 14],
  ];
  return {
    edition: national.edition,
    statistics: national.statistics,
    k: national.k,
    scope: 'region',
    groups: regions.map(([key, name, municipalities, participants], i) => ({
      key,
      name,
      municipalities,
      participants,
      participationSuppressed: false,
      // Region Nordjylland's overall cell is hidden in this fixture to exercise suppression.
      overall: i === 0 ? { ...SUPPRESSED_CELL } : cell(participants, 2.8 + i * 0.08),
      areas: national.areas.map((a) => ({
        key: a.key,
        title: a.title,
        ...(i === 0 || a.mean === null ? { ...SUPPRESSED_CELL } : cell(participants, a.mean)),
      })),
    })),
  };
}

export function municipalityReportModel(name = 'Brøndby'): MunicipalityReportModel {
  const national = nationalFigures();
  return {
    kind: 'municipality',
    municipality: { code: 153, name },
    figures: municipalityFigures(national),
    national,
    trend: [
      { year: 2022, own: 2.88, national: 2.81, nationalSuppressed: false },
      { year: 2023, own: null, national: 2.9, nationalSuppressed: false },
      { year: 2024, own: 3.21, national: 2.954, nationalSuppressed: false },
      { year: 2025, own: 3.364, national: 3.012, nationalSuppressed: false },
    ],
    generatedAt: new Date('2025-11-04T10:30:00Z'),
  };
}

export function nationalReportModel(): NationalReportModel {
  const national = nationalFigures();
  return {
    kind: 'national',
    national,
    regions: regionFigures(national),
    incidentQuartiles: incidentQuartiles(),
    generatedAt: new Date('2025-11-04T10:30:00Z'),
  };
}

/** Quartile 1's rate is hidden beside the few non-participants with incidents (docs/statistics.md). */
export function incidentQuartiles(): NationalReportModel['incidentQuartiles'] {
  const rates = [null, 31.4, 27.25, 22.8];
  return {
    year: 2025,
    suppressed: false,
    national: { incidentsPer10k: 28.6, suppressed: false },
    quartiles: rates.map((rate, i) => ({
      quartile: i + 1,
      municipalities: 21,
      municipalitiesSuppressed: false,
      incidentsPer10k: rate,
      suppressed: rate === null,
    })),
  };
}
