import { html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { editionStatusText, responseStatusBadge } from '../../views/status-labels';
import type { OverviewRow } from '../survey-pages.service';

/** Answer while the response takes changes, the receipt once submitted, otherwise read the answers. */
function action(row: OverviewRow): SafeHtml {
  const { id, title } = row.edition;
  const [href, label] = row.editable
    ? [`/undersoegelser/${id}`, 'Besvar']
    : row.status === 'submitted'
      ? [`/undersoegelser/${id}/kvittering`, 'Se kvittering']
      : [`/undersoegelser/${id}`, 'Se besvarelse'];
  return html`<a href="${href}">${label}<span class="sr-only"> ${title}</span></a>`;
}

/**
 * Each edition with its status and date, and the municipality's own. Below 768 px DKFDS's
 * responsive headers stack each row as a card (cell labels from `data-title`; an empty one keeps
 * DKFDS's script from labelling the title and the link), so the action link stays on screen at
 * 375 px instead of in a table scrolled sideways.
 */
export function surveyListView(user: PageUser, rows: OverviewRow[], now: Date, csrfToken: string): string {
  const municipality = user.municipalityName ? `${user.municipalityName} Kommune` : 'kommunen';
  const table = html`<table class="table table--zebra table--responsive-headers survey-list">
    <caption class="sr-only">
      Undersøgelser og ${municipality}s besvarelse
    </caption>
    <thead>
      <tr>
        <th scope="col">Undersøgelse</th>
        <th scope="col">Status</th>
        <th scope="col">Kommunens besvarelse</th>
        <th scope="col"><span class="sr-only">Handling</span></th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr data-edition="${r.edition.year}">
            <th scope="row" data-title="">${r.edition.title}</th>
            <td data-title="Status">${editionStatusText(r.edition, now)}</td>
            <td data-title="Kommunens besvarelse">${responseStatusBadge(r.status)}</td>
            <td data-title="">${action(r)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
  return layout({
    title: 'Undersøgelser',
    user,
    csrfToken,
    body: html`${breadcrumbs([{ text: 'Forside', href: '/' }, { text: 'Undersøgelser' }])}
      <h1>Undersøgelser</h1>
      <p class="font-lead">
        Her besvarer du Baseline for ${municipality}. Alle kommunens informationssikkerhedskoordinatorer
        arbejder i den samme besvarelse, og svarene gemmes, mens I arbejder.
      </p>
      ${rows.length > 0 ? table : alert('info', 'Ingen undersøgelser endnu', 'KL har ikke åbnet en undersøgelse.')}`,
  });
}
