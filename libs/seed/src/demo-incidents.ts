/**
 * A deterministic year of demo incidents for the KommuneCERT incident log.
 *
 * Pure: no I/O and no Math.random. Every draw comes from a seeded PRNG keyed by (purpose,
 * municipality, ordinal), so the same municipalities and the same `now` always give the same incidents.
 * Times are laid out backwards from `now`, so that the demo always has fresh work: new reports of the
 * last hours, open incidents with deadlines running, a few overdue, and most of the year closed.
 *
 * Volumes follow Ballerup Kommune (shared/domain/deadlines.md): 88 personal-data breaches reported
 * internally and 23 notified to Datatilsynet a year, scaled by population for the other
 * municipalities; beside them the security incidents (phishing, malware, DDoS, intrusion attempts, …)
 * in DEMO_INCIDENT_MIX. NIS2-significant incidents are rare (critical disruptions only).
 */
import { copenhagenYear, formatIncidentReference, ObligationKind, planObligations } from '@app/incidents';
import type {
  BreachNature,
  BreachType,
  Incident,
  IncidentObligation,
  IncidentStatus,
  Nis2Significance,
  RootCause,
  Severity,
  Tlp,
} from '@app/incidents';
import { fnv1a, gauss, Random, seededRandom } from './prng';

export interface DemoIncidentMunicipality {
  code: number;
  name: string;
  population: number;
}

/** Who did something: the municipality's officer or the KommuneCERT analyst. */
export type DemoActor = 'officer' | 'cert';

export type DemoObligation = Pick<
  IncidentObligation,
  'kind' | 'anchorAt' | 'dueAt' | 'submittedAt' | 'reference' | 'reasonForDelay'
>;

export interface DemoEvent {
  kind: 'reported' | 'status-changed' | 'assigned' | 'comment-added' | 'obligation-submitted';
  field: string | null;
  before: unknown;
  after: unknown;
  actor: DemoActor;
  internal: boolean;
  at: Date;
}

export interface DemoComment {
  id: string;
  body: string;
  internal: boolean;
  author: DemoActor;
  at: Date;
}

export interface DemoPersonalDataBreach {
  type: BreachType;
  nature: BreachNature[];
  approxSubjects: number;
  approxRecords: number;
  specialCategories: string[];
  notifiable: boolean;
  documentedOnlyReason: string | null;
  subjectsInformed: boolean;
}

/** An incident as its columns are stored, with who reported it and what happened since. */
export type DemoIncident = Pick<
  Incident,
  | 'id'
  | 'reference'
  | 'municipalityCode'
  | 'title'
  | 'description'
  | 'status'
  | 'rsitClass'
  | 'rsitType'
  | 'tlp'
  | 'severity'
  | 'nis2Significant'
  | 'nis2Impact'
  | 'rootCause'
  | 'affectedSystems'
  | 'affectedServices'
  | 'disposition'
  | 'duplicateOfId'
  | 'occurredAt'
  | 'detectedAt'
  | 'awareAt'
  | 'containedAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'nextDueAt'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
> & {
  source: 'web' | 'cert';
  reporter: DemoActor;
  /** Assigned to the demo KommuneCERT analyst. */
  assigned: boolean;
  pdb: DemoPersonalDataBreach | null;
  obligations: DemoObligation[];
  events: DemoEvent[];
  comments: DemoComment[];
};

/** Ballerup Kommune's breaches a year (reported internally / notified to Datatilsynet), and its code. */
export const BALLERUP = { code: 151, breaches: 88, notified: 23 } as const;

/** Security incidents (not personal-data breaches) a year for a municipality of Ballerup's size. */
export const SECURITY_INCIDENTS_PER_BALLERUP = 45;

interface Kind {
  rsitClass: string;
  rsitType: string;
  weight: number;
  titles: string[];
  systems: string[];
  services: string[];
  /** Can be a critical disruption, and then NIS2-significant. */
  nis2Candidate?: boolean;
}

/** The mix of security incidents (no personal data involved): phishing and fraud lead. */
export const DEMO_INCIDENT_MIX: Kind[] = [
  {
    rsitClass: 'fraud',
    rsitType: 'phishing',
    weight: 30,
    titles: [
      'Phishing-mail med falsk Microsoft 365-login',
      'Phishing-kampagne mod medarbejdere i Borgerservice',
      'Falsk MitID-side i mail til ansatte',
    ],
    systems: ['Microsoft 365', 'Exchange Online'],
    services: ['E-mail'],
  },
  {
    rsitClass: 'fraud',
    rsitType: 'masquerade',
    weight: 6,
    titles: ['Direktørsvindel: falsk anmodning om overførsel', 'Falsk leverandør ændrede kontonummer'],
    systems: ['Økonomisystem'],
    services: ['Betalinger'],
  },
  {
    rsitClass: 'malicious-code',
    rsitType: 'infected-system',
    weight: 12,
    titles: ['Malware fundet på medarbejders pc', 'Ransomware-forsøg stoppet af EDR', 'Inficeret USB-nøgle'],
    systems: ['Klient-pc', 'EDR'],
    services: ['Arbejdspladser'],
    nis2Candidate: true,
  },
  {
    rsitClass: 'availability',
    rsitType: 'ddos',
    weight: 7,
    titles: ['DDoS-angreb mod kommunens hjemmeside', 'Overbelastningsangreb mod selvbetjeningsløsninger'],
    systems: ['Hjemmeside', 'Selvbetjening'],
    services: ['Borgerrettet selvbetjening'],
    nis2Candidate: true,
  },
  {
    rsitClass: 'availability',
    rsitType: 'outage',
    weight: 6,
    titles: ['Nedbrud i fagsystem hos leverandør', 'Strømsvigt på rådhusets serverrum'],
    systems: ['Fagsystem', 'Serverrum'],
    services: ['Sagsbehandling'],
    nis2Candidate: true,
  },
  {
    rsitClass: 'availability',
    rsitType: 'misconfiguration',
    weight: 3,
    titles: ['Fejlkonfigureret firewall lukkede for VPN'],
    systems: ['Firewall', 'VPN'],
    services: ['Hjemmearbejde'],
  },
  {
    rsitClass: 'intrusion-attempts',
    rsitType: 'brute-force',
    weight: 9,
    titles: ['Mange fejlede login-forsøg mod VPN', 'Password spraying mod Microsoft 365'],
    systems: ['VPN', 'Microsoft 365'],
    services: ['Fjernadgang'],
  },
  {
    rsitClass: 'intrusion-attempts',
    rsitType: 'ids-alert',
    weight: 5,
    titles: ['Udnyttelsesforsøg mod kendt sårbarhed i webserver', 'IDS-alarm fra kommunens netværk'],
    systems: ['Webserver', 'IDS'],
    services: ['Hjemmeside'],
  },
  {
    rsitClass: 'intrusions',
    rsitType: 'unprivileged-account-compromise',
    weight: 6,
    titles: ['Kompromitteret brugerkonto sendte spam', 'Login fra udlandet på medarbejderkonto'],
    systems: ['Microsoft 365', 'Azure AD'],
    services: ['E-mail'],
  },
  {
    rsitClass: 'intrusions',
    rsitType: 'system-compromise',
    weight: 1,
    titles: ['Uautoriseret adgang til server i DMZ'],
    systems: ['Server'],
    services: ['Infrastruktur'],
    nis2Candidate: true,
  },
  {
    rsitClass: 'information-gathering',
    rsitType: 'scanner',
    weight: 4,
    titles: ['Portscanning af kommunens netværk'],
    systems: ['Firewall'],
    services: [],
  },
  {
    rsitClass: 'information-gathering',
    rsitType: 'social-engineering',
    weight: 3,
    titles: ['Opkald fra falsk IT-support', 'Falsk leverandør bad om adgangskoder'],
    systems: [],
    services: ['Servicedesk'],
  },
  {
    rsitClass: 'vulnerable',
    rsitType: 'vulnerable-system',
    weight: 5,
    titles: ['Kritisk sårbarhed i netværksudstyr', 'Ikke-opdateret server eksponeret mod internettet'],
    systems: ['Netværksudstyr', 'Server'],
    services: ['Infrastruktur'],
  },
  {
    rsitClass: 'abusive-content',
    rsitType: 'spam',
    weight: 2,
    titles: ['Spam-bølge mod kommunens postkasser'],
    systems: ['Exchange Online'],
    services: ['E-mail'],
  },
  {
    rsitClass: 'other',
    rsitType: 'undetermined',
    weight: 1,
    titles: ['Mistænkelig aktivitet på fællesdrev'],
    systems: ['Filserver'],
    services: [],
  },
];

interface BreachKind {
  type: BreachType;
  weight: number;
  variants: Array<{
    rsitClass: string;
    rsitType: string;
    weight: number;
    titles: string[];
    nature: BreachNature[];
  }>;
}

/** Personal-data breach types as in Ballerup's register: unintended disclosure is most of them. */
export const DEMO_BREACH_MIX: BreachKind[] = [
  {
    type: 'utilsigtet-videregivelse',
    weight: 50,
    variants: [
      {
        rsitClass: 'information-content-security',
        rsitType: 'data-leak',
        weight: 1,
        titles: [
          'Brev med personoplysninger sendt til forkert borger',
          'Mail med CPR-numre sendt til forkert modtager',
          'Aktindsigt udleveret uden overstregning',
          'Digital Post sendt til forkert modtager',
        ],
        nature: ['confidentiality'],
      },
    ],
  },
  {
    type: 'usikker-forsendelse-opbevaring',
    weight: 20,
    variants: [
      {
        rsitClass: 'information-content-security',
        rsitType: 'data-leak',
        weight: 7,
        titles: ['Følsomme oplysninger sendt i ukrypteret mail', 'Sagsakter lå frit på fællesdrev'],
        nature: ['confidentiality'],
      },
      {
        rsitClass: 'information-content-security',
        rsitType: 'data-loss',
        weight: 3,
        titles: ['Ukrypteret USB-nøgle med borgerdata mistet', 'Mappe med sagsakter glemt i tog'],
        nature: ['confidentiality', 'availability'],
      },
    ],
  },
  {
    type: 'fejl-i-adgangsstyring',
    weight: 18,
    variants: [
      {
        rsitClass: 'information-content-security',
        rsitType: 'unauthorised-information-access',
        weight: 1,
        titles: [
          'Medarbejder havde adgang til sager uden arbejdsbetinget behov',
          'Forkerte rettigheder i ESDH-system',
          'Opslag i borgers journal uden saglig grund',
        ],
        nature: ['confidentiality'],
      },
    ],
  },
  {
    type: 'andet',
    weight: 12,
    variants: [
      {
        rsitClass: 'information-content-security',
        rsitType: 'data-loss',
        weight: 5,
        titles: ['Bærbar pc med borgerdata stjålet', 'Mobiltelefon med arbejdsmail mistet'],
        nature: ['confidentiality', 'availability'],
      },
      {
        rsitClass: 'fraud',
        rsitType: 'phishing',
        weight: 4,
        titles: ['Phishing gav adgang til mailboks med personoplysninger'],
        nature: ['confidentiality'],
      },
      {
        rsitClass: 'information-content-security',
        rsitType: 'unauthorised-information-modification',
        weight: 1,
        titles: ['Oplysninger i borgersag ændret ved en fejl'],
        nature: ['integrity'],
      },
    ],
  },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

const SPECIAL = [
  'health',
  'racial-or-ethnic-origin',
  'trade-union-membership',
  'sex-life-or-sexual-orientation',
];
const DISPOSITIONS = ['insufficient-data', 'faulty-indicator', 'misconfiguration', 'scan-probe', 'refuted'];
const DOCUMENTED_ONLY = [
  'Modtageren har bekræftet sletning; ingen risiko for de registrerede',
  'Oplysningerne var krypteret',
  'Få og ikke-følsomme oplysninger; risikoen vurderes lav',
];
const DELAY_REASONS = [
  'Bruddet blev først vurderet af DPO efter weekenden',
  'Omfanget skulle afklares med leverandøren før anmeldelse',
];
const OFFICER_COMMENTS = [
  'Vi har kontaktet modtageren, som har bekræftet at brevet er slettet.',
  'Berørte medarbejdere har fået nulstillet adgangskoder.',
  'Leverandøren er orienteret og undersøger sagen.',
  'DPO er inddraget og har vurderet risikoen.',
  'Maskinen er taget af netværket og geninstalleres.',
];
const CERT_COMMENTS = [
  'Kendt kampagne; indikatorer er delt med de øvrige kommuner.',
  'Afsender-domæne er spærret centralt.',
  'Ingen tegn på lateral bevægelse i logs.',
  'Mønsteret ligner tidligere hændelser i andre kommuner.',
];
const CERT_INTERNAL = [
  'Intern note: hold øje med tilsvarende henvendelser de næste dage.',
  'Intern note: IOC lagt i MISP med TLP:AMBER.',
];

/** Generates the demo incidents, references numbered gap-free per Copenhagen year in order of report. */
export function generateDemoIncidents(
  municipalities: DemoIncidentMunicipality[],
  now: Date,
  certAnalystId: string,
): DemoIncident[] {
  const ballerup = municipalities.find((m) => m.code === BALLERUP.code);
  const referencePopulation = ballerup?.population ?? 50_000;
  const drafts: Draft[] = [];
  for (const m of [...municipalities].sort((a, b) => a.code - b.code)) {
    const r = rng('volume', m.code, 0);
    const size = m.population / referencePopulation;
    const isBallerup = m.code === BALLERUP.code;
    const breaches = isBallerup
      ? BALLERUP.breaches
      : Math.max(1, Math.round(BALLERUP.breaches * size * Math.exp(0.2 * gauss(r))));
    const notified = Math.round((breaches * BALLERUP.notified) / BALLERUP.breaches);
    const security = Math.max(
      1,
      Math.round(SECURITY_INCIDENTS_PER_BALLERUP * size * Math.exp(0.25 * gauss(r))),
    );
    const notifiedSet = new Set(shuffle(range(breaches), rng('notified', m.code, 0)).slice(0, notified));
    for (let i = 0; i < breaches; i++) drafts.push(draftBreach(m, i, notifiedSet.has(i), now));
    for (let i = 0; i < security; i++) drafts.push(draftSecurity(m, i, now));
  }
  drafts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.key.localeCompare(b.key));
  const sequences = new Map<number, number>();
  const incidents = drafts.map((d) => {
    const year = referenceYear(d.createdAt);
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    return complete(d, formatIncidentReference(year, sequence), now, certAnalystId);
  });
  linkDuplicates(incidents);
  return incidents;
}

/** The highest reference number per year: what the reference counter must hold afterwards. */
export function referenceCounters(incidents: DemoIncident[]): Map<number, number> {
  const counters = new Map<number, number>();
  for (const i of incidents) {
    const [, year, sequence] = i.reference.split('-').map(Number);
    counters.set(year, Math.max(counters.get(year) ?? 0, sequence));
  }
  return counters;
}

// ---------------------------------------------------------------------------------------------
// Drafts: what happened and when, before the workflow is laid out

interface Draft {
  key: string;
  r: Random;
  municipalityCode: number;
  title: string;
  description: string;
  rsitClass: string;
  rsitType: string;
  severity: Severity;
  systems: string[];
  services: string[];
  nis2Candidate: boolean;
  pdb: DemoPersonalDataBreach | null;
  occurredAt: Date | null;
  detectedAt: Date | null;
  awareAt: Date;
  createdAt: Date;
  source: 'web' | 'cert';
}

function draftTimes(r: Random, now: Date) {
  // Reports cluster in office hours: the day is uniform over the year, the hour mostly 7–15 UTC.
  let aware = now.getTime() - (1 + r() * (YEAR / HOUR - 2)) * HOUR;
  if (r() < 0.85) {
    const day = Math.floor(aware / DAY) * DAY;
    const officeHour = day + (7 + r() * 8) * HOUR;
    if (officeHour < now.getTime() - HOUR) aware = officeHour;
  }
  const awareAt = new Date(Math.round(aware / 60_000) * 60_000);
  const occurredAt = r() < 0.8 ? new Date(awareAt.getTime() - Math.round(r() * 72) * HOUR) : null;
  const detectedAt =
    occurredAt && r() < 0.7
      ? new Date(occurredAt.getTime() + Math.round(r() * (awareAt.getTime() - occurredAt.getTime())))
      : null;
  const reportDelay = (0.2 + r() ** 2 * 30) * HOUR;
  const createdAt = new Date(Math.min(awareAt.getTime() + reportDelay, now.getTime() - 60_000));
  return { occurredAt, detectedAt, awareAt, createdAt };
}

function draftBreach(m: DemoIncidentMunicipality, i: number, notifiable: boolean, now: Date): Draft {
  const r = rng('breach', m.code, i);
  const kind = pickWeighted(DEMO_BREACH_MIX, r);
  const variant = pickWeighted(kind.variants, r);
  const subjects = notifiable ? Math.round(1 + r() ** 3 * 400) : Math.round(1 + r() ** 4 * 20);
  const special = r() < (notifiable ? 0.45 : 0.15) ? [pick(SPECIAL, r)] : [];
  return {
    key: `b|${m.code}|${i}`,
    r,
    municipalityCode: m.code,
    title: pick(variant.titles, r),
    description: `${pick(variant.titles, r)}. Registreret af ${m.name} Kommune.`,
    rsitClass: variant.rsitClass,
    rsitType: variant.rsitType,
    severity: notifiable ? pickWeighted(SEVERITY_NOTIFIED, r).value : pickWeighted(SEVERITY_BREACH, r).value,
    systems: r() < 0.5 ? ['ESDH'] : ['Digital Post'],
    services: ['Sagsbehandling'],
    nis2Candidate: false,
    pdb: {
      type: kind.type,
      nature: variant.nature,
      approxSubjects: subjects,
      approxRecords: subjects * Math.round(1 + r() * 4),
      specialCategories: special,
      notifiable,
      documentedOnlyReason: notifiable ? null : pick(DOCUMENTED_ONLY, r),
      subjectsInformed: notifiable ? r() < 0.4 : false,
    },
    ...draftTimes(r, now),
    source: 'web',
  };
}

function draftSecurity(m: DemoIncidentMunicipality, i: number, now: Date): Draft {
  const r = rng('security', m.code, i);
  const kind = pickWeighted(DEMO_INCIDENT_MIX, r);
  return {
    key: `s|${m.code}|${i}`,
    r,
    municipalityCode: m.code,
    title: pick(kind.titles, r),
    description: `${pick(kind.titles, r)}. Indmeldt af ${m.name} Kommune.`,
    rsitClass: kind.rsitClass,
    rsitType: kind.rsitType,
    severity: pickWeighted(SEVERITY_SECURITY, r).value,
    systems: kind.systems,
    services: kind.services,
    nis2Candidate: kind.nis2Candidate ?? false,
    pdb: null,
    ...draftTimes(r, now),
    source: r() < 0.15 ? 'cert' : 'web',
  };
}

const SEVERITY_BREACH = weighted<Severity>({ low: 55, medium: 38, high: 7 });
const SEVERITY_NOTIFIED = weighted<Severity>({ low: 10, medium: 55, high: 32, critical: 3 });
const SEVERITY_SECURITY = weighted<Severity>({ low: 38, medium: 44, high: 15, critical: 3 });
const TLP = weighted<Tlp>({ clear: 5, green: 25, amber: 60, 'amber+strict': 7, red: 3 });

// ---------------------------------------------------------------------------------------------
// The workflow: how far each incident got, with its timeline

/** How far an incident of this age has got (the open share shrinks with age). */
function targetStatus(ageDays: number, r: Random): IncidentStatus {
  const bands: Array<[number, Partial<Record<IncidentStatus, number>>]> = [
    [2, { new: 40, triage: 30, in_progress: 25, contained: 5 }],
    [14, { triage: 8, in_progress: 35, contained: 15, resolved: 25, closed: 17 }],
    [60, { in_progress: 6, contained: 3, resolved: 9, closed: 82 }],
    [Infinity, { in_progress: 1.5, resolved: 1.5, closed: 97 }],
  ];
  const [, mix] = bands.find(([limit]) => ageDays < limit)!;
  return pickWeighted(
    Object.entries(mix).map(([value, weight]) => ({ value: value as IncidentStatus, weight: weight! })),
    r,
  ).value;
}

const PATH: IncidentStatus[] = ['new', 'triage', 'in_progress', 'contained', 'resolved', 'closed'];

function complete(d: Draft, reference: string, now: Date, certAnalystId: string): DemoIncident {
  const r = d.r;
  const id = uuidFrom(d.key);
  const ageDays = (now.getTime() - d.createdAt.getTime()) / DAY;
  let status = targetStatus(ageDays, r);
  let disposition: string | null = null;
  // A few reports turn out not to be incidents, or to repeat one already reported.
  const dismiss = !d.pdb && ageDays > 1 && r() < 0.06;
  const duplicate = !dismiss && ageDays > 1 && r() < 0.01;
  if (dismiss) {
    status = 'not_an_incident';
    disposition = pick(DISPOSITIONS, r);
  } else if (duplicate) status = 'duplicate';
  const severity = d.severity;

  // Step times from the report on: triage within hours, then days; squeezed into the time there was.
  const steps: IncidentStatus[] =
    status === 'not_an_incident' || status === 'duplicate'
      ? ['triage', status]
      : PATH.slice(1, PATH.indexOf(status) + 1).filter(
          (s) => s !== 'contained' || status === 'contained' || r() < 0.5,
        );
  const gaps = steps.map((s) =>
    s === 'triage' ? (0.3 + r() * 20) * HOUR : s === 'closed' ? (1 + r() * 10) * DAY : (2 + r() * 80) * HOUR,
  );
  const span = gaps.reduce((a, b) => a + b, 0);
  const room = now.getTime() - 60_000 - d.createdAt.getTime();
  const squeeze = span > room ? (room * (0.5 + r() * 0.45)) / span : 1;
  const stepAt: Date[] = [];
  let t = d.createdAt.getTime();
  for (const g of gaps) {
    t += Math.max(60_000, Math.round(g * squeeze));
    stepAt.push(new Date(Math.min(t, now.getTime() - 60_000)));
  }
  // Triage assesses NIS2 significance: only a critical disruption is significant.
  const nis2Significant: Nis2Significance =
    steps.length === 0
      ? 'not-assessed'
      : d.nis2Candidate && severity === 'critical' && !dismiss && !duplicate
        ? 'yes'
        : 'no';
  const at = (s: IncidentStatus) => {
    const i = steps.indexOf(s);
    return i < 0 ? null : stepAt[i];
  };
  const officer: DemoActor = 'officer';
  const reporter: DemoActor = d.source === 'cert' ? 'cert' : officer;
  const events: DemoEvent[] = [
    {
      kind: 'reported',
      field: null,
      before: null,
      after: { reference, status: 'new', source: d.source },
      actor: reporter,
      internal: false,
      at: d.createdAt,
    },
  ];
  let version = 1;
  const assigned = steps.length > 0 && status !== 'not_an_incident' && status !== 'duplicate' && r() < 0.92;
  let previous: IncidentStatus = 'new';
  steps.forEach((s, i) => {
    if (s === 'triage' && assigned) {
      events.push({
        kind: 'assigned',
        field: 'assigneeId',
        before: null,
        after: certAnalystId,
        actor: 'cert',
        internal: false,
        at: stepAt[i],
      });
      version++;
    }
    events.push({
      kind: 'status-changed',
      field: 'status',
      before: previous,
      after: s,
      actor: 'cert',
      internal: false,
      at: stepAt[i],
    });
    version++;
    previous = s;
  });

  const comments = demoComments(d, id, stepAt, now);
  for (const c of comments) {
    events.push({
      kind: 'comment-added',
      field: null,
      before: null,
      after: { commentId: c.id, body: c.body, tlp: null },
      actor: c.author,
      internal: c.internal,
      at: c.at,
    });
  }

  const settledAt = at('closed') ?? at('not_an_incident') ?? at('duplicate');
  const handled = settledAt !== null || status === 'resolved';
  const obligations = demoObligations(d, nis2Significant, handled, now, r);
  for (const o of obligations) {
    if (!o.submittedAt) continue;
    events.push({
      kind: 'obligation-submitted',
      field: o.kind,
      before: { submittedAt: null, reference: null },
      after: {
        submittedAt: o.submittedAt.toISOString(),
        reference: o.reference,
        reasonForDelay: o.reasonForDelay,
      },
      actor: 'officer',
      internal: false,
      at: o.submittedAt,
    });
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  const last = events[events.length - 1].at;

  return {
    id,
    reference,
    municipalityCode: d.municipalityCode,
    source: d.source,
    reporter,
    title: d.title,
    description: d.description,
    status,
    rsitClass: d.rsitClass,
    rsitType: d.rsitType,
    tlp: pickWeighted(TLP, r).value,
    severity,
    nis2Significant,
    nis2Impact: nis2Significant === 'yes' ? 'red' : null,
    rootCause: steps.length === 0 ? null : d.pdb ? 'human-errors' : rootCauseOf(d),
    affectedSystems: d.systems,
    affectedServices: d.services,
    assigned,
    disposition,
    duplicateOfId: null,
    occurredAt: d.occurredAt,
    detectedAt: d.detectedAt,
    awareAt: d.awareAt,
    containedAt: at('contained'),
    resolvedAt: at('resolved'),
    closedAt: settledAt,
    nextDueAt: nextDue(obligations),
    pdb: d.pdb,
    version,
    createdAt: d.createdAt,
    updatedAt: new Date(Math.max(last.getTime(), d.createdAt.getTime())),
    obligations,
    events,
    comments,
  };
}

function rootCauseOf(d: Draft): RootCause {
  if (d.rsitClass === 'availability' && d.rsitType !== 'ddos') return 'system-failures';
  if (d.rsitClass === 'vulnerable') return 'third-party-failures';
  return 'malicious-actions';
}

function demoComments(d: Draft, incidentId: string, stepAt: Date[], now: Date): DemoComment[] {
  const r = d.r;
  const count = Math.floor(r() * 3.2);
  const start = d.createdAt.getTime();
  const end = Math.max(start + 60_000, (stepAt[stepAt.length - 1] ?? now).getTime());
  const comments: DemoComment[] = [];
  for (let i = 0; i < count; i++) {
    const author: DemoActor = r() < 0.5 ? 'officer' : 'cert';
    const internal = author === 'cert' && r() < 0.3;
    const body = internal
      ? pick(CERT_INTERNAL, r)
      : pick(author === 'cert' ? CERT_COMMENTS : OFFICER_COMMENTS, r);
    const at = new Date(Math.min(start + Math.round(r() * (end - start)), now.getTime() - 60_000));
    comments.push({ id: uuidFrom(`${incidentId}|${i}`), body, internal, author, at });
  }
  return comments;
}

/**
 * The obligations from the lib's clocks, with submissions: most on time, some late with a reason,
 * and open incidents past due left unsubmitted (the overdue ones of the work queue).
 */
function demoObligations(
  d: Draft,
  nis2Significant: Nis2Significance,
  handled: boolean,
  now: Date,
  r: Random,
): DemoObligation[] {
  const aware = d.awareAt.getTime();
  const submissions: Partial<Record<ObligationKind, { submittedAt: Date | null }>> = {};
  const extra = new Map<ObligationKind, { reference: string | null; reasonForDelay: string | null }>();
  const submit = (kind: ObligationKind, dueAt: number, earliest: number, reference: string) => {
    // Open incidents leave a third of what is due unsubmitted; handled ones submitted everything.
    if (!handled && r() < 0.33) return;
    // Nothing is sent before the incident was reported here; a late report makes a late submission.
    const from = Math.max(earliest, d.createdAt.getTime() + 10 * 60_000);
    const late = from >= dueAt || r() < 0.1;
    const at = late ? Math.max(dueAt, from) + (1 + r() * 96) * HOUR : from + r() * (dueAt - from);
    const submittedAt = new Date(Math.ceil(at / 60_000) * 60_000);
    if (submittedAt.getTime() > now.getTime() - 60_000) return;
    submissions[kind] = { submittedAt };
    extra.set(kind, {
      reference,
      reasonForDelay: submittedAt.getTime() > dueAt ? pick(DELAY_REASONS, r) : null,
    });
  };
  const year = d.awareAt.getUTCFullYear();
  if (d.pdb?.notifiable) {
    submit('gdpr-art33', aware + 72 * HOUR, aware + 2 * HOUR, `DT-${year}-${Math.floor(1000 + r() * 9000)}`);
  }
  if (nis2Significant === 'yes') {
    const csirt = `CFCS-${year}-${Math.floor(100 + r() * 900)}`;
    submit('nis2-early-warning', aware + 24 * HOUR, aware + HOUR, csirt);
    if (submissions['nis2-early-warning'])
      submit('nis2-notification', aware + 72 * HOUR, aware + 25 * HOUR, csirt);
    const notified = submissions['nis2-notification']?.submittedAt;
    if (notified && handled) {
      const due = planObligations(
        { awareAt: d.awareAt, breachNotifiable: false, nis2Significant },
        submissions,
      ).find((o) => o.kind === 'nis2-final-report')!.dueAt;
      submit('nis2-final-report', due.getTime(), notified.getTime() + 14 * DAY, csirt);
    }
  }
  return planObligations(
    { awareAt: d.awareAt, breachNotifiable: d.pdb?.notifiable ?? false, nis2Significant },
    submissions,
  ).map((p) => ({
    kind: p.kind,
    anchorAt: p.anchorAt,
    dueAt: p.dueAt,
    submittedAt: submissions[p.kind]?.submittedAt ?? null,
    reference: extra.get(p.kind)?.reference ?? null,
    reasonForDelay: extra.get(p.kind)?.reasonForDelay ?? null,
  }));
}

/** The earliest due time of the unsubmitted obligations, as the repository keeps it on the incident. */
function nextDue(obligations: DemoObligation[]): Date | null {
  const open = obligations.filter((o) => o.submittedAt === null).map((o) => o.dueAt.getTime());
  return open.length > 0 ? new Date(Math.min(...open)) : null;
}

/** A duplicate points to an earlier incident of the same municipality; with none, it was not one. */
function linkDuplicates(incidents: DemoIncident[]): void {
  const lastOf = new Map<number, DemoIncident>();
  for (const i of incidents) {
    if (i.status === 'duplicate') {
      const original = lastOf.get(i.municipalityCode);
      if (original) i.duplicateOfId = original.id;
      else {
        i.status = 'not_an_incident';
        i.disposition = 'refuted';
        const change = i.events.find((e) => e.kind === 'status-changed' && e.after === 'duplicate')!;
        change.after = 'not_an_incident';
      }
    }
    if (i.status !== 'duplicate') lastOf.set(i.municipalityCode, i);
  }
}

// ---------------------------------------------------------------------------------------------
// Randomness and small helpers

/** A stream keyed by (purpose, municipality, ordinal). */
function rng(purpose: string, code: number, ordinal: number): Random {
  return seededRandom(`demo-incidents|${purpose}|${code}|${ordinal}`);
}

/** A version-4-shaped UUID from the key (deterministic, so that re-generation gives the same ids). */
function uuidFrom(key: string): string {
  const r = rng('uuid', 0, fnv1a(key));
  const word = () => ((r() * 4294967296) >>> 0).toString(16).padStart(8, '0');
  const s = word() + word() + word() + word();
  const variant = ((parseInt(s[16], 16) & 0x3) | 0x8).toString(16);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20)}`;
}

/** The Copenhagen year; the time-zone lookup is only needed on the two days around New Year. */
function referenceYear(instant: Date): number {
  const month = instant.getUTCMonth();
  const day = instant.getUTCDate();
  const nearNewYear = (month === 11 && day === 31) || (month === 0 && day === 1);
  return nearNewYear ? copenhagenYear(instant) : instant.getUTCFullYear();
}

function pick<T>(xs: readonly T[], r: Random): T {
  return xs[Math.floor(r() * xs.length)];
}

function weighted<T>(weights: Partial<Record<string, number>>): Array<{ value: T; weight: number }> {
  return Object.entries(weights).map(([value, weight]) => ({ value: value as T, weight: weight! }));
}

function pickWeighted<T extends { weight: number }>(xs: T[], r: Random): T {
  const total = xs.reduce((s, x) => s + x.weight, 0);
  let x = r() * total;
  for (const item of xs) {
    x -= item.weight;
    if (x < 0) return item;
  }
  return xs[xs.length - 1];
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function shuffle<T>(xs: T[], r: Random): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}
