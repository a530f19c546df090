import type { Role } from '@app/users';
import { html, SafeHtml } from '@app/ui';

export interface PageUser {
  role: Role;
  displayName: string;
  roleLabel: string;
  municipalityName?: string | null;
}

export interface PageOptions {
  title: string;
  body: SafeHtml;
  user?: PageUser | null;
  csrfToken?: string;
  /** Page-specific scripts from libs/web/assets (the CSP allows no inline script). */
  scripts?: string[];
}

/** The page frame in Det Fælles Designsystem: portal header, solution header, main, footer. */
export function layout({ title, body, user, csrfToken, scripts = [] }: PageOptions): string {
  const userInfo = user
    ? html`<div class="portal-user">
        <p class="user">
          ${user.displayName},
          ${user.roleLabel}${user.municipalityName ? ` – ${user.municipalityName} Kommune` : ''}
        </p>
        <form method="post" action="/logout" class="d-print-none">
          <input type="hidden" name="_csrf" value="${csrfToken ?? ''}" />
          <button type="submit" class="function-link log-off">Log af</button>
        </form>
      </div>`
    : null;
  return html`<!doctype html>
    <html lang="da">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} – Baseline</title>
        <link rel="stylesheet" href="/assets/dkfds/css/dkfds.min.css" />
        <link rel="stylesheet" href="/assets/app/app.css" />
      </head>
      <body>
        <a class="skipnav" href="#main-content">Gå til sidens indhold</a>
        <header class="header">
          <div class="portal-info">
            <div class="portal-info-inner container">
              <a href="/" class="logo" aria-label="Baseline – forside"><span>Baseline</span></a>
              ${userInfo}
            </div>
          </div>
          <div class="solution-info">
            <div class="solution-info-inner container">
              <div class="solution-heading">
                <a href="/">Baseline – kommunernes cyber- og informationssikkerhed</a>
              </div>
              <div class="additional-info">
                <p><strong class="authority-name">KL og KommuneCERT</strong></p>
              </div>
            </div>
          </div>
        </header>
        <main class="container page-container" id="main-content">${body}</main>
        <footer>
          <div class="footer">
            <div class="container">
              <p>Baseline drives af KL. Kommunernes svar er anonyme: ingen uden for kommunen kan se dem.</p>
            </div>
          </div>
        </footer>
        <script src="/assets/dkfds/js/dkfds.min.js"></script>
        <script src="/assets/app/app.js"></script>
        ${scripts.map((name) => html`<script src="${name.startsWith('/') ? name : `/assets/app/${name}`}"></script>`)}
      </body>
    </html>`.value;
}
