import { formatIncidentReference, parseIncidentReference } from './incident-reference';

describe('incident reference', () => {
  it('pads the sequence to four digits and grows beyond 9999', () => {
    expect(formatIncidentReference(2026, 1)).toBe('KCERT-2026-0001');
    expect(formatIncidentReference(2026, 812)).toBe('KCERT-2026-0812');
    expect(formatIncidentReference(2026, 12345)).toBe('KCERT-2026-12345');
  });

  it('refuses a sequence that is not a positive integer', () => {
    expect(() => formatIncidentReference(2026, 0)).toThrow(RangeError);
    expect(() => formatIncidentReference(2026, 1.5)).toThrow(RangeError);
  });

  it('parses what it formats', () => {
    expect(parseIncidentReference('KCERT-2026-0042')).toEqual({ year: 2026, sequence: 42 });
    expect(parseIncidentReference('KCERT-26-42')).toBeNull();
  });
});
