import {
  axisLabel,
  monthsByClassChart,
  ratesChart,
  responseRateChart,
  shortMonthLabel,
} from './dashboard-charts';

type Config = {
  type: string;
  data: {
    labels: string[];
    datasets: Array<{ label: string; data: Array<number | null>; backgroundColor: string }>;
  };
  options: {
    indexAxis?: string;
    maintainAspectRatio: boolean;
    scales: Record<string, { stacked?: boolean; max?: number }>;
  };
};

const months = ['2026-01', '2026-02', '2026-03'];
const data = {
  months,
  classes: [
    { key: 'fraud', label: 'Svindel', perMonth: [3, 0, 1], total: 4 },
    { key: 'test', label: 'Test', perMonth: [0, 0, 0], total: 0 },
    { key: 'availability', label: 'Tilgængelighed', perMonth: [0, 2, 0], total: 2 },
  ],
};

describe(monthsByClassChart.name, () => {
  it('stacks one series per class with incidents, months in Danish', () => {
    const c = monthsByClassChart(data) as Config;
    expect(c.type).toBe('bar');
    expect(c.data.labels).toEqual(['jan.', 'feb.', 'mar.']);
    expect(c.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Svindel', [3, 0, 1]],
      ['Tilgængelighed', [0, 2, 0]],
    ]);
    expect(new Set(c.data.datasets.map((d) => d.backgroundColor)).size).toBe(2);
    expect(c.options.scales.x.stacked).toBe(true);
    expect(c.options.scales.y.stacked).toBe(true);
    // The chart fills its box (.chart-box) instead of keeping a ratio a phone has no height for.
    expect(c.options.maintainAspectRatio).toBe(false);
  });

  it('names December by its Danish short name', () => {
    expect(shortMonthLabel('2026-12')).toBe('dec.');
  });
});

describe(responseRateChart.name, () => {
  it('shows the share answered in per cent, to one decimal, and cuts long titles', () => {
    const c = responseRateChart([
      {
        title: 'Kritisk sårbarhed i Citrix NetScaler – opdatér nu, før den udnyttes',
        answered: 73,
        targeted: 98,
      },
      { title: 'Phishing', answered: 0, targeted: 0 },
    ]) as Config;
    expect(c.data.datasets[0].data).toEqual([74.5, 0]);
    expect(c.data.labels).toEqual([
      ['Kritisk sårbarhed i', 'Citrix NetScaler –', 'opdatér nu, før den…'],
      ['Phishing'],
    ]);
    expect(c.options.indexAxis).toBe('y');
    expect(c.options.scales.x.max).toBe(100);
  });
});

describe(ratesChart.name, () => {
  it('leaves a hidden figure without a bar', () => {
    const c = ratesChart([
      { label: 'Ballerup Kommune', per10k: 12.5 },
      { label: 'Region Hovedstaden', per10k: null },
    ]) as Config;
    expect(c.data.datasets[0].data).toEqual([12.5, null]);
  });
});

describe(axisLabel.name, () => {
  it('breaks a title into lines of at most 20 characters, at most three, and cuts a long word', () => {
    expect(axisLabel('Opdatér Microsoft Exchange Server (NTLM relay)')).toEqual([
      'Opdatér Microsoft',
      'Exchange Server',
      '(NTLM relay)',
    ]);
    expect(axisLabel('Supercalifragilisticexpialidocious')).toEqual(['Supercalifragilisti…']);
    for (const line of axisLabel('a '.repeat(100))) expect(line.length).toBeLessThanOrEqual(20);
  });
});
