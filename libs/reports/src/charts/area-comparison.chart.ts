import type { ChartConfiguration } from 'chart.js';
import type { MunicipalityReportModel } from '../report-model';
import { BASE_OPTIONS, COLOURS, markHidden, SCALE, wrapLabel } from './chart-style';

/**
 * Radar of the municipality's area scores against the national mean per area. Areas without any
 * score on either side (e.g. an area of number questions only) are left out; a single missing or
 * suppressed value stays null so chart.js leaves a gap instead of drawing 0, and a suppressed
 * national mean is marked hidden under the area's name.
 */
export function areaComparisonChart(model: MunicipalityReportModel): ChartConfiguration<'radar'> {
  const k = model.figures.k;
  const hidden = new Set(model.national.areas.filter((a) => a.suppressed).map((a) => a.key));
  const areas = model.figures.areas.filter(
    (a) => a.own !== null || a.nationalMean !== null || hidden.has(a.key),
  );
  return {
    type: 'radar',
    data: {
      labels: areas.map((a) =>
        hidden.has(a.key)
          ? markHidden(wrapLabel(a.title, 22), k, 'Landsgennemsnit ')
          : wrapLabel(a.title, 22),
      ),
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
          data: areas.map((a) => (hidden.has(a.key) ? null : a.nationalMean)),
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
