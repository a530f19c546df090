import { html, SafeHtml } from '@app/ui';
import { alert, csrfField, errorMessage, errorSummary } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';

export type PasswordField = 'currentPassword' | 'password' | 'passwordRepeat' | 'email';

export interface FormErrors {
  /** The error summary's intro; the fields' own texts are listed under it. */
  summary?: string;
  fields: Partial<Record<PasswordField, string>>;
}

const HINT =
  'Mindst 12 tegn. Brug gerne en sætning af flere ord. Almindelige og lækkede adgangskoder kan ikke bruges.';

function summary(errors: FormErrors | undefined, heading: string): SafeHtml | null {
  if (!errors?.summary) return null;
  const texts = new Map<string, PasswordField>();
  for (const [f, text] of Object.entries(errors.fields))
    if (text && !texts.has(text)) texts.set(text, f as PasswordField);
  return errorSummary(
    heading,
    errors.summary,
    [...texts].map(([text, f]) => ({ href: `#${f}`, text })),
  );
}

function input(
  name: PasswordField,
  label: string,
  options: { type: string; autocomplete: string; errors?: FormErrors; hint?: string; value?: string },
): SafeHtml {
  const error = options.errors?.fields[name];
  const describedBy = [options.hint ? `${name}-hint` : '', error ? `${name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="form-group ${error ? 'form-error' : ''}">
    <label class="form-label" for="${name}">${label}</label>
    ${options.hint ? html`<span class="form-hint" id="${name}-hint">${options.hint}</span>` : null}
    ${error ? errorMessage(`${name}-error`, error) : null}
    <input
      class="form-input"
      id="${name}"
      name="${name}"
      type="${options.type}"
      autocomplete="${options.autocomplete}"
      ${options.value !== undefined ? html`value="${options.value}"` : null}
      ${describedBy ? html`aria-describedby="${describedBy}"` : null}
      ${error ? html`aria-invalid="true"` : null}
    />
  </div>`;
}

const column = (content: SafeHtml) =>
  html`<div class="row">
    <div class="col-12 col-md-8 col-lg-6">${content}</div>
  </div>`;

/** `/adgangskode/ny`: choose a password through an invitation or reset link. */
export function setPasswordView(v: {
  csrfToken: string;
  token: string;
  email: string;
  purpose: 'invitation' | 'reset';
  errors?: FormErrors;
}): string {
  const title = v.purpose === 'invitation' ? 'Vælg din adgangskode' : 'Vælg en ny adgangskode';
  return layout({
    title,
    body: column(
      html`<h1>${title}</h1>
        <p class="font-lead">
          ${
            v.purpose === 'invitation'
              ? 'Du er inviteret til Baseline. Vælg den adgangskode, du vil logge ind med.'
              : 'Vælg en ny adgangskode til din Baseline-konto. Du bliver logget ud alle andre steder.'
          }
        </p>
        ${summary(v.errors, 'Adgangskoden blev ikke gemt')}
        <form method="post" action="/adgangskode/ny" novalidate>
          ${csrfField(v.csrfToken)}
          <input type="hidden" name="token" value="${v.token}" />
          <div class="form-group">
            <label class="form-label" for="username">E-mailadresse</label>
            <input
              class="form-input"
              id="username"
              type="email"
              autocomplete="username"
              value="${v.email}"
              readonly
            />
          </div>
          ${input('password', 'Ny adgangskode', { type: 'password', autocomplete: 'new-password', errors: v.errors, hint: HINT })}
          ${input('passwordRepeat', 'Gentag adgangskoden', { type: 'password', autocomplete: 'new-password', errors: v.errors })}
          <button type="submit" class="button button-primary mt-5">Gem adgangskode</button>
        </form>`,
    ),
  });
}

/** A link that cannot be used (made up, expired, used): why, and what to do instead. */
export function passwordLinkProblemView(heading: string, text: string): string {
  return layout({
    title: 'Linket virker ikke',
    body: column(
      html`<h1>Linket virker ikke</h1>
        ${alert('error', heading, text)}
        <p><a href="/glemt-adgangskode">Bed om et nyt link</a> eller <a href="/login">log ind</a>.</p>`,
    ),
  });
}

export function passwordSetView(email: string): string {
  return layout({
    title: 'Adgangskoden er gemt',
    body: column(
      html`<h1>Adgangskoden er gemt</h1>
        ${alert('success', 'Din adgangskode er gemt', `Log ind som ${email} med din nye adgangskode.`)}
        <a class="button button-primary" href="/login">Gå til log ind</a>`,
    ),
  });
}

/** `/glemt-adgangskode`: ask for a reset link; `sent` shows the same notice whatever the address. */
export function forgotPasswordView(v: {
  csrfToken: string;
  email?: string;
  errors?: FormErrors;
  sent?: string;
}): string {
  return layout({
    title: 'Glemt adgangskode',
    body: column(
      html`<h1>Glemt adgangskode</h1>
        <p class="font-lead">
          Skriv din e-mailadresse, så sender vi dig et link, hvor du kan vælge en ny adgangskode.
        </p>
        ${summary(v.errors, 'Der blev ikke sendt noget link')}
        ${v.sent ? alert('success', 'Tjek din e-mail', v.sent) : null}
        <form method="post" action="/glemt-adgangskode" novalidate>
          ${csrfField(v.csrfToken)}
          ${input('email', 'E-mailadresse', { type: 'email', autocomplete: 'username', errors: v.errors, value: v.email ?? '' })}
          <button type="submit" class="button button-primary mt-5">Send link</button>
        </form>
        <p class="mt-5"><a href="/login">Tilbage til log ind</a></p>`,
    ),
  });
}

/** `/konto/adgangskode`: change the password with the current one. */
export function changePasswordView(v: {
  user: PageUser;
  csrfToken: string;
  errors?: FormErrors;
  saved?: boolean;
}): string {
  return layout({
    title: 'Skift adgangskode',
    user: v.user,
    csrfToken: v.csrfToken,
    breadcrumbs: [
      { text: 'Forside', href: '/' },
      { text: 'Min konto', href: '/konto' },
      { text: 'Skift adgangskode' },
    ],
    body: column(
      html`<h1>Skift adgangskode</h1>
        ${
          v.saved
            ? alert(
                'success',
                'Din adgangskode er skiftet',
                'Du er logget ud alle andre steder, og adgangsnøgler (tokens) til API’et virker ikke længere.',
              )
            : null
        }
        ${summary(v.errors, 'Adgangskoden blev ikke skiftet')}
        <form method="post" action="/konto/adgangskode" novalidate>
          ${csrfField(v.csrfToken)}
          ${input('currentPassword', 'Nuværende adgangskode', { type: 'password', autocomplete: 'current-password', errors: v.errors })}
          ${input('password', 'Ny adgangskode', { type: 'password', autocomplete: 'new-password', errors: v.errors, hint: HINT })}
          ${input('passwordRepeat', 'Gentag den nye adgangskode', { type: 'password', autocomplete: 'new-password', errors: v.errors })}
          <button type="submit" class="button button-primary mt-5">Skift adgangskode</button>
        </form>`,
    ),
  });
}
