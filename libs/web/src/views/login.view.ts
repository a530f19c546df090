import { html, SafeHtml } from '@app/ui';
import { alert as infoAlert, errorMessage, errorSummary } from './components.view';
import { layout } from './layout.view';

export type LoginField = 'email' | 'password';

export interface LoginViewModel {
  csrfToken: string;
  email?: string;
  /** Why sign-in failed, for the error summary; tied to the fields in `fieldErrors`. */
  error?: string;
  /** What is wrong with each field, beside it and linked from the summary. */
  fieldErrors?: Partial<Record<LoginField, string>>;
  /** The same-site page to go to after sign-in (already checked by safeReturnPath). */
  next?: string | null;
  /** Offer the owner of a throttled account an unlock link by e-mail (only when mail is set up). */
  offerUnlockLink?: boolean;
  /** An e-mailed unlock link being used: the form carries it, and signing in clears the lock. */
  unlockToken?: string;
  notice?: { heading: string; text: string };
  /** Single sign-on through the configured OpenID Connect provider, when there is one. */
  sso?: { label: string; href: string } | null;
}

export function loginView({
  csrfToken,
  email,
  error,
  fieldErrors = {},
  next,
  offerUnlockLink,
  unlockToken,
  notice,
  sso,
}: LoginViewModel): string {
  // A text for both fields (wrong credentials) is shown once, under the e-mail address, and
  // both fields point to it.
  const messageId = (f: LoginField) =>
    f === 'password' && fieldErrors.password === fieldErrors.email ? 'email-error' : `${f}-error`;
  const firstFieldOf = new Map<string, LoginField>();
  for (const f of ['email', 'password'] as const) {
    const text = fieldErrors[f];
    if (text && !firstFieldOf.has(text)) firstFieldOf.set(text, f);
  }
  // The summary takes focus on load (see errorSummary), so a screen reader hears why at once.
  const summary = error
    ? errorSummary(
        'Du blev ikke logget ind',
        error,
        [...firstFieldOf].map(([text, f]) => ({ href: `#${f}`, text })),
      )
    : null;
  const field = (f: LoginField, label: string, input: (invalid: SafeHtml | null) => SafeHtml) => {
    const own = fieldErrors[f] && messageId(f) === `${f}-error`;
    const invalid = fieldErrors[f] ? html`aria-invalid="true" aria-describedby="${messageId(f)}"` : null;
    return html`<div class="form-group ${fieldErrors[f] ? 'form-error' : ''}">
      <label class="form-label" for="${f}">${label}</label>
      ${own ? errorMessage(`${f}-error`, fieldErrors[f]!) : null} ${input(invalid)}
    </div>`;
  };
  const unlockOffer = offerUnlockLink
    ? html`<form method="post" action="/login/laas-op" novalidate>
        <input type="hidden" name="_csrf" value="${csrfToken}" />
        <input type="hidden" name="email" value="${email ?? ''}" />
        <p>
          Er det din konto? Så kan du få et link på e-mail, som logger dig ind og låser kontoen op med det
          samme.
        </p>
        <button type="submit" class="button button-secondary">Send mig et link</button>
      </form>`
    : null;
  return layout({
    title: 'Log ind',
    body: html`<div class="row">
      <div class="col-12 col-md-8 col-lg-6">
        <h1>Log ind</h1>
        <p class="font-lead">
          Log ind med din e-mailadresse og adgangskode for at besvare Baseline, se rapporter og registrere
          hændelser.
        </p>
        ${summary} ${notice ? infoAlert('info', notice.heading, notice.text) : null} ${unlockOffer}
        <form method="post" action="/login" novalidate>
          <input type="hidden" name="_csrf" value="${csrfToken}" />
          ${next ? html`<input type="hidden" name="next" value="${next}" />` : null}
          ${
            unlockToken !== undefined
              ? html`<input type="hidden" name="unlock" value="${unlockToken}" />`
              : null
          }
          ${field(
            'email',
            'E-mailadresse',
            (invalid) =>
              html`<input
                class="form-input"
                id="email"
                name="email"
                type="email"
                autocomplete="username"
                required
                value="${email ?? ''}"
                ${invalid}
              />`,
          )}
          ${field(
            'password',
            'Adgangskode',
            (invalid) =>
              html`<input
                class="form-input"
                id="password"
                name="password"
                type="password"
                autocomplete="current-password"
                required
                ${invalid}
              />`,
          )}
          <button type="submit" class="button button-primary mt-5">Log ind</button>
        </form>
        <p class="mt-5"><a href="/glemt-adgangskode">Glemt adgangskode?</a></p>
        ${sso ? ssoSignIn(sso) : null}
      </div>
    </div>`,
  });
}

/** A link, not a form: the provider's sign-in is a plain navigation that works without JavaScript. */
function ssoSignIn(sso: { label: string; href: string }): SafeHtml {
  return html`<div class="mt-7" id="sso">
    <p>Har din organisation adgang via fælles login, kan du logge ind med det i stedet.</p>
    <a class="button button-secondary" href="${sso.href}">${sso.label}</a>
  </div>`;
}
