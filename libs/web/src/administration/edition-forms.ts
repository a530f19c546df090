import { ErrorCode, toErrorBody } from '@app/http';
import type { CreateEditionDto, EditionStatus } from '@app/surveys';
import { editionStatusLabel } from '../views/status-labels';
import type { CreateEditionFormDto } from './dto/edition-forms.dto';

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

export type EditionAction = 'create' | 'open' | 'close' | 'publish';

const VERBS: Record<Exclude<EditionAction, 'create'>, string> = {
  open: 'åbnes',
  close: 'lukkes',
  publish: 'offentliggøres',
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
  return 'Handlingen kunne ikke udføres. Genindlæs siden, og prøv igen.';
}
