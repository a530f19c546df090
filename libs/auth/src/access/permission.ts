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
  /** The incident log, or one incident of a municipality: KommuneCERT all, an officer or API key its own. */
  IncidentRead = 'incident.read',
  /** Reporting an incident for a municipality. */
  IncidentReport = 'incident.report',
  /** Classifying an incident after intake (RSIT class and type, severity): KommuneCERT only. */
  IncidentTriage = 'incident.triage',
  /** Assigning an incident to an analyst: KommuneCERT only. */
  IncidentAssign = 'incident.assign',
  /** Moving an incident through the workflow (triage, close, not an incident, duplicate): KommuneCERT only. */
  IncidentTransition = 'incident.transition',
  /** Writing an internal comment or attachment, one the municipality does not see: KommuneCERT only. */
  IncidentInternalWrite = 'incident.internal.write',
  /** Reading an internal or TLP:RED comment, attachment or timeline entry: KommuneCERT only. */
  IncidentRestrictedRead = 'incident.restricted.read',
  /**
   * Exporting incidents (the filtered list as CSV or XLSX, one incident as a MISP event, the
   * unsuppressed statistics as CSV or XLSX, the yearly mapping PDF): KommuneCERT only, since an
   * export leaves the platform's access rules behind.
   */
  IncidentExport = 'incident.export',
  /** An advisory, or the advisories: KommuneCERT all, an officer or API key those sent to its municipality. */
  AdvisoryRead = 'advisory.read',
  /** Writing, updating, withdrawing an advisory and linking it to incidents: KommuneCERT only. */
  AdvisoryWrite = 'advisory.write',
  /** Answering an advisory sent to the municipality: its own officers only. */
  AdvisoryRespond = 'advisory.respond',
  /** The response matrix of an advisory (every municipality's answer): KommuneCERT only. */
  AdvisoryResponsesRead = 'advisory.responses.read',
  /** The K-suppressed national and regional incident statistics: every signed-in person, no API key. */
  IncidentStatisticsRead = 'incident.statistics.read',
  /** Every incident figure unsuppressed, every municipality's included: KommuneCERT only. */
  IncidentStatisticsAllRead = 'incident.statistics.all.read',
  /** A user account in the administration: the administrator all, KL the municipalities' officers only. */
  UserManage = 'user.manage',
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

export interface IncidentTarget {
  /** The incident's municipality; null for the incident log as a whole (whom it admits at all). */
  municipalityCode: number | null;
}

/** The TLP 2.0 levels, as `Tlp` in @app/incidents (which depends on auth, not the other way round). */
export type TlpLevel = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';

/** A comment, attachment or timeline entry of an incident. */
export interface IncidentItemTarget {
  internal: boolean;
  tlp: TlpLevel | null;
}

export interface AdvisoryTarget {
  /** The caller's municipality is among those the advisory was sent to; null for the list as a whole. */
  sentToCaller: boolean | null;
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
  [Permission.IncidentRead]: IncidentTarget;
  [Permission.IncidentReport]: { municipalityCode: number };
  /** The field being set, named in the refusal. */
  [Permission.IncidentTriage]: { field: string };
  [Permission.IncidentAssign]: Record<string, never>;
  [Permission.IncidentTransition]: Record<string, never>;
  /** What is written: comments or attachments, named in the refusal. */
  [Permission.IncidentInternalWrite]: IncidentItemTarget & { what: 'comments' | 'attachments' };
  [Permission.IncidentRestrictedRead]: IncidentItemTarget;
  /** What leaves the platform: the list, one incident, the statistics, or the yearly mapping PDF. */
  [Permission.IncidentExport]: { what: 'list' | 'misp' | 'statistics' | 'mapping' };
  [Permission.AdvisoryRead]: AdvisoryTarget;
  /** What is done, named in the refusal. */
  [Permission.AdvisoryWrite]: { action: string };
  /** Whether the advisory was sent to the caller's municipality. */
  [Permission.AdvisoryRespond]: { sentToCaller: boolean };
  [Permission.AdvisoryResponsesRead]: Record<string, never>;
  [Permission.IncidentStatisticsRead]: Record<string, never>;
  [Permission.IncidentStatisticsAllRead]: Record<string, never>;
  [Permission.UserManage]: UserTarget;
}

/** The roles of `Role` in @app/users, so that the rule sees which account is managed. */
export type UserRoleFact = 'platform_admin' | 'kl_analyst' | 'cert_analyst' | 'municipality_officer';

export interface UserTarget {
  /** The managed account's role. */
  role: UserRoleFact;
}

/** The incident figures a caller reads: all unsuppressed (KommuneCERT), or K-suppressed plus its own municipality's. */
export type IncidentStatisticsView = { all: true } | { all: false; ownMunicipality: number | null };

/** The incidents a caller works with: all of them (KommuneCERT) or one municipality's. */
export type IncidentScope = { all: true } | { all: false; municipalityCode: number };

/** The advisories a caller reads: all of them (KommuneCERT) or those sent to one municipality. */
export type AdvisoryScope = { all: true } | { all: false; municipalityCode: number };
