import type {
  BreachNature,
  BreachType,
  IncidentStatus,
  Nis2Impact,
  Nis2Significance,
  NotAnIncidentDisposition,
  ObligationKind,
  RootCause,
  RsitClass,
  Severity,
  SpecialCategory,
  Tlp,
} from '@app/incidents';

/**
 * The incident vocabularies in Danish, in one place: RSIT v1003 classes and types (as CFCS and the
 * Danish CSIRTs name them), statuses, severities, TLP 2.0, NIS2 and GDPR terms, obligation kinds.
 */
export const RSIT_CLASS_LABELS: Record<RsitClass, string> = {
  'abusive-content': 'Krænkende indhold',
  'malicious-code': 'Skadelig kode',
  'information-gathering': 'Informationsindsamling',
  'intrusion-attempts': 'Indtrængningsforsøg',
  intrusions: 'Indtrængning',
  availability: 'Tilgængelighed',
  'information-content-security': 'Informationssikkerhed (fortrolighed og integritet)',
  fraud: 'Svindel',
  vulnerable: 'Sårbarhed',
  other: 'Andet',
  test: 'Test',
};

export const RSIT_TYPE_LABELS: Record<string, string> = {
  spam: 'Spam',
  'harmful-speech': 'Skadelig tale',
  violence: '(Seksuel) udnyttelse eller voldeligt indhold',
  'infected-system': 'Inficeret system',
  'c2-server': 'C2-server',
  'malware-distribution': 'Spredning af malware',
  'malware-configuration': 'Malware-konfiguration',
  scanner: 'Skanning',
  sniffing: 'Aflytning (sniffing)',
  'social-engineering': 'Social engineering',
  'ids-alert': 'Udnyttelse af kendt sårbarhed',
  'brute-force': 'Loginforsøg (brute force)',
  exploit: 'Ny angrebssignatur',
  'privileged-account-compromise': 'Kompromitteret privilegeret konto',
  'unprivileged-account-compromise': 'Kompromitteret almindelig konto',
  'application-compromise': 'Kompromitteret applikation',
  'system-compromise': 'Kompromitteret system',
  burglary: 'Indbrud eller tyveri',
  dos: 'Overbelastningsangreb (DoS)',
  ddos: 'Distribueret overbelastningsangreb (DDoS)',
  misconfiguration: 'Fejlkonfiguration',
  sabotage: 'Sabotage',
  outage: 'Nedbrud',
  'unauthorised-information-access': 'Uautoriseret adgang til oplysninger',
  'unauthorised-information-modification': 'Uautoriseret ændring af oplysninger (fx ransomware)',
  'data-loss': 'Tab af data',
  'data-leak': 'Læk af fortrolige oplysninger',
  'unauthorised-use-of-resources': 'Uautoriseret brug af ressourcer',
  copyright: 'Krænkelse af ophavsret',
  masquerade: 'Identitetsmisbrug',
  phishing: 'Phishing',
  'weak-crypto': 'Svag kryptering',
  'ddos-amplifier': 'DDoS-forstærker',
  'potentially-unwanted-accessible': 'Uønsket tilgængelig tjeneste',
  'information-disclosure': 'Informationslækage',
  'vulnerable-system': 'Sårbart system',
  other: 'Ukategoriseret',
  undetermined: 'Ikke afklaret',
  test: 'Test',
};

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  new: 'Ny',
  triage: 'Under vurdering',
  in_progress: 'Under behandling',
  contained: 'Inddæmmet',
  resolved: 'Løst',
  closed: 'Lukket',
  not_an_incident: 'Ikke en hændelse',
  duplicate: 'Dublet',
};

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

export const SEVERITY_LABELS: Record<Severity, string> = {
  low: 'Lav',
  medium: 'Middel',
  high: 'Høj',
  critical: 'Kritisk',
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

export const BREACH_TYPE_LABELS: Record<BreachType, string> = {
  'utilsigtet-videregivelse': 'Utilsigtet videregivelse',
  'usikker-forsendelse-opbevaring': 'Usikker forsendelse eller opbevaring',
  'fejl-i-adgangsstyring': 'Fejl i adgangsstyring',
  andet: 'Andet',
};

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
