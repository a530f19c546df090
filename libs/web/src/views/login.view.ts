import { html } from '@app/ui';
import { alert as infoAlert } from './components.view';
import { layout } from './layout.view';

export interface LoginViewModel {
  csrfToken: string;
  email?: string;
  error?: string;
  /** Offer the owner of a throttled account an unlock link by e-mail (only when mail is set up). */
  offerUnlockLink?: boolean;
  /** An e-mailed unlock link being used: the form carries it, and signing in clears the lock. */
  unlockToken?: string;
  notice?: { heading: string; text: string };
}

export function loginView({
  csrfToken,
  email,
  error,
  offerUnlockLink,
  unlockToken,
  notice,
}: LoginViewModel): string {
  const alert = error
    ? html`<div class="alert alert-error" role="alert">
        <div class="alert-body">
          <p class="alert-heading">Du blev ikke logget ind</p>
          <p class="alert-text">${error}</p>
        </div>
      </div>`
    : null;
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
        ${notice ? infoAlert('info', notice.heading, notice.text) : null} ${alert} ${unlockOffer}
        <form method="post" action="/login" novalidate>
          <input type="hidden" name="_csrf" value="${csrfToken}" />
          ${
            unlockToken !== undefined
              ? html`<input type="hidden" name="unlock" value="${unlockToken}" />`
              : null
          }
          <div class="form-group">
            <label class="form-label" for="email">E-mailadresse</label>
            <input
              class="form-input"
              id="email"
              name="email"
              type="email"
              autocomplete="username"
              required
              value="${email ?? ''}"
            />
          </div>
          <div class="form-group">
            <label class="form-label" for="password">Adgangskode</label>
            <input
              class="form-input"
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
            />
          </div>
          <button type="submit" class="button button-primary">Log ind</button>
        </form>
      </div>
    </div>`,
  });
}
