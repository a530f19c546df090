import { html } from '../html';
import { layout } from './layout.view';

export interface LoginViewModel {
  csrfToken: string;
  email?: string;
  error?: string;
}

export function loginView({ csrfToken, email, error }: LoginViewModel): string {
  const alert = error
    ? html`<div class="alert alert-error" role="alert">
        <div class="alert-body">
          <p class="alert-heading">Du blev ikke logget ind</p>
          <p class="alert-text">${error}</p>
        </div>
      </div>`
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
        ${alert}
        <form method="post" action="/login" novalidate>
          <input type="hidden" name="_csrf" value="${csrfToken}" />
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
