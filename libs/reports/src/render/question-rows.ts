import { DASH, formatDecimal, formatScore } from '@app/ui';
import type { NationalFigures } from '../report-model';
import { suppressedText } from './report-texts';

type NationalQuestion = NationalFigures['questions'][number];

/** "8 · 17 · 38 · 27 · 10": shares per level 1–5 in whole per cent, a dash for a hidden level. */
export const distributionText = (q: NationalQuestion) =>
  q.distribution
    .map((d) => (d.suppressed || d.share === null ? DASH : String(Math.round(d.share))))
    .join(' · ');

/** National mean, median, n and distribution of one question, or the suppression text. */
export function nationalQuestionCells(q: NationalQuestion | undefined, k: number): string[] {
  if (!q) return [DASH, DASH, DASH, DASH];
  if (q.suppressed) return [suppressedText(k), DASH, DASH, DASH];
  return [formatScore(q.mean), formatScore(q.median), formatDecimal(q.n), distributionText(q)];
}
