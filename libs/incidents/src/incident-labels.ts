import type { IncidentStatus } from './incident-workflow';
import type { BreachType, RsitClass, Severity } from './rsit';

/**
 * The incident vocabularies the exports share with the web pages, in Danish: RSIT v1003 classes and
 * types (as CFCS and the Danish CSIRTs name them), statuses and severities. The web's other labels
 * are in libs/web incident-labels.ts.
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

export const SEVERITY_LABELS: Record<Severity, string> = {
  low: 'Lav',
  medium: 'Middel',
  high: 'Høj',
  critical: 'Kritisk',
};

export const BREACH_TYPE_LABELS: Record<BreachType, string> = {
  'utilsigtet-videregivelse': 'Utilsigtet videregivelse',
  'usikker-forsendelse-opbevaring': 'Usikker forsendelse eller opbevaring',
  'fejl-i-adgangsstyring': 'Fejl i adgangsstyring',
  andet: 'Andet',
};
