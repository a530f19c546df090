import type { ChartOptions } from 'chart.js';
import { suppressedChartText } from '../render/report-texts';

/** DKFDS palette, so charts match the web UI and the printed report. */
export const COLOURS = {
  primary: '#0059b3',
  grey: '#747474',
  green: '#008139',
  primaryFill: 'rgba(0, 89, 179, 0.15)',
  greyFill: 'rgba(116, 116, 116, 0.15)',
} as const;

/** The survey's maturity scale: every score axis runs over it, so charts are comparable. */
export const SCALE = { min: 1, max: 5, ticks: { stepSize: 1 } } as const;

/**
 * Options shared by all charts. Only plain data (no callbacks), because the same configuration is
 * embedded as JSON in the HTML report. `locale` gives Danish decimal commas in ticks and tooltips;
 * animation and responsiveness are off for server-side rendering (the browser may turn them on).
 */
export const BASE_OPTIONS = {
  animation: false,
  responsive: false,
  locale: 'da-DK',
  plugins: { legend: { position: 'bottom' } },
} satisfies ChartOptions;

/** Splits a long label into lines of about `width` characters; chart.js draws string[] as lines. */
export function wrapLabel(label: string, width = 24): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A category whose figure is hidden (fewer than K) gets the marker as an extra label line, so the
 * missing bar or point reads "skjult", never 0. It is plain data, so the PDF's server-side chart
 * and the browser's chart.js draw it alike.
 */
export const markHidden = (label: string | string[], k: number, prefix = ''): string[] => [
  ...(Array.isArray(label) ? label : [label]),
  `${prefix}${suppressedChartText(k)}`,
];
