import {
  BREACH_TYPES,
  copenhagenWallTime,
  fromCopenhagenWallTime,
  INTAKE_WHAT_HAPPENED,
  IntakeWhatHappened,
  ReportIncidentDto,
  SPECIAL_CATEGORIES,
  suggestRsit,
} from '@app/incidents';
import type { BreachNature, BreachType, SpecialCategory } from '@app/incidents';

/** The answers of the plain-Danish report form, as typed (so that a failed form shows them again). */
export interface ReportFormFields {
  whatHappened: string;
  title: string;
  description: string;
  awareDate: string;
  awareTime: string;
  personalData: string;
  breachType: string;
  approxSubjects: string;
  specialCategories: string[];
  notifiable: string;
  documentedOnlyReason: string;
  systemsDown: string;
  idempotencyKey: string;
}

export type ReportFormErrors = Partial<Record<keyof ReportFormFields, string>>;

export type ParsedReport =
  | { ok: true; dto: ReportIncidentDto; idempotencyKey: string | undefined }
  | { ok: false; errors: ReportFormErrors };

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): string[] =>
  ([] as unknown[]).concat(v ?? []).filter((x): x is string => typeof x === 'string');

export function emptyReportForm(idempotencyKey: string): ReportFormFields {
  return {
    whatHappened: '',
    title: '',
    description: '',
    awareDate: '',
    awareTime: '',
    personalData: '',
    breachType: '',
    approxSubjects: '',
    specialCategories: [],
    notifiable: '',
    documentedOnlyReason: '',
    systemsDown: '',
    idempotencyKey,
  };
}

/** The posted form body as its fields (unknown keys are ignored). */
export function reportFormFields(body: Record<string, unknown>): ReportFormFields {
  return {
    whatHappened: text(body.whatHappened),
    title: text(body.title),
    description: text(body.description),
    awareDate: text(body.awareDate).trim(),
    awareTime: text(body.awareTime).trim(),
    personalData: text(body.personalData),
    breachType: text(body.breachType),
    approxSubjects: text(body.approxSubjects).trim(),
    specialCategories: list(body.specialCategories),
    notifiable: text(body.notifiable),
    documentedOnlyReason: text(body.documentedOnlyReason),
    systemsDown: text(body.systemsDown),
    idempotencyKey: text(body.idempotencyKey).slice(0, 200),
  };
}

/** A date (YYYY-MM-DD) and time (HH:MM) typed in Danish time, as the instant they mean. */
export function copenhagenInstant(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2})[:.](\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number);
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return null;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return fromCopenhagenWallTime({ year, month, day, hour, minute, second: 0, millisecond: 0 });
}

/** An ISO 8601 time with the Copenhagen offset, e.g. 2026-11-30T08:15:00+01:00. */
export function isoWithOffset(instant: Date): string {
  const w = copenhagenWallTime(instant);
  const local = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offsetMinutes = Math.round((local - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${new Date(local).toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** What kind of harm a breach is, from what happened: KommuneCERT and the DPO refine it. */
function natureOf(what: IntakeWhatHappened): BreachNature[] {
  switch (what) {
    case 'lost-device':
      return ['confidentiality', 'availability'];
    case 'data-changed-or-deleted':
      return ['integrity', 'availability'];
    case 'malware':
      return ['confidentiality', 'integrity', 'availability'];
    case 'service-down':
      return ['availability'];
    default:
      return ['confidentiality'];
  }
}

const isWhatHappened = (v: string): v is IntakeWhatHappened =>
  Object.prototype.hasOwnProperty.call(INTAKE_WHAT_HAPPENED, v);

/**
 * Checks the form in Danish, field by field, and builds the report the API takes. The RSIT class is
 * suggested from the answers; a reporter who does not know whether a breach must be notified gets
 * the 72-hour clock (the safe side), which KommuneCERT or the DPO can correct.
 */
export function parseReportForm(f: ReportFormFields, now: Date): ParsedReport {
  const errors: ReportFormErrors = {};
  if (!isWhatHappened(f.whatHappened)) errors.whatHappened = 'Vælg, hvad der er sket.';
  const title = f.title.trim();
  if (!title) errors.title = 'Skriv en kort overskrift.';
  else if (title.length > 200) errors.title = 'Overskriften må højst være 200 tegn.';
  if (f.description.length > 20000) errors.description = 'Beskrivelsen må højst være 20.000 tegn.';

  let awareAt: Date | null = null;
  if (!f.awareDate || !f.awareTime) {
    errors.awareDate = 'Skriv dato og klokkeslæt for, hvornår I fik kendskab til hændelsen.';
  } else {
    awareAt = copenhagenInstant(f.awareDate, f.awareTime);
    if (!awareAt) errors.awareDate = 'Skriv en gyldig dato og et klokkeslæt som 08:15.';
    else if (awareAt.getTime() > now.getTime() + 5 * 60_000)
      errors.awareDate = 'Tidspunktet kan ikke ligge i fremtiden.';
  }

  if (!['ja', 'nej', 'ved-ikke'].includes(f.personalData))
    errors.personalData = 'Svar ja, nej eller ved ikke.';
  const breach = f.personalData === 'ja';
  let approxSubjects: number | null = null;
  if (breach) {
    if (!(BREACH_TYPES as readonly string[]).includes(f.breachType))
      errors.breachType = 'Vælg, hvad der skete med personoplysningerne.';
    if (f.approxSubjects) {
      const n = Number(f.approxSubjects.replace(/\./g, ''));
      if (!/^\d[\d.]*$/.test(f.approxSubjects) || !Number.isSafeInteger(n))
        errors.approxSubjects = 'Skriv et helt tal, der er 0 eller derover (fx 40).';
      else approxSubjects = n;
    }
    if (f.specialCategories.some((c) => !(SPECIAL_CATEGORIES as readonly string[]).includes(c)))
      errors.specialCategories = 'Vælg kun blandt kategorierne på listen.';
    if (!['ja', 'nej', 'ved-ikke'].includes(f.notifiable)) errors.notifiable = 'Svar ja, nej eller ved ikke.';
    else if (f.notifiable === 'nej' && !f.documentedOnlyReason.trim())
      errors.documentedOnlyReason = 'Skriv kort, hvorfor bruddet ikke skal anmeldes.';
  }
  if (!['ja', 'nej'].includes(f.systemsDown)) errors.systemsDown = 'Svar ja eller nej.';

  if (Object.keys(errors).length > 0 || !awareAt || !isWhatHappened(f.whatHappened))
    return { ok: false, errors };

  const systemsDown = f.systemsDown === 'ja';
  const suggestion = suggestRsit({
    whatHappened: f.whatHappened,
    personalDataInvolved: f.personalData !== 'nej',
    systemsDown,
  });
  const dto = Object.assign(new ReportIncidentDto(), {
    title,
    description: f.description.trim(),
    awareAt: isoWithOffset(awareAt),
    rsitClass: suggestion.rsitClass,
    rsitType: suggestion.rsitType,
    severity: systemsDown ? 'high' : 'medium',
    ...(breach
      ? {
          personalDataBreach: {
            type: f.breachType as BreachType,
            nature: natureOf(f.whatHappened),
            approxSubjects,
            specialCategories: f.specialCategories as SpecialCategory[],
            notifiable: f.notifiable !== 'nej',
            ...(f.notifiable === 'nej' ? { documentedOnlyReason: f.documentedOnlyReason.trim() } : {}),
          },
        }
      : {}),
  } satisfies Partial<ReportIncidentDto>);
  return { ok: true, dto, idempotencyKey: f.idempotencyKey || undefined };
}
