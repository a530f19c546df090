import type { IncidentDashboardYear, RsitClass } from '@app/incidents';

type MonthsByClass = Pick<IncidentDashboardYear, 'months' | 'classes'>;

/**
 * chart.js configurations of the figure pages, pure and unit-tested; report-charts.js draws them
 * from `data-chart`. Each chart fills a box of fixed height (`.chart-box`), so on a phone the plot
 * keeps its room beside a long legend; the figures are always in the table under the chart.
 */

/** One colour per RSIT class, the same in every chart (Okabe–Ito first: told apart by most eyes). */
export const CLASS_COLOURS: Record<RsitClass, string> = {
  'abusive-content': '#CC79A7',
  'malicious-code': '#D55E00',
  'information-gathering': '#56B4E9',
  'intrusion-attempts': '#E69F00',
  intrusions: '#000000',
  availability: '#0072B2',
  'information-content-security': '#009E73',
  fraud: '#F0E442',
  vulnerable: '#7A3E00',
  other: '#999999',
  test: '#5B2A86',
};

const BLUE = '#0059b3';
const shortMonth = new Intl.DateTimeFormat('da-DK', { month: 'short', timeZone: 'UTC' });

/** "2026-03" → "mar." */
export const shortMonthLabel = (yearMonth: string) =>
  shortMonth.format(new Date(`${yearMonth}-01T00:00:00Z`));

/** The classes with at least one incident in the year: the chart's series and the table's columns. */
export const classesWithIncidents = (data: MonthsByClass) => data.classes.filter((c) => c.total > 0);

const common = { animation: false, locale: 'da-DK', maintainAspectRatio: false };

/** Incidents per month, one stacked series per RSIT class. */
export function monthsByClassChart(data: MonthsByClass): object {
  return {
    type: 'bar',
    data: {
      labels: data.months.map(shortMonthLabel),
      datasets: classesWithIncidents(data).map((c) => ({
        label: c.label,
        data: c.perMonth,
        backgroundColor: CLASS_COLOURS[c.key as RsitClass] ?? BLUE,
      })),
    },
    options: {
      ...common,
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: 'Hændelser' } },
      },
    },
  };
}

const LINE = 20;
const LINES = 3;

/**
 * An advisory title on the chart's axis: broken into short lines (chart.js draws an array as lines),
 * at most three, the last cut with "…", so that it fits beside the bars on a phone. The table under
 * the chart has the titles whole.
 */
export function axisLabel(title: string): string[] {
  const lines: string[] = [];
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= LINE) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word.length > LINE ? `${word.slice(0, LINE - 1)}…` : word);
  }
  if (lines.length <= LINES) return lines;
  const kept = lines.slice(0, LINES);
  const end = kept[LINES - 1];
  kept[LINES - 1] = `${end.length >= LINE ? end.slice(0, LINE - 1) : end}…`;
  return kept;
}

/** Each active advisory's share answered, as horizontal bars from 0 to 100 %. */
export function responseRateChart(
  rows: Array<{ title: string; answered: number; targeted: number }>,
): object {
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => axisLabel(r.title)),
      datasets: [
        {
          label: 'Besvaret (%)',
          data: rows.map((r) => (r.targeted ? Math.round((r.answered / r.targeted) * 1000) / 10 : 0)),
          backgroundColor: BLUE,
        },
      ],
    },
    options: {
      ...common,
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, max: 100, title: { display: true, text: 'Besvaret (%)' } } },
    },
  };
}

/** Incidents per 10,000 inhabitants of a few scopes side by side; a hidden figure has no bar. */
export function ratesChart(rows: Array<{ label: string; per10k: number | null }>): object {
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        { label: 'Hændelser pr. 10.000 indbyggere', data: rows.map((r) => r.per10k), backgroundColor: BLUE },
      ],
    },
    options: {
      ...common,
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, title: { display: true, text: 'Pr. 10.000 indbyggere' } } },
    },
  };
}
