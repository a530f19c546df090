import { nationalFigures } from '../../test/fixtures';
import { answerLevelsChart } from './answer-levels.chart';

describe(answerLevelsChart.name, () => {
  it('shows the share per level this year next to the previous year', () => {
    const national = nationalFigures();
    const config = answerLevelsChart(national);
    expect(config.data.labels).toEqual([
      '1 Ad hoc',
      '2 Gentageligt',
      '3 Defineret',
      '4 Styret og målt',
      '5 Optimeret',
    ]);
    expect(config.data.datasets.map((d) => d.label)).toEqual(['2025', '2024']);
    expect(config.data.datasets[0].data).toEqual(national.answerLevels.map((l) => l.share));
    expect(config.data.datasets[0].backgroundColor).toBe('#0059b3');
  });

  it('plots a suppressed level as a gap, not 0, and drops the previous year when there is none', () => {
    const national = nationalFigures();
    national.answerLevels[0] = { ...national.answerLevels[0], count: null, share: null, suppressed: true };
    national.previousEdition = null;
    const config = answerLevelsChart(national);
    expect(config.data.datasets).toHaveLength(1);
    expect(config.data.datasets[0].data[0]).toBeNull();
  });

  it('marks a hidden level under its label, so the missing bar never reads as 0', () => {
    const national = nationalFigures();
    national.answerLevels[0] = { ...national.answerLevels[0], count: null, share: null, suppressed: true };
    const labels = answerLevelsChart(national).data.labels;
    expect(labels?.[0]).toEqual(['1 Ad hoc', '2025: skjult (færre end 5 kommuner)']);
    expect(labels?.[1]).toBe('2 Gentageligt');
    expect(answerLevelsChart(national).options?.scales?.x?.ticks).toMatchObject({ autoSkip: false });
  });
});
