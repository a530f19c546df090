import { AudienceDto, CONTENT_FIELDS, ContentField, CVE_ID, CreateAdvisoryDto } from '@app/advisories';
import { SEVERITIES, TLP_LEVELS, type Severity, type Tlp } from '@app/incidents';
import { copenhagenInstant, isoWithOffset } from '../incidents/report-form';

/** The new-advisory form as typed: every field a string, the chosen codes as lists. */
export interface AdvisoryFormFields {
  title: string;
  summary: string;
  body: string;
  severity: string;
  tlp: string;
  products: string;
  cveIds: string;
  recommendedActions: string;
  respondDate: string;
  respondTime: string;
  audience: string;
  regions: string[];
  municipalities: string[];
}

export type AdvisoryFormErrors = Partial<Record<keyof AdvisoryFormFields, string>>;

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(text) : typeof v === 'string' ? [v] : []);

export function emptyAdvisoryForm(): AdvisoryFormFields {
  return {
    title: '',
    summary: '',
    body: '',
    severity: 'high',
    tlp: 'amber',
    products: '',
    cveIds: '',
    recommendedActions: '',
    respondDate: '',
    respondTime: '16:00',
    audience: 'alle',
    regions: [],
    municipalities: [],
  };
}

export function advisoryFormFields(body: Record<string, unknown>): AdvisoryFormFields {
  return {
    title: text(body.title),
    summary: text(body.summary),
    body: text(body.body),
    severity: text(body.severity),
    tlp: text(body.tlp),
    products: text(body.products),
    cveIds: text(body.cveIds),
    recommendedActions: text(body.recommendedActions),
    respondDate: text(body.respondDate),
    respondTime: text(body.respondTime),
    audience: text(body.audience),
    regions: list(body.regions),
    municipalities: list(body.municipalities),
  };
}

/** CVE ids as typed: separated by commas, spaces or lines, in any case. */
export const splitCveIds = (value: string) =>
  value
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);

/** Products one per line. */
export const splitLines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

const codes = (values: string[]) => values.map((v) => Number.parseInt(v, 10)).filter(Number.isInteger);

export type ParsedAdvisoryForm =
  { ok: true; dto: CreateAdvisoryDto } | { ok: false; errors: AdvisoryFormErrors };

/**
 * The form's own checks, in plain Danish beside each field; what only the database knows (an
 * unknown municipality code) the service refuses, and the page shows that beside the field too.
 */
export function parseAdvisoryForm(f: AdvisoryFormFields, now: Date): ParsedAdvisoryForm {
  const errors: AdvisoryFormErrors = {};
  if (!f.title.trim()) errors.title = 'Skriv en overskrift.';
  if (!f.summary.trim()) errors.summary = 'Skriv et kort resumé.';
  if (!f.body.trim()) errors.body = 'Beskriv truslen eller sårbarheden.';
  if (!(SEVERITIES as readonly string[]).includes(f.severity)) errors.severity = 'Vælg alvor.';
  if (!(TLP_LEVELS as readonly string[]).includes(f.tlp)) errors.tlp = 'Vælg en TLP-mærkning.';
  const products = splitLines(f.products);
  const cveIds = splitCveIds(f.cveIds);
  const badCve = cveIds.find((c) => !CVE_ID.test(c));
  if (badCve) errors.cveIds = `${badCve} er ikke et CVE-nummer. Skriv fx CVE-2024-3400.`;
  else if (products.length === 0 && cveIds.length === 0)
    errors.products = 'Angiv mindst ét berørt produkt eller ét CVE-nummer.';
  if (!f.recommendedActions.trim()) errors.recommendedActions = 'Skriv, hvad kommunerne skal gøre.';
  const respondBy = copenhagenInstant(f.respondDate.trim(), f.respondTime.trim());
  if (!respondBy) errors.respondDate = 'Skriv en gyldig dato og et klokkeslæt som 16:00.';
  else if (respondBy.getTime() <= now.getTime()) errors.respondDate = 'Svarfristen skal ligge i fremtiden.';
  const all = f.audience === 'alle';
  const municipalityCodes = all ? [] : codes(f.municipalities);
  const regionCodes = all ? [] : codes(f.regions);
  if (f.audience !== 'alle' && f.audience !== 'udvalgte') errors.audience = 'Vælg, hvem varslet skal til.';
  else if (!all && municipalityCodes.length === 0 && regionCodes.length === 0)
    errors.audience = 'Vælg mindst én region eller kommune.';
  if (Object.keys(errors).length > 0 || !respondBy) return { ok: false, errors };
  return {
    ok: true,
    dto: Object.assign(new CreateAdvisoryDto(), {
      title: f.title.trim(),
      summary: f.summary.trim(),
      body: f.body.trim(),
      severity: f.severity as Severity,
      tlp: f.tlp as Tlp,
      products,
      cveIds,
      recommendedActions: f.recommendedActions.trim(),
      respondBy: isoWithOffset(respondBy),
      audience: Object.assign(new AudienceDto(), all ? { all: true } : { municipalityCodes, regionCodes }),
    }),
  };
}

/** What a service refusal means beside the form's field, in Danish. */
export const SERVICE_PROBLEM_TEXTS: Partial<Record<keyof AdvisoryFormFields, string>> = {
  audience: 'Mindst én af de valgte kommuner eller regioner findes ikke. Genindlæs siden, og vælg igen.',
  respondDate: 'Svarfristen skal ligge i fremtiden.',
  cveIds: 'Et CVE-nummer er ikke gyldigt. Skriv fx CVE-2024-3400.',
};

/** The form field a service refusal names (`audience.municipalityCodes` → the audience choice). */
export function formFieldOf(field: string): keyof AdvisoryFormFields | null {
  if (field.startsWith('audience')) return 'audience';
  if (field === 'respondBy') return 'respondDate';
  const known = CONTENT_FIELDS.filter((f): f is Exclude<ContentField, 'respondBy'> => f !== 'respondBy');
  return known.find((k) => field === k || field.startsWith(`${k}.`) || field.startsWith(`${k}[`)) ?? null;
}
