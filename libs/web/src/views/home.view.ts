import type { Role } from '@app/users';
import { html, SafeHtml } from '../html';
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
};

function tasks(role: Role): SafeHtml | null {
  const task = TASKS[role];
  if (!task) return null;
  return html`<div class="mb-7">
    <p>${task.text}</p>
    <a class="button button-primary" href="${task.href}">${task.label}</a>
  </div>`;
}

export function homeView(user: PageUser, csrfToken: string): string {
  const where = user.municipalityName ? html` for <strong>${user.municipalityName} Kommune</strong>` : null;
  return layout({
    title: 'Forside',
    user,
    csrfToken,
    body: html`<h1>Velkommen, ${user.displayName}</h1>
      <p class="font-lead">Du er logget ind som <strong>${user.roleLabel}</strong>${where}.</p>
      ${tasks(user.role)}
      ${alert(
        'info',
        'Om Baseline',
        'Baseline er kommunernes årlige undersøgelse af cyber- og informationssikkerhed. Hver kommune får ' +
          'en rapport, der sammenligner kommunens resultat med landsgennemsnittet, og KommuneCERT følger ' +
          'hændelser på tværs af kommunerne.',
      )}`,
  });
}
