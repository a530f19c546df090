import type { Severity, Tlp } from '@app/incidents';
import { formatDateTime } from '@app/ui';
import type { AdvisoryVersionKind } from '../advisory-terms';

export const SEVERITY_DA: Record<Severity, string> = {
  low: 'lav',
  medium: 'middel',
  high: 'høj',
  critical: 'kritisk',
};

/** What the fan-out and the reminders need of an advisory. */
export interface AdvisoryMessageFacts {
  title: string;
  summary: string;
  severity: Severity;
  tlp: Tlp;
  respondBy: Date;
  withdrawalReason: string | null;
}

/**
 * E-mail leaves the platform, so only TLP:CLEAR and TLP:GREEN content goes into it; for AMBER and
 * RED the mail says only that there is an advisory, how severe, and where to read it after sign-in.
 */
const mailMayCarryContent = (tlp: Tlp) => tlp === 'clear' || tlp === 'green';

const HEADINGS: Record<AdvisoryVersionKind, string> = {
  published: 'Nyt varsel fra KommuneCERT',
  updated: 'Opdateret varsel fra KommuneCERT',
  withdrawn: 'Varsel trukket tilbage af KommuneCERT',
};

export function versionMessage(a: AdvisoryMessageFacts, kind: AdvisoryVersionKind, link: string) {
  const heading = HEADINGS[kind];
  const tlp = `TLP:${a.tlp.toUpperCase()}`;
  const lines =
    kind === 'withdrawn'
      ? [`Varslet er trukket tilbage. Begrundelse: ${a.withdrawalReason ?? ''}`]
      : [a.summary, `Svar senest ${formatDateTime(a.respondBy)}: berøres I, og hvad gør I?`];
  const body = lines.join('\n\n');
  const mailText = mailMayCarryContent(a.tlp)
    ? `${a.title} (${tlp}, alvorlighed ${SEVERITY_DA[a.severity]})\n\n${body}\n\nLæs varslet og svar her: ${link}\n`
    : `KommuneCERT har sendt jer et varsel (${tlp}, alvorlighed ${SEVERITY_DA[a.severity]}). Indholdet er ikke med i mailen på grund af dets TLP-mærkning.\n\nLog ind og læs det her: ${link}\n`;
  return {
    inApp: { title: `${heading}: ${a.title}`, body, link },
    mail: {
      subject: mailMayCarryContent(a.tlp) ? `${heading}: ${a.title}` : `${heading} (${tlp})`,
      text: mailText,
    },
  };
}

export function reminderMessage(a: AdvisoryMessageFacts, link: string) {
  const title = `Påmindelse: svar på varslet ${mailMayCarryContent(a.tlp) ? `"${a.title}"` : `(TLP:${a.tlp.toUpperCase()})`}`;
  const body = `Fristen for at svare var ${formatDateTime(a.respondBy)}. Angiv, om I er berørt, og hvad I gør.`;
  return {
    inApp: { title: `Påmindelse: svar på varslet "${a.title}"`, body, link },
    mail: { subject: title, text: `${body}\n\nSvar her: ${link}\n` },
  };
}
