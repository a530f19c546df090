import { municipalityReportModel } from '../../test/fixtures';
import { areaComparisonChart } from './area-comparison.chart';

describe(areaComparisonChart.name, () => {
  it('compares own and national area scores on the 1–5 scale with Danish labels', () => {
    const config = areaComparisonChart(municipalityReportModel('Brøndby'));
    expect(config.type).toBe('radar');
    expect(config.data.datasets.map((d) => d.label)).toEqual(['Brøndby Kommune', 'Landsgennemsnit']);
    expect(config.options?.scales?.r).toMatchObject({ min: 1, max: 5 });
    expect(config.options).toMatchObject({ animation: false, responsive: false });
    expect((config.data.labels as string[][])[0].join(' ')).toBe(
      'Risikoanalyse og politikker for informationssikkerhed',
    );
  });

  it('leaves out areas without any score and keeps a suppressed value as a gap, not 0', () => {
    const model = municipalityReportModel();
    model.figures.areas[1].nationalMean = null;
    const config = areaComparisonChart(model);
    const labels = (config.data.labels as string[][]).map((l) => l.join(' '));
    expect(labels).not.toContain('Hændelser og angreb');
    expect(config.data.datasets[1].data[1]).toBeNull();
    expect(config.data.datasets[0].data[1]).toBe(model.figures.areas[1].own);
  });

  it('marks a suppressed national area mean as hidden under the area, not as a point at 0 or a silent gap', () => {
    const model = municipalityReportModel();
    const area = model.national.areas[2];
    model.national.areas[2] = { ...area, n: null, mean: null, suppressed: true };
    model.figures.areas[2].nationalMean = null;
    const config = areaComparisonChart(model);
    const labels = config.data.labels as string[][];
    expect(labels[2].at(-1)).toBe('Landsgennemsnit skjult (færre end 5 kommuner)');
    expect(config.data.datasets[1].data[2]).toBeNull();
    expect(labels[0].join(' ')).not.toContain('skjult');
  });
});
