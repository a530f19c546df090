import type { ChartConfiguration } from 'chart.js';
import type { MunicipalityReportModel } from '../report-model';
import { BASE_OPTIONS, COLOURS, SCALE, wrapLabel } from './chart-style';

/**
 * Radar of the municipality's area scores against the national mean per area. Areas without any
 * score on either side (e.g. an area of number questions only) are left out; a single missing or
 * suppressed value stays null so chart.js leaves a gap instead of drawing 0.
 */
export function areaComparisonChart(model: MunicipalityReportModel): ChartConfiguration<'radar'> {
  const areas = model.figures.areas.filter((a) => a.own !== null || a.nationalMean !== null);
  return {
    type: 'radar',
    data: {
      labels: areas.map((a) => wrapLabel(a.title, 22)),
      datasets: [
        {
          label: `${model.municipality.name} Kommune`,
          data: areas.map((a) => a.own),
          borderColor: COLOURS.primary,
          backgroundColor: COLOURS.primaryFill,
          pointBackgroundColor: COLOURS.primary,
          borderWidth: 2,
        },
        {
          label: 'Landsgennemsnit',
          data: areas.map((a) => a.nationalMean),
          borderColor: COLOURS.grey,
          backgroundColor: COLOURS.greyFill,
          pointBackgroundColor: COLOURS.grey,
          borderWidth: 2,
          borderDash: [6, 4],
        },
      ],
    },
    options: {
      ...BASE_OPTIONS,
      spanGaps: false,
      scales: { r: { ...SCALE, beginAtZero: false, pointLabels: { font: { size: 11 } } } },
    },
  };
}
