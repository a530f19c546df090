import { suppressedKeys } from '@app/anonymity';
import type { IncidentQuartileDto, IncidentQuartilesDto } from './dto/incident-quartiles.response';
import type { IncidentQuartileRow } from './statistics.repository';

export const QUARTILES = [1, 2, 3, 4] as const;
/** The stored group of municipalities without an overall index: non-participants and empty responses. */
const OUTSIDE = 0;

const per10k = (incidents: number, population: number) =>
  population > 0 ? Math.round((incidents / population) * 100_000) / 10 : null;

/**
 * Publishes the incidents by maturity quartile with K-suppression (docs/statistics.md, "Incidents
 * by maturity quartile"). K counts municipalities: members of a quartile, or municipalities with
 * incidents in it.
 * - The municipalities per quartile add up to the participants: a quartile of fewer than K is
 *   hidden, with its complement (`suppressedKeys`), and its rate with it.
 * - The rates: the quartiles' incidents add up to the total of the participants, which an attacker
 *   may know (the national total of the year, published by the incident statistics, minus the
 *   municipalities outside the quartiles, whose sum other figures may give away, e.g. when they
 *   make up a region). So the four quartiles are one row under `suppressedKeys`, and the outside
 *   group never counts as a complement.
 * - The outside group (non-participants): when 1 … K−1 of them had incidents, the national total
 *   minus the four quartiles would be their count, so the smallest non-empty quartile is hidden too,
 *   unless one already is.
 * - The national rate is hidden when fewer than K municipalities had incidents; then every
 *   quartile is hidden as well.
 */
export function publishIncidentQuartiles(
  rows: IncidentQuartileRow[],
  k: number,
  year: number,
  editionHidden: boolean,
): IncidentQuartilesDto {
  const row = (q: number) =>
    rows.find((r) => r.quartile === q) ?? {
      quartile: q,
      municipalities: 0,
      population: 0,
      incidents: 0,
      municipalitiesWithIncidents: 0,
    };
  const all = [OUTSIDE, ...QUARTILES].map(row);
  const national = all.reduce(
    (sum, r) => ({
      incidents: sum.incidents + r.incidents,
      population: sum.population + r.population,
      n: sum.n + r.municipalitiesWithIncidents,
    }),
    { incidents: 0, population: 0, n: 0 },
  );
  const nationalHidden = editionHidden || (national.n > 0 && national.n < k);
  const every = new Set(QUARTILES.map(String));
  const membersHidden = editionHidden
    ? every
    : suppressedKeys(
        QUARTILES.map((q) => ({ key: String(q), n: row(q).municipalities })),
        k,
      );
  const withIncidents = QUARTILES.map((q) => ({ key: String(q), n: row(q).municipalitiesWithIncidents }));
  const ratesHidden = nationalHidden ? every : suppressedKeys(withIncidents, k, { forced: membersHidden });
  const outside = row(OUTSIDE).municipalitiesWithIncidents;
  const protectsOutside = withIncidents.some((c) => ratesHidden.has(c.key) && c.n > 0);
  if (outside > 0 && outside < k && !protectsOutside) {
    const [complement] = withIncidents
      .filter((c) => c.n > 0)
      .sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
    if (complement) ratesHidden.add(complement.key);
  }
  const quartiles: IncidentQuartileDto[] = QUARTILES.map((q) => {
    const r = row(q);
    const key = String(q);
    return {
      quartile: q,
      municipalities: membersHidden.has(key) ? null : r.municipalities,
      municipalitiesSuppressed: membersHidden.has(key),
      incidentsPer10k: ratesHidden.has(key) ? null : per10k(r.incidents, r.population),
      suppressed: ratesHidden.has(key),
    };
  });
  return {
    year,
    suppressed: editionHidden,
    national: {
      incidentsPer10k: nationalHidden ? null : per10k(national.incidents, national.population),
      suppressed: nationalHidden,
    },
    quartiles,
  };
}
