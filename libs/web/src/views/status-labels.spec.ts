import { editionStatusText } from './status-labels';

describe('editionStatusText', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const edition = (over: Partial<Parameters<typeof editionStatusText>[0]>) => ({
    status: 'open',
    closesAt: null,
    closedAt: null,
    publishedAt: null,
    ...over,
  });

  it('tells an officer until when an edition is open, in Danish time', () => {
    expect(editionStatusText(edition({ closesAt: new Date('2027-01-15T22:59:00Z') }), now)).toBe(
      'Åben til 15. januar 2027 kl. 23.59',
    );
  });

  it('says that the deadline has passed rather than "open" when it has', () => {
    expect(editionStatusText(edition({ closesAt: new Date('2026-11-30T22:59:00Z') }), now)).toBe(
      'Svarfristen udløb 30. november 2026 kl. 23.59',
    );
  });

  it('dates closed and published editions', () => {
    expect(
      editionStatusText(edition({ status: 'closed', closedAt: new Date('2027-01-20T10:00:00Z') }), now),
    ).toBe('Lukket 20. januar 2027');
    expect(editionStatusText(edition({ status: 'closed' }), now)).toBe('Lukket');
    expect(
      editionStatusText(edition({ status: 'published', publishedAt: new Date('2027-03-03T10:00:00Z') }), now),
    ).toBe('Offentliggjort 3. marts 2027');
  });
});
