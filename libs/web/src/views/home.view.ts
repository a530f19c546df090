import type { Role } from '@app/users';
import { formatDateTime, formatNumber, html, SafeHtml } from '@app/ui';
import { alert } from './components.view';
import { layout, PageUser } from './layout.view';

/** What each role comes to do, as the first thing on the page. */
const TASKS: Partial<Record<Role, { href: string; label: string; text: string }>> = {
  municipality_officer: {
    href: '/undersoegelser',
    label: 'Besvar Baseline',
    text: 'Besvar årets undersøgelse for kommunen, og se tidligere besvarelser og kvitteringer.',
  },
  kl_analyst: {
    href: '/administration/udgaver',
    label: 'Udgaver og deltagelse',
    text: 'Opret, åbn, luk og offentliggør udgaver, og følg hvilke kommuner der har svaret.',
  },
  cert_analyst: {
    href: '/overblik',
    label: 'Overblik over hændelser',
    text: 'Det samlede billede: åbne hændelser og frister, årets hændelser pr. måned og region, og kommunernes svar på varsler.',
  },
};

/** Further pages by role, after the main task. */
const LINKS: Array<{ roles: Role[] | 'all'; href: string; label: string }> = [
  { roles: ['municipality_officer'], href: '/rapporter', label: 'Mine rapporter' },
  { roles: ['municipality_officer', 'cert_analyst'], href: '/haendelser', label: 'Hændelser' },
  { roles: ['municipality_officer', 'cert_analyst'], href: '/varsler', label: 'Varsler fra KommuneCERT' },
  { roles: 'all', href: '/landsresultater', label: 'Landsresultater' },
  { roles: ['kl_analyst'], href: '/administration/brug', label: 'Brug af platformen' },
  { roles: ['municipality_officer'], href: '/haendelsestal', label: 'Kommunens hændelser i tal' },
  { roles: ['platform_admin', 'kl_analyst'], href: '/administration', label: 'Administration' },
  { roles: 'all', href: '/konto', label: 'Min konto' },
];

function links(role: Role): SafeHtml {
  const mine = LINKS.filter((l) => l.roles === 'all' || l.roles.includes(role));
  return html`<ul class="nobullet-list mb-7">
    ${mine.map((l) => html`<li><a href="${l.href}">${l.label}</a></li>`)}
  </ul>`;
}

function tasks(role: Role): SafeHtml | null {
  const task = TASKS[role];
  if (!task) return null;
  return html`<div class="mb-7">
    <p>${task.text}</p>
    <a class="button button-primary" href="${task.href}">${task.label}</a>
  </div>`;
}

export interface HomeNotification {
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** How many unread messages the home page shows before it only counts the rest. */
const SHOWN_MESSAGES = 5;

/** Where a message's link goes, said in Danish (survey reminders, incident deadlines, advisories). */
function linkLabel(path: string): string {
  if (path.startsWith('/haendelser')) return 'Gå til hændelsen';
  if (path.startsWith('/varsler')) return 'Gå til varslet';
  return 'Gå til undersøgelsen';
}

/**
 * Unread messages (survey reminders, incident deadlines) first on the page, newest first. A few
 * are shown in full; the rest are counted, so a day of deadline reminders does not bury the page.
 */
function notifications(items: HomeNotification[]): SafeHtml | null {
  const unread = items.filter((n) => !n.readAt).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  if (unread.length === 0) return null;
  const more = unread.length - SHOWN_MESSAGES;
  return html`<section class="mb-7" aria-labelledby="beskeder">
    <h2 id="beskeder">Beskeder</h2>
    ${unread.slice(0, SHOWN_MESSAGES).map((n) => {
      const path = n.link ? new URL(n.link, 'http://x').pathname : null;
      return alert(
        'warning',
        n.title,
        html`<p class="alert-text">
            ${n.body} <span class="form-hint">(${formatDateTime(n.createdAt)})</span>
          </p>
          ${path ? html`<p class="alert-text"><a href="${path}">${linkLabel(path)}</a></p>` : null}`,
      );
    })}
    ${more > 0 ? html`<p>${formatNumber(more)} ${more === 1 ? 'ulæst besked mere' : 'ulæste beskeder mere'}.</p>` : null}
  </section>`;
}

export function homeView(
  user: PageUser,
  csrfToken: string,
  messages: HomeNotification[] = [],
  incidents: SafeHtml | null = null,
): string {
  const where = user.municipalityName ? html` for <strong>${user.municipalityName} Kommune</strong>` : null;
  return layout({
    title: 'Forside',
    user,
    csrfToken,
    body: html`<h1>Velkommen, ${user.displayName}</h1>
      <p class="font-lead">Du er logget ind som <strong>${user.roleLabel}</strong>${where}.</p>
      ${notifications(messages)} ${incidents} ${tasks(user.role)} ${links(user.role)}
      ${alert(
        'info',
        'Om Baseline',
        'Baseline er kommunernes årlige undersøgelse af cyber- og informationssikkerhed. Hver kommune får ' +
          'en rapport, der sammenligner kommunens resultat med landsgennemsnittet, og KommuneCERT følger ' +
          'hændelser på tværs af kommunerne.',
      )}`,
  });
}
