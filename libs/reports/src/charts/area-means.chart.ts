import type { ChartConfiguration } from 'chart.js';
import type { NationalFigures } from '../report-model';
import { BASE_OPTIONS, COLOURS, markHidden, SCALE, wrapLabel } from './chart-style';

/**
 * Horizontal bars of the national mean per area. Areas that are never scored (n = 0, not
 * suppressed) are left out; a suppressed area keeps its label, marked hidden, and has no bar.
 */
export function areaMeansChart(national: NationalFigures): ChartConfiguration<'bar'> {
  const areas = national.areas.filter((a) => a.suppressed || a.mean !== null);
  return {
    type: 'bar',
    data: {
      labels: areas.map((a) =>
        a.suppressed ? markHidden(wrapLabel(a.title, 34), national.k) : wrapLabel(a.title, 34),
      ),
      datasets: [
        {
          label: `Landsgennemsnit ${national.edition.year}`,
          data: areas.map((a) => (a.suppressed ? null : a.mean)),
          backgroundColor: COLOURS.green,
        },
      ],
    },
    options: {
      ...BASE_OPTIONS,
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: {
        x: { ...SCALE, title: { display: true, text: 'Gennemsnit (1–5)' } },
        // Every area keeps its name, a hidden one included: chart.js would skip every other one.
        y: { ticks: { autoSkip: false } },
      },
    },
  };
}
