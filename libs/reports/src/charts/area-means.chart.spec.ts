import { nationalFigures } from '../../test/fixtures';
import { areaMeansChart } from './area-means.chart';

describe(areaMeansChart.name, () => {
  it('draws horizontal bars of the national area means on the 1–5 scale', () => {
    const national = nationalFigures();
    const config = areaMeansChart(national);
    expect(config.options).toMatchObject({ indexAxis: 'y', animation: false, responsive: false });
    expect(config.options?.scales?.x).toMatchObject({ min: 1, max: 5 });
    expect(config.data.datasets[0].label).toBe('Landsgennemsnit 2025');
    expect(config.data.datasets[0].data[0]).toBe(national.areas[0].mean);
  });

  it('keeps a suppressed area as a label without a bar and leaves out areas never scored', () => {
    const national = nationalFigures();
    national.areas[2] = { ...national.areas[2], n: null, mean: null, suppressed: true };
    const config = areaMeansChart(national);
    const labels = (config.data.labels as string[][]).map((l) => l.join(' '));
    expect(labels).toHaveLength(10);
    expect(labels).not.toContain('Hændelser og angreb');
    expect(config.data.datasets[0].data[2]).toBeNull();
    expect(labels[2]).toBe(`${national.areas[2].title} skjult (færre end 5 kommuner)`);
    expect(labels[1]).not.toContain('skjult');
    // chart.js must not skip labels to save room: the hidden one's marker would go with them.
    expect(config.options?.scales?.y?.ticks).toMatchObject({ autoSkip: false });
  });
});
