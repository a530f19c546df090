import type { RsitClass, RsitType } from './rsit';

/**
 * "What happened?" on the plain-Danish report form: the reporter picks what fits best, in words a
 * non-technical colleague uses. KommuneCERT corrects the classification in triage.
 */
export const INTAKE_WHAT_HAPPENED = {
  phishing: 'Mistænkelig e-mail, sms eller opkald (fx phishing)',
  'wrong-recipient': 'Oplysninger sendt til den forkerte modtager',
  'lost-device': 'Mistet eller stjålet computer, telefon, USB-nøgle eller papirer',
  'account-misuse': 'En konto er blevet misbrugt eller nogen har fået adgang, de ikke skulle have',
  malware: 'Virus, ransomware eller mærkelige programmer på en computer',
  'service-down': 'Et system eller en hjemmeside virker ikke eller er overbelastet',
  'data-changed-or-deleted': 'Data er ændret, krypteret eller slettet uden grund',
  'not-sure': 'Ved ikke / andet',
} as const;
export type IntakeWhatHappened = keyof typeof INTAKE_WHAT_HAPPENED;

export interface IntakeAnswers {
  whatHappened: IntakeWhatHappened;
  /** Were personal data (names, CPR numbers, case files …) involved? */
  personalDataInvolved: boolean;
  /** Are systems down (the municipality cannot serve citizens as usual)? */
  systemsDown: boolean;
}

export interface RsitSuggestion {
  rsitClass: RsitClass;
  rsitType: RsitType;
}

/** The RSIT class and type that most likely fit the reporter's answers. */
export function suggestRsit(answers: IntakeAnswers): RsitSuggestion {
  switch (answers.whatHappened) {
    case 'phishing':
      return { rsitClass: 'fraud', rsitType: 'phishing' };
    case 'wrong-recipient':
      return { rsitClass: 'information-content-security', rsitType: 'data-leak' };
    case 'lost-device':
      return answers.personalDataInvolved
        ? { rsitClass: 'information-content-security', rsitType: 'data-loss' }
        : { rsitClass: 'intrusions', rsitType: 'burglary' };
    case 'account-misuse':
      return answers.personalDataInvolved
        ? { rsitClass: 'information-content-security', rsitType: 'unauthorised-information-access' }
        : { rsitClass: 'intrusions', rsitType: 'unprivileged-account-compromise' };
    case 'malware':
      return answers.systemsDown
        ? { rsitClass: 'information-content-security', rsitType: 'unauthorised-information-modification' }
        : { rsitClass: 'malicious-code', rsitType: 'infected-system' };
    case 'service-down':
      return { rsitClass: 'availability', rsitType: 'outage' };
    case 'data-changed-or-deleted':
      return { rsitClass: 'information-content-security', rsitType: 'unauthorised-information-modification' };
    case 'not-sure':
      if (answers.systemsDown) return { rsitClass: 'availability', rsitType: 'outage' };
      if (answers.personalDataInvolved)
        return { rsitClass: 'information-content-security', rsitType: 'data-leak' };
      return { rsitClass: 'other', rsitType: 'undetermined' };
  }
}
