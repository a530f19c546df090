import type { FieldProblemOf } from './incident-problem';

/**
 * The vocabularies of an incident: ENISA / TF-CSIRT Reference Security Incident Taxonomy (RSIT,
 * version 1003, as in the MISP taxonomies), TLP 2.0, the MISP incident dispositions and NIS2 terms,
 * and the GDPR breach vocabulary (`shared/domain/rsit.md`). Keys are the machine-tag keys.
 */
export const RSIT_TAXONOMY = {
  'abusive-content': ['spam', 'harmful-speech', 'violence'],
  'malicious-code': ['infected-system', 'c2-server', 'malware-distribution', 'malware-configuration'],
  'information-gathering': ['scanner', 'sniffing', 'social-engineering'],
  'intrusion-attempts': ['ids-alert', 'brute-force', 'exploit'],
  intrusions: [
    'privileged-account-compromise',
    'unprivileged-account-compromise',
    'application-compromise',
    'system-compromise',
    'burglary',
  ],
  availability: ['dos', 'ddos', 'misconfiguration', 'sabotage', 'outage'],
  'information-content-security': [
    'unauthorised-information-access',
    'unauthorised-information-modification',
    'data-loss',
    'data-leak',
  ],
  fraud: ['unauthorised-use-of-resources', 'copyright', 'masquerade', 'phishing'],
  vulnerable: [
    'weak-crypto',
    'ddos-amplifier',
    'potentially-unwanted-accessible',
    'information-disclosure',
    'vulnerable-system',
  ],
  other: ['other', 'undetermined'],
  test: ['test'],
} as const;

export type RsitClass = keyof typeof RSIT_TAXONOMY;
export type RsitType = (typeof RSIT_TAXONOMY)[RsitClass][number];

export const RSIT_CLASSES = Object.keys(RSIT_TAXONOMY) as RsitClass[];

export function isRsitClass(value: string): value is RsitClass {
  return Object.prototype.hasOwnProperty.call(RSIT_TAXONOMY, value);
}

/** Whether `type` is one of `rsitClass`'s types (a type of another class is not). */
export function isRsitPair(rsitClass: string, type: string): boolean {
  return isRsitClass(rsitClass) && (RSIT_TAXONOMY[rsitClass] as readonly string[]).includes(type);
}

/** Why a class/type pair is wrong, naming the field, or null when it is a pair of the taxonomy. */
export function rsitProblem(
  rsitClass: string,
  type: string,
): FieldProblemOf<'rsitClass' | 'rsitType'> | null {
  if (!isRsitClass(rsitClass)) {
    return { field: 'rsitClass', problem: `must be one of ${RSIT_CLASSES.join(', ')}`, reason: 'INVALID' };
  }
  if (!isRsitPair(rsitClass, type)) {
    return {
      field: 'rsitType',
      problem: `must be a type of class ${rsitClass}: ${RSIT_TAXONOMY[rsitClass].join(', ')}`,
      reason: 'TYPE_NOT_OF_CLASS',
    };
  }
  return null;
}

export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const NIS2_SIGNIFICANCE = ['yes', 'no', 'not-assessed'] as const;
export type Nis2Significance = (typeof NIS2_SIGNIFICANCE)[number];

/** NIS2 impact severity (MISP `nis2`). */
export const NIS2_IMPACTS = ['red', 'yellow', 'green', 'white'] as const;
export type Nis2Impact = (typeof NIS2_IMPACTS)[number];

export const ROOT_CAUSES = [
  'system-failures',
  'natural-phenomena',
  'human-errors',
  'malicious-actions',
  'third-party-failures',
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

/** MISP `incident-disposition` for "not an incident": why the report was not one. */
export const NOT_AN_INCIDENT_DISPOSITIONS = [
  'insufficient-data',
  'faulty-indicator',
  'misconfiguration',
  'scan-probe',
  'failed',
  'refuted',
] as const;
export type NotAnIncidentDisposition = (typeof NOT_AN_INCIDENT_DISPOSITIONS)[number];

/** The personal-data breach types most common in Danish municipalities, plus "other". */
export const BREACH_TYPES = [
  'utilsigtet-videregivelse',
  'usikker-forsendelse-opbevaring',
  'fejl-i-adgangsstyring',
  'andet',
] as const;
export type BreachType = (typeof BREACH_TYPES)[number];

export const BREACH_NATURES = ['confidentiality', 'integrity', 'availability'] as const;
export type BreachNature = (typeof BREACH_NATURES)[number];

/** GDPR Art. 9 special categories of personal data. */
export const SPECIAL_CATEGORIES = [
  'racial-or-ethnic-origin',
  'political-opinions',
  'religious-or-philosophical-beliefs',
  'trade-union-membership',
  'genetic-data',
  'biometric-data',
  'health',
  'sex-life-or-sexual-orientation',
] as const;
export type SpecialCategory = (typeof SPECIAL_CATEGORIES)[number];
