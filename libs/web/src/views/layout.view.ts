import type { Role } from '@app/users';
import { html, SafeHtml } from '@app/ui';
import { pagePath } from '../page-location';
import { breadcrumbs as breadcrumbTrail, Crumb, icon } from './components.view';
import { MAIN_MENU, markCurrent } from './main-menu';

export interface PageUser {
  /** The account's id: keep-unsaved.js puts kept answers back only for the same user. */
  id?: string;
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
  /** The DKFDS breadcrumb trail above the page, its last crumb the page itself (none on the home page). */
  breadcrumbs?: Crumb[];
}

const userLine = (user: PageUser) =>
  `${user.roleLabel}${user.municipalityName ? ` – ${user.municipalityName} Kommune` : ''}`;

function logOffForm(csrfToken: string | undefined): SafeHtml {
  return html`<form method="post" action="/logout" class="d-print-none">
    <input type="hidden" name="_csrf" value="${csrfToken ?? ''}" />
    <button type="submit" class="function-link log-off">${icon('lock')}Log af</button>
  </form>`;
}

/** The role's menu as DKFDS list items, the current page or section marked for sight and screen readers. */
function menuItems(role: Role): SafeHtml[] {
  const links = MAIN_MENU[role];
  const marks = markCurrent(links, pagePath());
  return links.map((l, i) => {
    const mark = marks[i];
    return html`<li class="${mark === 'page' ? 'active current' : mark ? 'active' : ''}">
      <a
        href="${l.href}"
        class="nav-link"
        ${mark === 'page' ? html`aria-current="page"` : mark ? html`aria-current="true"` : null}
        ><span>${l.text}</span></a
      >
    </li>`;
  });
}

/** The main menu on wide screens (from 992 px), under the solution header. */
function desktopMenu(user: PageUser): SafeHtml {
  return html`<div class="navigation-menu">
    <div class="navigation-menu-inner container">
      <nav class="nav" aria-label="Hovedmenu">
        <ul class="mainmenu">
          ${menuItems(user.role)}
        </ul>
      </nav>
    </div>
  </div>`;
}

/**
 * Below 992 px DKFDS hides the menu and the user: its drawer holds them instead, opened by the
 * "Menu" button (dkfds.js). Without JavaScript the drawer is shown in the header (app.css).
 */
function mobileDrawer(user: PageUser, csrfToken: string | undefined): SafeHtml {
  return html`<div
    class="mobile-drawer"
    id="mobile-menu"
    role="dialog"
    aria-modal="true"
    aria-labelledby="menu-heading"
  >
    <div class="menu-top">
      <h2 id="menu-heading" class="menu-heading">Menu</h2>
      <button type="button" class="function-link button-menu-close js-menu-close" aria-label="Luk menu">
        ${icon('close')}Luk
      </button>
    </div>
    <nav class="navigation-menu-mobile" aria-label="Hovedmenu">
      <ul class="mainmenu">
        ${menuItems(user.role)}
      </ul>
    </nav>
    <div class="portal-info-mobile">
      <h3 class="sr-only">Bruger</h3>
      <p class="user"><span class="mb-3">${user.displayName}</span><span>${userLine(user)}</span></p>
      ${logOffForm(csrfToken)}
    </div>
  </div>`;
}

/** The platform's wordmark, standing in for DKFDS's "LOGO" placeholder; the link names it. */
const WORDMARK = html`<a href="/" class="logo baseline-wordmark" aria-label="Baseline – til forsiden">
  <svg class="baseline-wordmark__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <use href="/assets/app/favicon.svg#mark"></use>
  </svg>
  <span class="baseline-wordmark__text" aria-hidden="true">Baseline</span>
</a>`;

/** The page frame in Det Fælles Designsystem: portal header with menu, solution header, main, footer. */
export function layout({ title, body, user, csrfToken, scripts = [], breadcrumbs }: PageOptions): string {
  const userInfo = user
    ? html`<button
          type="button"
          class="function-link button-menu-open js-menu-open ml-auto d-print-none"
          aria-haspopup="dialog"
          aria-controls="mobile-menu"
        >
          ${icon('menu')}Menu
        </button>
        <div class="portal-user">
          <p class="user"><a href="/konto">${user.displayName}</a>, ${userLine(user)}</p>
          ${logOffForm(csrfToken)}
        </div>`
    : null;
  return html`<!doctype html>
    <html lang="da" class="no-js">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} – Baseline</title>
        <link rel="icon" href="/assets/app/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/dkfds/css/dkfds.min.css" />
        <link rel="stylesheet" href="/assets/app/app.css" />
      </head>
      <body ${user?.id ? html`data-user="${user.id}"` : null}>
        <a class="skipnav" href="#main-content">Gå til sidens indhold</a>
        <header class="header">
          <div class="portal-info">
            <div class="portal-info-inner container">${WORDMARK} ${userInfo}</div>
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
          ${user ? desktopMenu(user) : null} ${user ? mobileDrawer(user, csrfToken) : null}
        </header>
        ${user ? html`<div class="overlay"></div>` : null}
        <main class="container page-container" id="main-content">
          ${breadcrumbs?.length ? breadcrumbTrail(breadcrumbs) : null}${body}
        </main>
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
