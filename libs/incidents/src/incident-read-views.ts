/**
 * Read-only views of this lib's tables for the libs that aggregate incidents beside other data (the
 * survey statistics' incidents by maturity quartile). Created in the migration
 * `IncidentMaturityQuartiles`; a change to `incidents` keeps these views' columns and meaning.
 */
export const INCIDENT_READ_VIEWS = {
  /**
   * `(municipality_code, aware_year, rsit_class, rsit_type)`: one row per incident that counts in
   * the statistics (docs/incident-statistics.md: not "not an incident", not a duplicate), with the
   * year of its `awareAt` in Danish time.
   */
  countedIncidents: 'counted_incidents',
} as const;
