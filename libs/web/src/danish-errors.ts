// Types only: the @app/http barrel loads the configuration, which unit tests do not have.
import type { ErrorBody, ErrorCode } from '@app/http';
import type { AnswerProblem, AnswerProblemReason } from '@app/responses';
import type { QuestionnaireView } from '@app/surveys';
import { formatNumber, formatWait } from '@app/ui';

type Question = QuestionnaireView['areas'][number]['questions'][number];

/** A heading for the page, and a text; a text may use the error's `details`. */
interface DanishError {
  heading: string;
  text?: string | ((details: unknown) => string);
}

const HEADING = {
  badRequest: 'Forespørgslen kunne ikke behandles',
  signIn: 'Du skal logge ind',
  forbidden: 'Du har ikke adgang til siden',
  notFound: 'Siden findes ikke',
  changed: 'Siden er blevet ændret af en anden',
  tooMany: 'For mange forsøg',
  failed: 'Der opstod en fejl',
  unavailable: 'Tjenesten er midlertidigt utilgængelig',
};
const TRY_LATER = 'Prøv igen om lidt. Oplys fejl-id, hvis du kontakter support.';
const NOT_FOUND_TEXT = 'Tjek adressen, eller gå til forsiden.';

/** Why a one-time password link did not work (`details.reason` of PASSWORD_LINK_INVALID). */
const PASSWORD_LINK_TEXTS: Record<string, string> = {
  expired:
    'Linket er udløbet. Bed om et nyt: brug »Glemt adgangskode«, eller bed den, der inviterede dig, om at sende invitationen igen.',
  used: 'Linket er allerede brugt. Log ind med den adgangskode, du valgte, eller brug »Glemt adgangskode«.',
  unknown: 'Linket er ugyldigt. Tjek, at du har kopieret hele linket fra e-mailen, eller bed om et nyt.',
};

/** Why a new password was refused (`details.reason` of PASSWORD_TOO_WEAK). */
const PASSWORD_TEXTS: Record<string, string> = {
  'too-short': 'Adgangskoden skal være på mindst 12 tegn. Brug gerne flere ord i en sætning.',
  'too-long': 'Adgangskoden må højst være på 256 tegn.',
  common:
    'Adgangskoden er for almindelig: den står på listen over ofte brugte og lækkede adgangskoder. Vælg en anden.',
  'contains-email': 'Adgangskoden må ikke indeholde din e-mailadresse.',
};

/**
 * Every error code in Danish, for the web UI: the one place that decides what a user reads. The
 * API's messages are English and meant for integrators; a code without a text here shows that
 * message for client errors and a plain "try again" for server errors.
 */
export const DANISH_ERRORS: Record<ErrorCode, DanishError> = {
  VALIDATION_FAILED: { heading: HEADING.badRequest },
  MALFORMED_BODY: { heading: HEADING.badRequest },
  PAYLOAD_TOO_LARGE: { heading: HEADING.badRequest, text: 'Det indsendte er for stort.' },
  BAD_REQUEST: { heading: HEADING.badRequest },
  UNAUTHENTICATED: { heading: HEADING.signIn },
  FORBIDDEN: {
    heading: HEADING.forbidden,
    text: 'Din rolle giver ikke adgang til denne side. Kontakt en administrator, hvis du mener, det er en fejl.',
  },
  CSRF_REJECTED: {
    heading: HEADING.forbidden,
    text: 'Formularen er udløbet eller kom ikke fra Baseline. Genindlæs siden, og prøv igen.',
  },
  NOT_FOUND: { heading: HEADING.notFound, text: NOT_FOUND_TEXT },
  CONFLICT: { heading: HEADING.changed },
  UNPROCESSABLE: { heading: HEADING.badRequest },
  RATE_LIMITED: { heading: HEADING.tooMany, text: 'Vent lidt, og prøv igen.' },
  INTERNAL: { heading: HEADING.failed, text: TRY_LATER },
  SERVICE_UNAVAILABLE: { heading: HEADING.unavailable, text: TRY_LATER },
  DATABASE_UNAVAILABLE: { heading: HEADING.unavailable, text: TRY_LATER },
  INVALID_CREDENTIALS: { heading: HEADING.signIn, text: 'Forkert e-mailadresse eller adgangskode.' },
  SIGN_IN_THROTTLED: {
    heading: HEADING.tooMany,
    text: (d) =>
      `For mange mislykkede forsøg på at logge ind. Vent ${formatWait(
        (d as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60,
      )}, og prøv igen.`,
  },
  UNLOCK_LINK_INVALID: {
    heading: HEADING.badRequest,
    text: 'Linket til at låse kontoen op er ugyldigt, udløbet eller allerede brugt. Bed om et nyt.',
  },
  EDITION_NOT_FOUND: { heading: HEADING.notFound, text: NOT_FOUND_TEXT },
  EDITION_WRONG_STATUS: { heading: HEADING.changed, text: 'Udgavens status tillader ikke handlingen.' },
  EDITION_TOO_SMALL: {
    heading: HEADING.changed,
    text: 'For få kommuner har indsendt til, at tallene kan vises.',
  },
  REPORT_FORMAT_UNKNOWN: {
    heading: HEADING.notFound,
    text: (d) =>
      `Rapporten findes ikke i formatet »${(d as { format?: string } | undefined)?.format ?? ''}«. ` +
      'Den findes som PDF, HTML, CSV (regneark), XLSX (Excel), CSV til programmer og JSON.',
  },
  EDITION_CLOSE_REASON_REQUIRED: {
    heading: HEADING.badRequest,
    text: 'Svarfristen er ikke nået. Skriv en begrundelse for at lukke udgaven før tid.',
  },
  EDITION_DEADLINE_IN_PAST: { heading: HEADING.badRequest, text: 'Svarfristen skal ligge i fremtiden.' },
  VERSION_CONFLICT: {
    heading: HEADING.changed,
    text: 'Besvarelsen er ændret, siden du hentede den. Genindlæs siden, og indtast dine ændringer igen.',
  },
  RESPONSE_READ_ONLY: {
    heading: HEADING.changed,
    text: 'Besvarelsen kan ikke ændres, fordi den er indsendt, eller fordi udgaven er lukket.',
  },
  ANSWER_INVALID: { heading: HEADING.badRequest, text: 'Et eller flere svar er ikke gyldige.' },
  ANSWERS_MISSING: {
    heading: HEADING.badRequest,
    text: 'Besvar alle obligatoriske spørgsmål, før du indsender.',
  },
  INCIDENT_NOT_FOUND: { heading: HEADING.notFound, text: NOT_FOUND_TEXT },
  INCIDENT_ATTACHMENT_NOT_FOUND: { heading: HEADING.notFound, text: 'Bilaget findes ikke.' },
  INCIDENT_VERSION_CONFLICT: {
    heading: HEADING.changed,
    text: 'Nogen har ændret hændelsen, siden du åbnede siden. Din ændring er ikke gemt. Siden viser nu hændelsen, som den er; foretag ændringen igen, hvis den stadig er relevant.',
  },
  TRANSITION_NOT_ALLOWED: {
    heading: HEADING.changed,
    text: 'Ændringen er ikke tilladt for hændelsen, som den er nu. Siden viser den nuværende status og de tilladte skift.',
  },
  OBLIGATION_NOT_APPLICABLE: {
    heading: HEADING.changed,
    text: 'Hændelsen har ikke den frist. Tjek vurderingen af personoplysninger og NIS2.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    heading: HEADING.badRequest,
    text: 'Anmeldelsen er allerede sendt med andet indhold. Genindlæs formularen, og anmeld igen.',
  },
  ATTACHMENT_TOO_LARGE: { heading: HEADING.badRequest, text: 'Filen er større end 10 MB.' },
  ATTACHMENT_TYPE_REFUSED: {
    heading: HEADING.badRequest,
    text: 'Filen er ikke en tilladt type (PDF, PNG, JPEG, GIF, ZIP eller tekst).',
  },
  ADVISORY_NOT_FOUND: { heading: HEADING.notFound, text: NOT_FOUND_TEXT },
  ADVISORY_VERSION_CONFLICT: {
    heading: HEADING.changed,
    text: 'Nogen har ændret varslet, siden du åbnede siden. Din ændring er ikke gemt. Genindlæs siden, og foretag ændringen igen.',
  },
  ADVISORY_WITHDRAWN: { heading: HEADING.changed, text: 'Varslet er trukket tilbage og kan ikke ændres.' },
  USER_NOT_FOUND: { heading: HEADING.notFound, text: 'Brugeren findes ikke.' },
  USER_SELF_DEACTIVATION: {
    heading: 'Handlingen blev ikke udført',
    text: 'Du kan ikke deaktivere din egen konto. Bed en anden administrator om det.',
  },
  MFA_CODE_INVALID: {
    heading: HEADING.signIn,
    text: 'Koden er forkert eller udløbet. Skriv den kode, din godkendelsesapp viser nu, eller en gendannelseskode.',
  },
  MFA_CODE_REPLAYED: {
    heading: HEADING.signIn,
    text: 'Koden er allerede brugt. Vent på den næste kode i din godkendelsesapp, og prøv igen.',
  },
  MFA_CHALLENGE_INVALID: {
    heading: HEADING.signIn,
    text: 'Log ind-trinnet er udløbet eller allerede brugt. Log ind forfra med e-mailadresse og adgangskode.',
  },
  MFA_STATE_CONFLICT: { heading: HEADING.changed, text: 'Totrinsbekræftelsen er ændret. Genindlæs siden.' },
  MFA_REAUTH_FAILED: {
    heading: HEADING.forbidden,
    text: 'Bekræft med din adgangskode eller en gyldig kode fra din godkendelsesapp.',
  },
  SESSION_NOT_FOUND: {
    heading: HEADING.notFound,
    text: 'Sessionen findes ikke eller er allerede afsluttet.',
  },
  PASSKEY_REJECTED: {
    heading: HEADING.badRequest,
    text: 'Adgangsnøglen blev ikke godkendt. Prøv igen, eller brug en kode fra din godkendelsesapp.',
  },
  USER_EMAIL_TAKEN: {
    heading: HEADING.changed,
    text: 'Der findes allerede en bruger med den e-mailadresse. Send invitationen igen fra listen, hvis den ikke er taget i brug.',
  },
  MUNICIPALITY_UNKNOWN: {
    heading: HEADING.badRequest,
    text: 'Kommunekoden findes ikke. Brug en af de 98 kommunekoder, fx 151.',
  },
  MUNICIPALITY_REQUIRED: {
    heading: HEADING.badRequest,
    text: 'Vælg kommunen for en informationssikkerhedskoordinator.',
  },
  MUNICIPALITY_NOT_ALLOWED: {
    heading: HEADING.badRequest,
    text: 'Kun en informationssikkerhedskoordinator hører til en kommune. Fjern kommunen, eller vælg den rolle.',
  },
  INVITATION_ROLE_NOT_ALLOWED: {
    heading: HEADING.forbidden,
    text: 'Du kan kun invitere informationssikkerhedskoordinatorer. Kontakt en platformadministrator for andre roller.',
  },
  INVITATION_NOT_FOUND: { heading: HEADING.notFound, text: 'Invitationen findes ikke.' },
  INVITATION_ACCEPTED: {
    heading: HEADING.changed,
    text: 'Invitationen er allerede taget i brug: brugeren har valgt sin adgangskode.',
  },
  INVITATION_IMPORT_INVALID: {
    heading: HEADING.badRequest,
    text: 'Filen har fejl. Ingen er inviteret. Ret de viste rækker, og prøv igen.',
  },
  PASSWORD_LINK_INVALID: {
    heading: HEADING.badRequest,
    text: (d) =>
      PASSWORD_LINK_TEXTS[(d as { reason?: string } | undefined)?.reason ?? ''] ??
      PASSWORD_LINK_TEXTS.unknown,
  },
  PASSWORD_TOO_WEAK: {
    heading: HEADING.badRequest,
    text: (d) =>
      PASSWORD_TEXTS[(d as { reason?: string } | undefined)?.reason ?? ''] ?? PASSWORD_TEXTS['too-short'],
  },
  PASSWORD_MISMATCH: {
    heading: HEADING.badRequest,
    text: 'De to adgangskoder er ikke ens. Skriv den samme to gange.',
  },
  CURRENT_PASSWORD_WRONG: { heading: HEADING.badRequest, text: 'Din nuværende adgangskode er forkert.' },
};

/** The heading and text a page shows for an error; a 5xx never shows its message. */
export function danishError(error: Pick<ErrorBody, 'code' | 'statusCode' | 'message' | 'details'>): {
  heading: string;
  text: string;
} {
  const entry: DanishError =
    DANISH_ERRORS[error.code] ??
    (error.statusCode >= 500 ? DANISH_ERRORS.INTERNAL : DANISH_ERRORS.BAD_REQUEST);
  const text =
    typeof entry.text === 'function'
      ? entry.text(error.details)
      : (entry.text ?? (error.statusCode >= 500 ? TRY_LATER : error.message));
  return { heading: entry.heading, text };
}

const numberHint = (q: Question) =>
  q.integer ? 'Skriv et helt tal, fx 12.' : 'Skriv et tal, fx 12 eller 2,5.';
const chooseOne = 'Vælg en af svarmulighederne.';
const chooseSome = 'Vælg en eller flere af svarmulighederne.';

/** Why an answer was refused, in Danish; the question gives the words ("helt tal"), the problem the limit. */
const ANSWER_PROBLEM_TEXTS: Record<AnswerProblemReason, (q: Question, limit: number) => string> = {
  UNKNOWN_QUESTION: () => 'Spørgsmålet findes ikke i denne udgave af undersøgelsen.',
  ANSWERED_TWICE: () => 'Spørgsmålet er besvaret to gange. Genindlæs siden, og prøv igen.',
  COMMENT_TOO_LONG: (_q, limit) => `Kommentaren må højst være på ${formatNumber(limit)} tegn.`,
  NOT_APPLICABLE_NOT_ALLOWED: () => 'Spørgsmålet kan ikke besvares med »Ikke relevant«.',
  NOT_APPLICABLE_WITH_VALUE: () => 'Vælg enten et svar eller »Ikke relevant« – ikke begge dele.',
  NOT_A_SCALE_LEVEL: () => chooseOne,
  NOT_YES_NO: () => 'Vælg ja eller nej.',
  NOT_A_NUMBER: numberHint,
  NOT_A_WHOLE_NUMBER: () => 'Skriv et helt tal uden decimaler.',
  BELOW_MINIMUM: (_q, limit) => `Tallet kan ikke være mindre end ${formatNumber(limit)}.`,
  ABOVE_MAXIMUM: (_q, limit) => `Tallet kan ikke være større end ${formatNumber(limit)}.`,
  NOT_AN_OPTION: () => chooseOne,
  NOT_OPTIONS: () => chooseSome,
  OPTION_REPEATED: () => chooseSome,
  TEXT_TOO_LONG: (_q, limit) => `Teksten må højst være på ${formatNumber(limit)} tegn.`,
};

/** A refused answer in Danish, from the service's reason (the question may be unknown to the page). */
export function answerProblemText(q: Question | undefined, problem: AnswerProblem): string {
  if (!q) return ANSWER_PROBLEM_TEXTS.UNKNOWN_QUESTION(q as never, 0);
  return ANSWER_PROBLEM_TEXTS[problem.reason](q, problem.limit ?? 0);
}
