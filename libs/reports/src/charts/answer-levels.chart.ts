import type { ChartConfiguration } from 'chart.js';
import type { NationalFigures } from '../report-model';
import { BASE_OPTIONS, COLOURS, markHidden } from './chart-style';

/**
 * Grouped bars: share of all answers at each scale level, this edition next to the previous one.
 * A hidden level has no bar and says so under its label.
 */
export function answerLevelsChart(national: NationalFigures): ChartConfiguration<'bar'> {
  const levels = national.answerLevels;
  const datasets: ChartConfiguration<'bar'>['data']['datasets'] = [
    {
      label: String(national.edition.year),
      data: levels.map((l) => (l.suppressed ? null : l.share)),
      backgroundColor: COLOURS.primary,
    },
  ];
  if (national.previousEdition) {
    datasets.push({
      label: String(national.previousEdition.year),
      data: levels.map((l) => l.previousShare),
      backgroundColor: COLOURS.grey,
    });
  }
  return {
    type: 'bar',
    data: {
      labels: levels.map((l) => {
        const label = `${l.level} ${l.label}`;
        return l.suppressed ? markHidden(label, national.k, `${national.edition.year}: `) : label;
      }),
      datasets,
    },
    options: {
      ...BASE_OPTIONS,
      scales: {
        // Every level keeps its label, a hidden one's marker included.
        x: { ticks: { autoSkip: false }, title: { display: true, text: 'Svarniveau (1–5)' } },
        y: { beginAtZero: true, title: { display: true, text: 'Andel af alle svar (%)' } },
      },
    },
  };
}
