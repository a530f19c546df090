import type { Edition } from '@app/surveys';
import { readEditEditionForm } from './edition-forms';

describe('readEditEditionForm', () => {
  // Opened through the API at 12:00 Danish time on 31 March 2027.
  const open = {
    title: 'Baseline 2027',
    status: 'open',
    closesAt: new Date('2027-03-31T10:00:00Z'),
  } as Edition;

  it('sends only what changed, and keeps the stored time when the day is the same', () => {
    expect(readEditEditionForm({ title: ' Baseline 2027 ', closesAt: '2027-03-31' }, open)).toEqual({
      ok: true,
      dto: {},
    });
    expect(readEditEditionForm({ title: 'Baseline 2027 (rettet)', closesAt: '2027-04-01' }, open)).toEqual({
      ok: true,
      dto: { title: 'Baseline 2027 (rettet)', closesAt: new Date('2027-04-01T21:59:00Z') },
    });
  });

  it('explains a blank title, a date that is no date, and a missing deadline of an open edition in Danish', () => {
    const refused = (title: string, closesAt: string, edition: Edition = open) => {
      const read = readEditEditionForm({ title, closesAt }, edition);
      return read.ok ? null : read.state.errors;
    };
    expect(refused(' ', '2027-03-31')).toEqual({ title: 'Skriv en titel, fx »Baseline 2026«.' });
    expect(refused('X', '2027-02-30')).toEqual({ closesAt: 'Skriv datoen som dd.mm.åååå, fx 31.01.2027.' });
    expect(refused('X', '')).toEqual({ closesAt: 'Vælg en dato som svarfrist.' });
    expect(refused('X', '', { ...open, status: 'draft', closesAt: null } as Edition)).toBeNull();
  });
});
