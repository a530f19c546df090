import { formatScore } from '@app/ui';

/** Report wording around the figures; the figures themselves are formatted by @app/ui. */

/** The text shown instead of a hidden figure, so a reader never mistakes it for zero. */
export const suppressedText = (k: number) => `Skjult (færre end ${k} kommuner)`;

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
