import { chosenYear, listedYears } from './dashboard-year';

describe(chosenYear.name, () => {
  it('is this year when none is given', () => {
    expect(chosenYear(undefined, 2026)).toEqual({ ok: true, year: 2026 });
    expect(chosenYear('', 2026)).toEqual({ ok: true, year: 2026 });
  });

  it('takes a year from 2000 to this year', () => {
    expect(chosenYear('2025', 2026)).toEqual({ ok: true, year: 2025 });
    expect(chosenYear(' 2000 ', 2026)).toEqual({ ok: true, year: 2000 });
  });

  it('refuses a future year, an old one, and what is not a year', () => {
    for (const bad of ['2027', '1999', '25', '2025-01', 'abc', '२०२५']) {
      expect(chosenYear(bad, 2026)).toEqual({ ok: false, given: bad });
    }
    expect(chosenYear(['2025', '2024'], 2026)).toEqual({ ok: false, given: '2025,2024' });
  });
});

describe(listedYears.name, () => {
  it('lists this year and the four before it, and an older chosen year last', () => {
    expect(listedYears(2026, 2026)).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect(listedYears(2026, 2010)).toEqual([2026, 2025, 2024, 2023, 2022, 2010]);
  });
});
