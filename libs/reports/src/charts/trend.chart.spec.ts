import { trendChart } from './trend.chart';

describe(trendChart.name, () => {
  const trend = [
    { year: 2023, own: 2.9, national: 2.8, nationalSuppressed: false },
    { year: 2024, own: null, national: 2.95, nationalSuppressed: false },
    { year: 2025, own: 3.36, national: 3.01, nationalSuppressed: false },
  ];

  it('draws own index and national average per edition on the 1–5 scale', () => {
    const config = trendChart(trend);
    expect(config.data.labels).toEqual(['2023', '2024', '2025']);
    expect(config.data.datasets.map((d) => d.label)).toEqual(['Kommunens samlede indeks', 'Landsgennemsnit']);
    expect(config.options?.scales?.y).toMatchObject({ min: 1, max: 5 });
  });

  it('leaves a year without a figure as a gap instead of 0', () => {
    const config = trendChart(trend);
    expect(config.data.datasets[0].data).toEqual([2.9, null, 3.36]);
    expect(config.options?.spanGaps).toBe(false);
  });
});
