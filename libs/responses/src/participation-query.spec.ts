import type { ParticipationRow } from './responses.repository';
import { selectParticipation } from './participation-query';

const row = (
  municipalityName: string,
  regionName: string,
  status: ParticipationRow['status'],
  lastChangedAt: string | null,
  regionCode = 1084,
): ParticipationRow => ({
  municipalityCode: 100,
  municipalityName,
  regionCode,
  regionName,
  status,
  answeredRequired: 0,
  requiredQuestions: 10,
  progressPercent: 0,
  submittedAt: null,
  submittedByName: null,
  lastChangedAt: lastChangedAt ? new Date(lastChangedAt) : null,
});

describe('selectParticipation', () => {
  const rows = [
    row('Aarhus', 'Region Midtjylland', 'submitted', '2026-03-01T10:00:00Z', 1082),
    row('Ærø', 'Region Syddanmark', 'not_started', null, 1083),
    row('Ballerup', 'Region Hovedstaden', 'in_progress', '2026-03-02T10:00:00Z'),
    row('Albertslund', 'Region Hovedstaden', 'not_started', null),
  ];
  const names = (q: Parameters<typeof selectParticipation>[1]) =>
    selectParticipation([...rows], q).map((r) => r.municipalityName);

  it('sorts by name in Danish order by default: Æ after Z, Aa as Å at the end', () => {
    expect(names({})).toEqual(['Albertslund', 'Ballerup', 'Ærø', 'Aarhus']);
  });

  it('sorts by region, status (not started first) and last activity (newest first, never active last)', () => {
    expect(names({ sort: 'region' })).toEqual(['Albertslund', 'Ballerup', 'Aarhus', 'Ærø']);
    expect(names({ sort: 'status' })).toEqual(['Albertslund', 'Ærø', 'Ballerup', 'Aarhus']);
    expect(names({ sort: 'lastActivity' })).toEqual(['Ballerup', 'Aarhus', 'Albertslund', 'Ærø']);
  });

  it('filters by region and by status, together', () => {
    expect(names({ regionCode: 1084 })).toEqual(['Albertslund', 'Ballerup']);
    expect(names({ status: 'not_started' })).toEqual(['Albertslund', 'Ærø']);
    expect(names({ regionCode: 1084, status: 'in_progress' })).toEqual(['Ballerup']);
    expect(names({ regionCode: 1081 })).toEqual([]);
  });
});
