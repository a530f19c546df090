import type { ResponseStatus } from '@app/advisories';
import type { Severity, Tlp } from '@app/incidents';
import { seededRandom } from './prng';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A demo advisory: its content, audience, times relative to now and its versions' kinds. */
export interface DemoAdvisory {
  title: string;
  summary: string;
  body: string;
  severity: Severity;
  tlp: Tlp;
  products: string[];
  cveIds: string[];
  recommendedActions: string;
  audience: { all: boolean; municipalityCodes: number[]; regionCodes: number[] };
  createdAt: Date;
  respondBy: Date;
  /** The versions after the first (each an update of the summary), with their times. */
  updates: Array<{ at: Date; summary: string; note: string }>;
  /** The share of targeted municipalities that have answered, and of the rest that only read it. */
  answeredShare: number;
  readShare: number;
  /** The RSIT type of a demo incident to link, if one exists. */
  linkIncidentOfType: string | null;
}

/** Three advisories of the last fortnight: one past its respond-by, one open, one updated. */
export function demoAdvisories(now: Date): DemoAdvisory[] {
  const at = (ms: number) => new Date(now.getTime() + ms);
  return [
    {
      title: 'Aktivt udnyttet sårbarhed i Citrix NetScaler ADC og Gateway',
      summary:
        'En kritisk sårbarhed ("Citrix Bleed") udnyttes aktivt til at overtage sessioner. Opdatér, og afslut alle aktive sessioner.',
      body: 'Sårbarheden lader en angriber uden login læse hukommelse fra enheden, herunder sessionstokens, og derefter overtage brugeres sessioner, også med MFA. KommuneCERT ser aktiv scanning mod kommunale adresser.',
      severity: 'critical',
      tlp: 'green',
      products: ['Citrix NetScaler ADC', 'Citrix NetScaler Gateway'],
      cveIds: ['CVE-2023-4966'],
      recommendedActions:
        'Installér de rettede versioner.\n\nAfslut alle aktive og vedvarende sessioner efter opdateringen.\n\nGennemgå logs for ukendte sessioner siden august.',
      audience: { all: true, municipalityCodes: [], regionCodes: [] },
      createdAt: at(-9 * DAY),
      respondBy: at(-2 * DAY),
      updates: [],
      answeredShare: 0.72,
      readShare: 0.5,
      linkIncidentOfType: 'system-compromise',
    },
    {
      title: 'Phishing-kampagne mod kommunale lønsystemer',
      summary:
        'Mails, der ligner besked fra lønsystemet, beder medarbejdere logge ind på en falsk side. Flere kommuner i Jylland er ramt.',
      body: 'Mailene kommer fra kompromitterede konti hos leverandører og har emnet "Ændring af lønudbetaling". Linket fører til en falsk Microsoft 365-login-side, der også opsnapper MFA-koden.',
      severity: 'high',
      tlp: 'amber',
      products: ['Microsoft 365'],
      cveIds: [],
      recommendedActions:
        'Blokér domænerne i den vedlagte liste.\n\nAdvar medarbejderne i løn og HR.\n\nNulstil adgangskode og sessioner for brugere, der har klikket.',
      audience: { all: false, municipalityCodes: [], regionCodes: [1082, 1083] },
      createdAt: at(-1 * DAY),
      respondBy: at(3 * DAY),
      updates: [],
      answeredShare: 0.3,
      readShare: 0.4,
      linkIncidentOfType: 'phishing',
    },
    {
      title: 'Opdatér Microsoft Exchange Server (NTLM relay)',
      summary: 'En sårbarhed i Exchange Server giver mulighed for NTLM relay. Slå Extended Protection til.',
      body: 'Sårbarheden gør det muligt at videresende en brugers NTLM-hash til Exchange og handle som brugeren. Kommuner med Exchange on-premises er berørt.',
      severity: 'medium',
      tlp: 'clear',
      products: ['Microsoft Exchange Server 2016', 'Microsoft Exchange Server 2019'],
      cveIds: ['CVE-2024-21410'],
      recommendedActions:
        'Installér den seneste kumulative opdatering, og kontrollér, at Extended Protection er slået til.',
      audience: { all: false, municipalityCodes: [101, 147, 461, 751, 851], regionCodes: [] },
      createdAt: at(-4 * DAY),
      respondBy: at(6 * DAY),
      updates: [
        {
          at: at(-3 * DAY),
          summary:
            'En sårbarhed i Exchange Server giver mulighed for NTLM relay. Slå Extended Protection til; Exchange 2016 CU23 er også berørt.',
          note: 'Exchange 2016 tilføjet.',
        },
      ],
      answeredShare: 0.4,
      readShare: 0.5,
      linkIncidentOfType: null,
    },
  ];
}

export interface DemoAdvisoryResponse {
  municipalityCode: number;
  status: ResponseStatus;
  comment: string | null;
  at: Date;
}

const ACTED: ResponseStatus[] = ['not_affected', 'mitigating', 'mitigated', 'mitigated'];
const COMMENTS: Partial<Record<ResponseStatus, string>> = {
  not_affected: 'Vi bruger ikke produktet.',
  mitigating: 'Opdatering planlagt i næste servicevindue.',
  mitigated: 'Opdateret, og sessioner er afsluttet.',
};

/** Reproducible answers of the targeted municipalities, given between sending and now. */
export function demoResponses(a: DemoAdvisory, targets: number[], now: Date): DemoAdvisoryResponse[] {
  const r = seededRandom(`advisory:${a.title}`);
  const span = Math.max(HOUR, Math.min(now.getTime(), a.respondBy.getTime()) - a.createdAt.getTime());
  const out: DemoAdvisoryResponse[] = [];
  for (const code of targets) {
    const at = new Date(a.createdAt.getTime() + Math.floor(r() * span));
    if (r() < a.answeredShare) {
      const status = ACTED[Math.floor(r() * ACTED.length)];
      out.push({
        municipalityCode: code,
        status,
        comment: r() < 0.6 ? (COMMENTS[status] ?? null) : null,
        at,
      });
    } else if (r() < a.readShare) {
      out.push({ municipalityCode: code, status: 'read', comment: null, at });
    }
  }
  return out;
}
