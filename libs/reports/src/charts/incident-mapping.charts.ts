import type { ChartConfiguration } from 'chart.js';
import { BASE_OPTIONS, COLOURS, wrapLabel } from './chart-style';

/** One stacked series: an RSIT class's incidents per month. */
export interface MonthSeries {
  label: string;
  values: number[];
}

/**
 * Distinct colours for up to eleven RSIT classes, the DKFDS blue first; a stacked bar needs each
 * class told apart, and the table after the chart carries the figures for those who cannot.
 */
const SERIES_COLOURS = [
  COLOURS.primary,
  '#e1a500',
  COLOURS.green,
  '#b8144a',
  '#6f42c1',
  '#00838f',
  '#ef6c00',
  COLOURS.grey,
  '#2e7d32',
  '#8d6e63',
  '#1a1a1a',
];

/** Incidents per month, stacked by RSIT class (the classes with no incident in the year are left out). */
export function incidentsByMonthChart(months: string[], series: MonthSeries[]): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: months,
      datasets: series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
      })),
    },
    options: {
      ...BASE_OPTIONS,
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: 'Hændelser' } },
      },
    },
  };
}

/** Horizontal bars of incidents per 10,000 inhabitants, one per region, beside the national rate. */
export function regionRatesChart(
  regions: Array<{ label: string; per10k: number | null }>,
  national: number | null,
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: [...regions.map((r) => wrapLabel(r.label, 30)), 'Hele landet'],
      datasets: [
        {
          label: 'Hændelser pr. 10.000 indbyggere',
          data: [...regions.map((r) => r.per10k), national],
          backgroundColor: [...regions.map(() => COLOURS.primary), COLOURS.grey],
        },
      ],
    },
    options: {
      ...BASE_OPTIONS,
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: {
        x: { beginAtZero: true, title: { display: true, text: 'Hændelser pr. 10.000 indbyggere' } },
        y: { ticks: { autoSkip: false } },
      },
    },
  };
}
