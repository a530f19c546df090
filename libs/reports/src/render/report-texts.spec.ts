import { comparedToNational, signedDecimal, signedPercent, signedScore } from './report-texts';

describe(comparedToNational.name, () => {
  it('says a difference in words, without a sign to decode', () => {
    expect(comparedToNational(-0.35)).toBe('ligger 0,35 under landsgennemsnittet');
    expect(comparedToNational(0.352)).toBe('ligger 0,35 over landsgennemsnittet');
    expect(comparedToNational(0)).toBe('svarer til landsgennemsnittet');
    // What rounds to 0,00 is no difference a reader could see.
    expect(comparedToNational(-0.004)).toBe('svarer til landsgennemsnittet');
  });
});

describe('signed figures', () => {
  it('carry the minus sign "−", not a hyphen, and a plus for a rise', () => {
    expect(signedScore(-0.35)).toBe('−0,35');
    expect(signedScore(0.12)).toBe('+0,12');
    expect(signedDecimal(-2.5)).toBe('−2,5');
    expect(signedPercent(-19.1)).toBe('−19,1 %');
    expect(signedPercent(null)).toBe('–');
  });
});
