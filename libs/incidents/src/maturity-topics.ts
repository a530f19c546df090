import type { RsitClass } from './rsit';

/**
 * Which Baseline survey questions bear on an incident, by its RSIT class and type: the data behind
 * "survey beside incidents" (docs/incidents.md, "Baseline maturity beside an incident"). A topic is
 * a few question keys of the Baseline questionnaire (libs/surveys/questionnaires); keys, not
 * areas, because "awareness" and "backup" are parts of larger areas. Keys are stable across
 * editions, so the mapping holds for every published edition that asks them; a key an edition does
 * not ask is simply left out.
 */
export const MATURITY_TOPICS = {
  awareness: {
    title: 'Awareness og phishing-træning',
    questionKeys: ['awareness.program', 'awareness.phishing-tests', 'awareness.role-based-training'],
  },
  mfa: {
    title: 'Multifaktorautentificering',
    questionKeys: [
      'access.mfa',
      'access.mfa-remote',
      'access.mfa-privileged',
      'access.mfa-phishing-resistant',
    ],
  },
  backup: {
    title: 'Backup og gendannelse',
    questionKeys: ['backup.automated', 'backup.isolated', 'backup.restore-test'],
  },
  patching: {
    title: 'Sårbarheder og opdateringer',
    questionKeys: [
      'vulnerability.management',
      'vulnerability.os-patching',
      'vulnerability.application-patching',
    ],
  },
  'access-control': {
    title: 'Adgangsstyring',
    questionKeys: ['access.provisioning', 'access.review', 'access.privileged-accounts', 'hr.offboarding'],
  },
} as const;

export type MaturityTopic = keyof typeof MATURITY_TOPICS;

/** Phishing and other deception: people click, and a second factor limits what a stolen password opens. */
const DECEPTION: MaturityTopic[] = ['awareness', 'mfa'];
/** Ransomware and system compromise: recovery from backup, closed holes, no easy lateral logins. */
const COMPROMISE: MaturityTopic[] = ['backup', 'patching', 'mfa'];
/** Unauthorised access: who may reach what, and whether that is reviewed. */
const ACCESS: MaturityTopic[] = ['access-control'];

/** By class, with a type's own entry where the type says more than its class. */
const BY_CLASS: Partial<Record<RsitClass, MaturityTopic[]>> = {
  fraud: DECEPTION,
  'malicious-code': COMPROMISE,
  intrusions: COMPROMISE,
  'information-content-security': ACCESS,
};

const BY_TYPE: Record<string, MaturityTopic[]> = {
  phishing: DECEPTION,
  masquerade: DECEPTION,
  'social-engineering': DECEPTION,
  'system-compromise': COMPROMISE,
  'application-compromise': COMPROMISE,
  // Ransomware encrypting data is filed as unauthorised modification (shared/domain/rsit.md).
  'unauthorised-information-modification': COMPROMISE,
  'privileged-account-compromise': ['access-control', 'mfa'],
  'unprivileged-account-compromise': ['access-control', 'mfa'],
  'unauthorised-information-access': ACCESS,
  'brute-force': ['mfa'],
  'ids-alert': ['patching'],
  exploit: ['patching'],
  'vulnerable-system': ['patching'],
};

/** The maturity topics an incident of this class and type relates to; none for the others. */
export function maturityTopicsOf(rsitClass: string, rsitType: string): MaturityTopic[] {
  return BY_TYPE[rsitType] ?? BY_CLASS[rsitClass as RsitClass] ?? [];
}
