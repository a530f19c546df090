import { ErrorCode, toErrorBody } from '@app/http';
import type { CreateEditionDto, Edition, EditionStatus, UpdateEditionDto } from '@app/surveys';
import { endOfDanishDay } from '@app/ui';
import { editionStatusLabel } from '../views/status-labels';
import type { CreateEditionFormDto, EditEditionFormDto } from './dto/edition-forms.dto';

export interface CreateEditionFormState {
  values: { year: string; title: string; copyFrom: string };
  errors: { year?: string; title?: string };
}

/** The create form checked in Danish; the service's rules (unique year, source exists) still apply. */
export function readCreateEditionForm(
  form: CreateEditionFormDto,
): { ok: true; dto: CreateEditionDto } | { ok: false; state: CreateEditionFormState } {
  const values = {
    year: (form.year ?? '').trim(),
    title: (form.title ?? '').trim(),
    copyFrom: (form.copyFrom ?? '').trim(),
  };
  const errors: CreateEditionFormState['errors'] = {};
  const year = Number(values.year);
  if (!/^\d{4}$/.test(values.year) || year < 2000 || year > 2100) {
    errors.year = 'Skriv et årstal mellem 2000 og 2100, fx 2026.';
  }
  if (values.title === '') errors.title = 'Skriv en titel, fx »Baseline 2026«.';
  else if (values.title.length > 200) errors.title = 'Titlen må højst være på 200 tegn.';
  if (errors.year || errors.title) return { ok: false, state: { values, errors } };
  return {
    ok: true,
    dto: { year, title: values.title, ...(values.copyFrom ? { copyFrom: values.copyFrom } : {}) },
  };
}

export interface EditEditionFormState {
  values: { title: string; closesAt: string };
  errors: { title?: string; closesAt?: string };
}

const danishDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' });
/** The calendar day (YYYY-MM-DD) of a deadline in Danish time, for a date field; '' for none. */
export const dateFieldValue = (d: Date | null) => (d ? danishDay.format(d) : '');

export function editEditionFormOf(edition: Edition): EditEditionFormState {
  return { values: { title: edition.title, closesAt: dateFieldValue(edition.closesAt) }, errors: {} };
}

/**
 * The edit form checked in Danish. Only what changed is sent on, so that an open edition's deadline,
 * kept as it was, is not checked again; an empty deadline keeps a draft without one.
 */
export function readEditEditionForm(
  form: EditEditionFormDto,
  edition: Edition,
): { ok: true; dto: UpdateEditionDto } | { ok: false; state: EditEditionFormState } {
  const values = { title: (form.title ?? '').trim(), closesAt: (form.closesAt ?? '').trim() };
  const errors: EditEditionFormState['errors'] = {};
  if (values.title === '') errors.title = 'Skriv en titel, fx »Baseline 2026«.';
  else if (values.title.length > 200) errors.title = 'Titlen må højst være på 200 tegn.';
  const closesAt = values.closesAt === '' ? null : endOfDanishDay(values.closesAt);
  if (values.closesAt !== '' && !closesAt) errors.closesAt = 'Skriv datoen som dd.mm.åååå, fx 31.01.2027.';
  else if (!closesAt && edition.status === 'open') errors.closesAt = 'Vælg en dato som svarfrist.';
  if (errors.title || errors.closesAt) return { ok: false, state: { values, errors } };
  const dto: UpdateEditionDto = {};
  if (values.title !== edition.title) dto.title = values.title;
  // The field holds a day: the same day as stored keeps the stored time (one set through the API).
  if (closesAt && values.closesAt !== dateFieldValue(edition.closesAt)) dto.closesAt = closesAt;
  return { ok: true, dto };
}

export type EditionAction = 'create' | 'open' | 'close' | 'publish' | 'edit' | 'delete' | 'withdraw';

const VERBS: Record<Exclude<EditionAction, 'create'>, string> = {
  open: 'åbnes',
  close: 'lukkes',
  publish: 'offentliggøres',
  edit: 'ændres',
  delete: 'slettes',
  withdraw: 'trækkes tilbage',
};

/**
 * A refused lifecycle action in Danish, or null for errors a page should not explain (5xx).
 * The services' messages are English and meant for API clients.
 */
export function editionActionError(action: EditionAction, e: unknown, year?: number): string | null {
  const { statusCode, code, details } = toErrorBody(e);
  if (statusCode >= 500) return null;
  if (code === ErrorCode.NOT_FOUND || code === ErrorCode.EDITION_NOT_FOUND) return 'Udgaven findes ikke.';
  if (action === 'create') {
    if (code === ErrorCode.CONFLICT) return `Der findes allerede en udgave for ${year}.`;
    return 'Udgaven, der skulle kopieres fra, findes ikke.';
  }
  if (code === ErrorCode.EDITION_WRONG_STATUS) {
    const status = (details as { status: EditionStatus }).status;
    return `Udgaven kan ikke ${VERBS[action]}, fordi den har status »${editionStatusLabel(status)}«.`;
  }
  if (action === 'open' && code === ErrorCode.UNPROCESSABLE) {
    return 'Svarfristen skal ligge i fremtiden.';
  }
  if (code === ErrorCode.EDITION_DEADLINE_IN_PAST) return 'Svarfristen skal ligge i fremtiden.';
  if (code === ErrorCode.EDITION_CLOSE_REASON_REQUIRED) {
    return 'Svarfristen er ikke nået. Skriv en begrundelse for at lukke udgaven før tid.';
  }
  return 'Handlingen kunne ikke udføres. Genindlæs siden, og prøv igen.';
}
