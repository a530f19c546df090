import type {
  BreachNature,
  IncidentStatus,
  Nis2Impact,
  Nis2Significance,
  NotAnIncidentDisposition,
  ObligationKind,
  RootCause,
  Severity,
  SpecialCategory,
  Tlp,
} from '@app/incidents';

export { RSIT_CLASS_LABELS, RSIT_TYPE_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '@app/incidents';

/** The button text for moving an incident to a status. */
export const TRANSITION_LABELS: Record<IncidentStatus, string> = {
  new: 'Ny',
  triage: 'Tag under vurdering',
  in_progress: 'Sæt under behandling',
  contained: 'Markér som inddæmmet',
  resolved: 'Markér som løst',
  closed: 'Luk hændelsen',
  not_an_incident: 'Ikke en hændelse',
  duplicate: 'Dublet af en anden hændelse',
};

export const TLP_LABELS: Record<Tlp, string> = {
  clear: 'TLP:CLEAR – må deles frit',
  green: 'TLP:GREEN – må deles i fællesskabet',
  amber: 'TLP:AMBER – kun i egen organisation og hos kunder',
  'amber+strict': 'TLP:AMBER+STRICT – kun i egen organisation',
  red: 'TLP:RED – kun for modtagerne (KommuneCERT)',
};

export const NIS2_SIGNIFICANCE_LABELS: Record<Nis2Significance, string> = {
  yes: 'Ja, væsentlig hændelse',
  no: 'Nej',
  'not-assessed': 'Ikke vurderet endnu',
};

export const NIS2_IMPACT_LABELS: Record<Nis2Impact, string> = {
  red: 'Rød',
  yellow: 'Gul',
  green: 'Grøn',
  white: 'Hvid',
};

export const ROOT_CAUSE_LABELS: Record<RootCause, string> = {
  'system-failures': 'Systemfejl',
  'natural-phenomena': 'Naturfænomener',
  'human-errors': 'Menneskelige fejl',
  'malicious-actions': 'Ondsindede handlinger',
  'third-party-failures': 'Fejl hos tredjepart',
};

export const DISPOSITION_LABELS: Record<NotAnIncidentDisposition, string> = {
  'insufficient-data': 'For få oplysninger',
  'faulty-indicator': 'Fejlagtig indikator',
  misconfiguration: 'Fejlkonfiguration',
  'scan-probe': 'Skanning uden følger',
  failed: 'Mislykket forsøg uden følger',
  refuted: 'Afkræftet',
};

/** Shared with the incident statistics' exports and the yearly PDF. */
export { BREACH_TYPE_LABELS } from '@app/incidents';

export const BREACH_NATURE_LABELS: Record<BreachNature, string> = {
  confidentiality: 'Fortrolighed (nogen har set oplysninger, de ikke måtte)',
  integrity: 'Integritet (oplysninger er ændret)',
  availability: 'Tilgængelighed (oplysninger er væk eller utilgængelige)',
};

export const SPECIAL_CATEGORY_LABELS: Record<SpecialCategory, string> = {
  'racial-or-ethnic-origin': 'Race eller etnisk oprindelse',
  'political-opinions': 'Politisk overbevisning',
  'religious-or-philosophical-beliefs': 'Religiøs eller filosofisk overbevisning',
  'trade-union-membership': 'Fagforeningsmæssigt tilhørsforhold',
  'genetic-data': 'Genetiske data',
  'biometric-data': 'Biometriske data',
  health: 'Helbredsoplysninger',
  'sex-life-or-sexual-orientation': 'Seksuelle forhold eller seksuel orientering',
};

export const OBLIGATION_LABELS: Record<ObligationKind, string> = {
  'gdpr-art33': 'Anmeldelse til Datatilsynet (GDPR art. 33)',
  'nis2-early-warning': 'Tidlig varsling (NIS2 art. 23)',
  'nis2-notification': 'Hændelsesunderretning (NIS2 art. 23)',
  'nis2-final-report': 'Endelig rapport (NIS2 art. 23)',
};

/** A label from one of the tables, or the key itself when it has none. */
export function labelOf(table: Record<string, string>, key: string | null | undefined): string {
  if (key === null || key === undefined) return '–';
  return table[key] ?? key;
}

type BadgeVariant = 'success' | 'info' | 'warning' | 'error' | null;

export const STATUS_BADGES: Record<IncidentStatus, BadgeVariant> = {
  new: 'warning',
  triage: 'warning',
  in_progress: 'info',
  contained: 'info',
  resolved: 'success',
  closed: 'success',
  not_an_incident: null,
  duplicate: null,
};

export const SEVERITY_BADGES: Record<Severity, BadgeVariant> = {
  low: null,
  medium: 'info',
  high: 'warning',
  critical: 'error',
};
