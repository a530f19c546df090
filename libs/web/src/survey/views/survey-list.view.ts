import { formatDateTime, html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { responseStatusBadge } from '../../views/status-labels';
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

export function surveyListView(user: PageUser, rows: OverviewRow[], csrfToken: string): string {
  const municipality = user.municipalityName ? `${user.municipalityName} Kommune` : 'kommunen';
  const table = html`<div class="table--responsive-scroll" tabindex="0">
    <table class="table table--zebra">
      <caption class="sr-only">
        Undersøgelser og ${municipality}s besvarelse
      </caption>
      <thead>
        <tr>
          <th scope="col">Undersøgelse</th>
          <th scope="col">Kommunens besvarelse</th>
          <th scope="col">Svarfrist</th>
          <th scope="col"><span class="sr-only">Handling</span></th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr data-edition="${r.edition.year}">
              <th scope="row">${r.edition.title}</th>
              <td>${responseStatusBadge(r.status)}</td>
              <td>${r.edition.closesAt ? formatDateTime(r.edition.closesAt) : '–'}</td>
              <td>${action(r)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
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
