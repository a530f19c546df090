/**
 * What a caller may want to do with municipal data. Each permission has one rule in `access-policy.ts`;
 * a new feature (the incident log: TLP, assignment) adds its permissions and rules there, nowhere else.
 */
export enum Permission {
  /** That an edition exists at all: a draft is KL's work in progress. */
  EditionRead = 'edition.read',
  /** An edition's benchmark figures: once published, and for KL already when closed. */
  StatisticsRead = 'statistics.read',
  /** An edition's stored reports: only once published. */
  ReportRead = 'report.read',
  /** A municipality's own scores against the national ones. */
  MunicipalityStatisticsRead = 'municipality.statistics.read',
  /** A municipality's own report. */
  MunicipalityReportRead = 'municipality.report.read',
  /** A municipality's response: reading, saving, submitting, reopening. */
  MunicipalityResponseWrite = 'municipality.response.write',
  /** A municipality's officers. */
  MunicipalityOfficersRead = 'municipality.officers.read',
}

/**
 * The facts of an edition the rules look at. The statuses mirror `EditionStatus` in @app/surveys
 * (which depends on auth, not the other way round); a surveys `Edition` is passed as it is, and a new
 * status there fails to compile here until a rule decides on it.
 */
export interface EditionFacts {
  id: string;
  year: number;
  status: 'draft' | 'open' | 'closed' | 'published';
}

export interface EditionTarget {
  edition: EditionFacts;
}

export interface MunicipalityTarget {
  /** The municipality whose data is read; null when the caller has none (an officer always has one). */
  municipalityCode: number | null;
}

/** The target each permission is checked against. */
export interface PermissionTargets {
  [Permission.EditionRead]: EditionTarget;
  [Permission.StatisticsRead]: EditionTarget;
  [Permission.ReportRead]: EditionTarget;
  [Permission.MunicipalityStatisticsRead]: MunicipalityTarget;
  [Permission.MunicipalityReportRead]: MunicipalityTarget;
  [Permission.MunicipalityResponseWrite]: MunicipalityTarget;
  [Permission.MunicipalityOfficersRead]: MunicipalityTarget;
}
