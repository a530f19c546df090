/** Figures as they appear in report text: Danish decimal comma, a dash for "no figure". */
const score = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signed = new Intl.NumberFormat('da-DK', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
});
const oneDecimal = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
const signedDecimal = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

export const DASH = '–';

/** The text shown instead of a hidden figure, so a reader never mistakes it for zero. */
export const suppressedText = (k: number) => `Skjult (færre end ${k} kommuner)`;

/** "3,36" for an index or mean on the 1–5 scale. */
export const formatScore = (v: number | null | undefined) => (v == null ? DASH : score.format(v));
/** "3,4": a median or quartile of scores, published rounded to one decimal (docs/statistics.md). */
export const formatRoundedScore = (v: number | null | undefined) => (v == null ? DASH : oneDecimal.format(v));
/** "+0,12" / "-0,05": a difference on the 1–5 scale. */
export const formatDelta = (v: number | null | undefined) => (v == null ? DASH : signed.format(v));
/** "12,5" for counts, medians and percentages. */
export const formatDecimal = (v: number | null | undefined) => (v == null ? DASH : decimal.format(v));
/** "+2,5" for changes in per cent or percentage points. */
export const formatSignedDecimal = (v: number | null | undefined) =>
  v == null ? DASH : signedDecimal.format(v);
/** "41,2 %" */
export const formatPercent = (v: number | null | undefined) => (v == null ? DASH : `${decimal.format(v)} %`);

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
