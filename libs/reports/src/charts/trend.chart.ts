import type { ChartConfiguration } from 'chart.js';
import type { TrendPoint } from '../report-model';
import { BASE_OPTIONS, COLOURS, SCALE } from './chart-style';

/** The municipality's overall index against the national average, one point per edition. */
export function trendChart(trend: TrendPoint[]): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: {
      labels: trend.map((t) => String(t.year)),
      datasets: [
        {
          label: 'Kommunens samlede indeks',
          data: trend.map((t) => t.own),
          borderColor: COLOURS.primary,
          backgroundColor: COLOURS.primary,
          borderWidth: 3,
        },
        {
          label: 'Landsgennemsnit',
          data: trend.map((t) => t.national),
          borderColor: COLOURS.grey,
          backgroundColor: COLOURS.grey,
          borderWidth: 2,
          borderDash: [6, 4],
        },
      ],
    },
    options: {
      ...BASE_OPTIONS,
      // A year without a figure is a gap, not a line through it: it was not measured.
      spanGaps: false,
      scales: {
        x: { title: { display: true, text: 'Årgang' } },
        y: { ...SCALE, title: { display: true, text: 'Samlet indeks (1–5)' } },
      },
    },
  };
}
