import { publishIncidentQuartiles } from './incident-quartiles';
import type { IncidentQuartileRow } from './statistics.repository';

const K = 5;
/** [quartile, municipalities, population, incidents, municipalities with incidents] */
const rows = (...r: Array<[number, number, number, number, number]>): IncidentQuartileRow[] =>
  r.map(([quartile, municipalities, population, incidents, municipalitiesWithIncidents]) => ({
    quartile,
    municipalities,
    population,
    incidents,
    municipalitiesWithIncidents,
  }));

/** Published for 2024 with K = 5, the edition's participation shown unless `editionHidden`. */
const publish = (r: IncidentQuartileRow[], editionHidden = false) =>
  publishIncidentQuartiles(r, K, 2024, editionHidden);

describe(publishIncidentQuartiles.name, () => {
  it('publishes every quartile and the national rate per 10,000 inhabitants when all are at K', () => {
    const published = publish(
      rows(
        [0, 14, 400_000, 90, 9],
        [1, 21, 1_000_000, 300, 15],
        [2, 21, 1_200_000, 240, 14],
        [3, 21, 1_500_000, 200, 12],
        [4, 21, 1_800_000, 150, 10],
      ),
    );
    expect(published.suppressed).toBe(false);
    expect(published.year).toBe(2024);
    expect(published.quartiles.map((q) => q.incidentsPer10k)).toEqual([3, 2, 1.3, 0.8]);
    expect(published.quartiles.map((q) => q.municipalities)).toEqual([21, 21, 21, 21]);
    expect(published.quartiles.every((q) => !q.suppressed && !q.municipalitiesSuppressed)).toBe(true);
    // (90 + 300 + 240 + 200 + 150) / 5.9 million × 10,000
    expect(published.national).toEqual({ incidentsPer10k: 1.7, suppressed: false });
  });

  it('hides a quartile beside the few non-participants with incidents, so the total minus the quartiles is no one municipality', () => {
    const published = publish(
      rows(
        [0, 1, 350_000, 40, 1],
        [1, 25, 1_000_000, 300, 15],
        [2, 24, 1_200_000, 240, 14],
        [3, 24, 1_500_000, 200, 12],
        [4, 24, 1_800_000, 150, 10],
      ),
    );
    // The smallest quartile by municipalities with incidents (4) is hidden as the complement.
    expect(published.quartiles.map((q) => q.suppressed)).toEqual([false, false, false, true]);
    expect(published.quartiles[3].incidentsPer10k).toBeNull();
    // Its municipality count stays: that row adds up to the participants, and none of it is small.
    expect(published.quartiles[3].municipalities).toBe(24);
    expect(published.national.suppressed).toBe(false);
  });

  it('hides a quartile with fewer than K municipalities with incidents, and a second one beside it', () => {
    const published = publish(
      rows(
        [0, 14, 400_000, 90, 9],
        [1, 21, 1_000_000, 3, 2],
        [2, 21, 1_200_000, 240, 14],
        [3, 21, 1_500_000, 200, 12],
        [4, 21, 1_800_000, 150, 10],
      ),
    );
    expect(published.quartiles.map((q) => q.suppressed)).toEqual([true, false, false, true]);
  });

  it('hides a quartile of fewer than K municipalities in both rows, with complements', () => {
    const published = publish(
      rows(
        [0, 90, 5_000_000, 500, 60],
        [1, 2, 60_000, 10, 2],
        [2, 2, 70_000, 10, 2],
        [3, 2, 80_000, 10, 2],
        [4, 2, 90_000, 10, 2],
      ),
    );
    expect(published.quartiles.every((q) => q.municipalitiesSuppressed && q.suppressed)).toBe(true);
    expect(published.quartiles.every((q) => q.municipalities === null && q.incidentsPer10k === null)).toBe(
      true,
    );
  });

  it('publishes nothing of an edition with fewer than K participants', () => {
    const published = publish(
      rows([0, 94, 5_000_000, 500, 60], [1, 1, 60_000, 10, 1], [3, 1, 80_000, 10, 1], [4, 2, 90_000, 0, 0]),
      true,
    );
    expect(published.suppressed).toBe(true);
    expect(published.national).toEqual({ incidentsPer10k: null, suppressed: true });
    expect(published.quartiles.every((q) => q.suppressed && q.municipalitiesSuppressed)).toBe(true);
  });

  it('hides the national rate when fewer than K municipalities had incidents in the year', () => {
    const published = publish(
      rows(
        [0, 14, 400_000, 0, 0],
        [1, 21, 1e6, 2, 1],
        [2, 21, 1e6, 0, 0],
        [3, 21, 1e6, 5, 2],
        [4, 21, 1e6, 0, 0],
      ),
    );
    expect(published.national.suppressed).toBe(true);
    expect(published.quartiles.every((q) => q.suppressed)).toBe(true);
  });

  it('shows a year without incidents as 0, hiding nothing', () => {
    const published = publish(
      rows(
        [0, 14, 400_000, 0, 0],
        [1, 21, 1e6, 0, 0],
        [2, 21, 1e6, 0, 0],
        [3, 21, 1e6, 0, 0],
        [4, 21, 1e6, 0, 0],
      ),
    );
    expect(published.national).toEqual({ incidentsPer10k: 0, suppressed: false });
    expect(published.quartiles.map((q) => q.incidentsPer10k)).toEqual([0, 0, 0, 0]);
  });
});
