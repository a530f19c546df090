import { DASH, formatDelta, formatScore, formatSignedDecimal, withMinusSign } from '@app/ui';
import type { ReportModel } from '../report-model';

/** Report wording around the figures; the figures themselves are formatted by @app/ui. */

/** "Kommunerapport – Brøndby Kommune" / "Landsrapport" */
export const reportSubtitle = (model: ReportModel) =>
  model.kind === 'municipality' ? `Kommunerapport – ${model.municipality.name} Kommune` : 'Landsrapport';

/**
 * Signed figures in the reports carry the typographic minus sign "−", never a hyphen that reads as
 * a dash: "+0,12" / "−0,35" on the 1–5 scale, "+2,5" / "−19,1" for changes in per cent or points.
 */
export const signedScore = (v: number | null | undefined) => withMinusSign(formatDelta(v));
export const signedDecimal = (v: number | null | undefined) => withMinusSign(formatSignedDecimal(v));
/** "−19,1 %": a change in per cent, spaced like formatPercent's "8,5 %". */
export const signedPercent = (v: number | null | undefined) => (v == null ? DASH : `${signedDecimal(v)} %`);

/**
 * "ligger 0,35 under landsgennemsnittet" / "ligger 0,12 over …" / "svarer til …": a difference as
 * words, so no reader has to decode a sign. Equal is what rounds to 0,00.
 */
export function comparedToNational(delta: number): string {
  const rounded = Math.round(delta * 100) / 100;
  if (rounded === 0) return 'svarer til landsgennemsnittet';
  return `ligger ${formatScore(Math.abs(rounded))} ${rounded < 0 ? 'under' : 'over'} landsgennemsnittet`;
}

/** The text shown instead of a hidden figure, so a reader never mistakes it for zero. */
export const suppressedText = (k: number) => `Skjult (færre end ${k} kommuner)`;

/** The same marker inside a chart, beside the place of the bar or point that is not drawn. */
export const suppressedChartText = (k: number) => `skjult (færre end ${k} kommuner)`;

/** How every spreadsheet explains its hidden figures. */
export const suppressionNote = (k: number) =>
  `Tal, der beskriver færre end K = ${k} kommuner, offentliggøres ikke. De står som ` +
  `"${suppressedText(k)}", aldrig som 0. "${DASH}" er et tal, der ikke findes eller ikke offentliggøres ` +
  '(fx ikke relevant, ubesvaret, eller en median, der ville afsløre skjulte svar).';

/** Why number questions show no median or quartiles (docs/statistics.md). */
export const NUMBER_FIGURES_NOTE =
  'For tal som angreb og brud vises kun gennemsnit og spredning: en median eller kvartil af hele tal ' +
  'ville være en enkelt kommunes eget svar.';

/** A statistic cell: its figure, or the suppression text when it is hidden. */
export const cellText = (
  cell: { suppressed: boolean },
  value: number | null | undefined,
  k: number,
  format: (v: number | null | undefined) => string = formatScore,
) => (cell.suppressed ? suppressedText(k) : format(value));

const QUARTILE_WORDS: Record<number, string> = {
  1: 'i den nederste fjerdedel af kommunerne (på eller under landets nedre kvartil)',
  2: 'i den næstnederste fjerdedel af kommunerne (over nedre kvartil, på eller under medianen)',
  3: 'i den næstøverste fjerdedel af kommunerne (over medianen, på eller under øvre kvartil)',
  4: 'i den øverste fjerdedel af kommunerne (over landets øvre kvartil)',
};

export const quartileText = (quartile: number | null) =>
  quartile === null
    ? 'Placeringen kan ikke oplyses for i år.'
    : `Kommunen ligger ${QUARTILE_WORDS[quartile]}.`;
