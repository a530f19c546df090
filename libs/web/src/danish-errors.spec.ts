import type { ErrorCode } from '@app/http';
import { validateAnswer } from '@app/responses';
import { answerProblemText, danishError } from './danish-errors';

const code = (c: string) => c as ErrorCode;

type ValidatedQuestion = Parameters<typeof validateAnswer>[0];
type PageQuestion = NonNullable<Parameters<typeof answerProblemText>[0]>;

/** A question as both the service (entity) and the page (view) see it. */
const question = (over: Record<string, unknown>) =>
  ({
    key: 'x.y',
    type: 'number',
    allowNotApplicable: false,
    min: null,
    max: null,
    integer: false,
    ...over,
  }) as unknown as ValidatedQuestion & PageQuestion;

/** What the officer reads for an input the service refuses. */
function danishFor(q: ValidatedQuestion & PageQuestion, value: unknown, extra: object = {}): string {
  const result = validateAnswer(q, { questionKey: q.key, value, ...extra }, [1, 2, 3, 4, 5]);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(value)}`);
  return answerProblemText(q, { questionKey: q.key, ...result });
}

describe('danish-errors', () => {
  it('explains a refused number in Danish from the service’s reason and limit', () => {
    const attacks = question({ min: '0', max: '1000', integer: true });
    expect(danishFor(attacks, -5)).toBe('Tallet kan ikke være mindre end 0.');
    expect(danishFor(attacks, 2000)).toBe('Tallet kan ikke være større end 1.000.');
    expect(danishFor(attacks, 2.5)).toBe('Skriv et helt tal uden decimaler.');
    expect(danishFor(attacks, 'mange')).toBe('Skriv et helt tal, fx 12.');
    expect(danishFor(question({}), 'mange')).toBe('Skriv et tal, fx 12 eller 2,5.');
    expect(danishFor(question({ allowNotApplicable: true }), 3, { notApplicable: true })).toBe(
      'Vælg enten et svar eller »Ikke relevant« – ikke begge dele.',
    );
  });

  it('names the comment limit the service enforces', () => {
    expect(danishFor(question({}), 1, { comment: 'x'.repeat(2001) })).toBe(
      'Kommentaren må højst være på 2.000 tegn.',
    );
  });

  it('shows a Danish text by code, the message of other client errors, never that of a 5xx', () => {
    expect(
      danishError({ code: code('CSRF_REJECTED'), statusCode: 403, message: 'The form has expired' }),
    ).toEqual({
      heading: 'Du har ikke adgang til siden',
      text: 'Formularen er udløbet eller kom ikke fra Baseline. Genindlæs siden, og prøv igen.',
    });
    expect(danishError({ code: code('BAD_REQUEST'), statusCode: 400, message: 'year must be' }).text).toBe(
      'year must be',
    );
    expect(
      danishError({ code: code('DATABASE_UNAVAILABLE'), statusCode: 503, message: 'SELECT secret' }).text,
    ).not.toContain('SELECT');
    expect(
      danishError({
        code: code('SIGN_IN_THROTTLED'),
        statusCode: 429,
        message: 'Too many',
        details: { retryAfterSeconds: 900 },
      }).text,
    ).toBe('For mange mislykkede forsøg på at logge ind. Vent 15 minutter, og prøv igen.');
  });
});
