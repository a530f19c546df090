import type { ActiveWebSession, MfaStatus } from '@app/auth';
import { formatDateTime, html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs } from '../../views/components.view';
import { browserLabel } from '../../views/browser-label';
import { layout, PageUser } from '../../views/layout.view';
import { mfaLabel } from '../../views/mfa-label';

export const ACCOUNT_PATH = '/konto';
export const PASSWORD_PATH = `${ACCOUNT_PATH}/adgangskode`;
export const MFA_PATH = `${ACCOUNT_PATH}/mfa`;
export const SIGN_OUT_ELSEWHERE_PATH = `${ACCOUNT_PATH}/log-ud-andre-steder`;

export interface AccountModel {
  user: PageUser;
  csrfToken: string;
  email: string;
  sessions: ActiveWebSession[];
  mfa: MfaStatus;
  /** After "Log ud andre steder": how many sessions ended. */
  signedOutElsewhere?: number;
}

function sessionsTable(sessions: ActiveWebSession[]): SafeHtml {
  return html`<table class="table table--zebra table--responsive-headers" id="sessions">
    <caption class="sr-only">
      Aktive sessioner
    </caption>
    <thead>
      <tr>
        <th scope="col">Browser</th>
        <th scope="col">Logget ind</th>
        <th scope="col">Senest brugt</th>
        <th scope="col">Udløber</th>
        <th scope="col">Denne browser</th>
      </tr>
    </thead>
    <tbody>
      ${sessions.map(
        (s) =>
          html`<tr>
            <td data-title="Browser">${browserLabel(s.userAgent)}</td>
            <td data-title="Logget ind">${formatDateTime(s.createdAt)}</td>
            <td data-title="Senest brugt">${formatDateTime(s.lastSeenAt)}</td>
            <td data-title="Udløber">${formatDateTime(s.expiresAt)}</td>
            <td data-title="Denne browser">${s.current ? html`<strong>Ja</strong>` : 'Nej'}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The user's own page: profile, links to password and MFA, and the signed-in browsers. */
export function accountView(m: AccountModel): string {
  const others = m.sessions.filter((s) => !s.current).length;
  const profile: Array<[string, string]> = [
    ['Navn', m.user.displayName],
    ['E-mailadresse', m.email],
    ['Rolle', m.user.roleLabel],
    ['Kommune', m.user.municipalityName ? `${m.user.municipalityName} Kommune` : '—'],
  ];
  const ended = m.signedOutElsewhere;
  const factors = mfaLabel({ app: m.mfa.totp, passkeys: m.mfa.passkeys.length }, 'Ikke sat op');
  return layout({
    title: 'Min konto',
    user: m.user,
    csrfToken: m.csrfToken,
    body: html`${breadcrumbs([{ text: 'Forside', href: '/' }, { text: 'Min konto' }])}
      <h1>Min konto</h1>
      ${
        ended === undefined
          ? null
          : alert(
              'success',
              'Udført',
              ended === 1 ? 'Du er logget ud 1 andet sted.' : `Du er logget ud ${ended} andre steder.`,
            )
      }
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <table class="table structured-list" id="profile">
            <caption class="sr-only">
              Profil
            </caption>
            <tbody>
              ${profile.map(
                ([label, value]) =>
                  html`<tr>
                    <th scope="row">${label}</th>
                    <td>${value}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </div>
      <h2>Sikkerhed</h2>
      <ul class="nobullet-list">
        <li><a href="${PASSWORD_PATH}">Skift adgangskode</a></li>
        <li><a href="${MFA_PATH}">Totrinsbekræftelse (MFA)</a>: <span id="mfa-state">${factors}</span></li>
      </ul>
      ${
        m.mfa.required && !m.mfa.totp && m.mfa.passkeys.length === 0
          ? alert(
              'warning',
              'Totrinsbekræftelse påkrævet',
              'Din rolle kræver totrinsbekræftelse. Sæt den op nu.',
            )
          : null
      }
      <h2>Hvor du er logget ind</h2>
      <p>Browsere, hvor du er logget ind på Baseline lige nu.</p>
      ${sessionsTable(m.sessions)}
      ${
        others > 0
          ? html`<p>
              <a href="${SIGN_OUT_ELSEWHERE_PATH}" class="button button-secondary">Log ud andre steder</a>
            </p>`
          : html`<p>Du er ikke logget ind andre steder.</p>`
      }`,
  });
}
