import type { AdvisoryListDto } from '@app/advisories';
import { formatNumber, html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { dueWithCountdown, severityBadge } from '../../incidents/views/incident-bits.view';
import { advisoryPath } from '../advisory-labels';
import { rateText, responseBadge, withdrawnBadge } from './advisory-bits.view';

export interface AdvisoryListModel {
  user: PageUser;
  csrfToken: string;
  /** KommuneCERT sees every advisory with its response rate; an officer its municipality's. */
  cert: boolean;
  list: AdvisoryListDto;
  now: Date;
}

function table(m: AdvisoryListModel): SafeHtml {
  return html`<div class="table--responsive-scroll" tabindex="0">
    <table class="table table--zebra advisory-table">
      <caption class="sr-only">
        Varsler
      </caption>
      <thead>
        <tr>
          <th scope="col">Varsel</th>
          <th scope="col">Alvor</th>
          <th scope="col">Svarfrist</th>
          <th scope="col">${m.cert ? 'Svar fra kommunerne' : 'Jeres svar'}</th>
        </tr>
      </thead>
      <tbody>
        ${m.list.items.map(
          (a) =>
            html`<tr data-advisory="${a.id}">
              <th scope="row">
                <a href="${advisoryPath(a.id)}">${a.title}</a>
                ${a.status === 'withdrawn' ? html` ${withdrawnBadge}` : null}<br /><span class="weight-normal"
                  >${a.summary}</span
                >
              </th>
              <td>${severityBadge(a.severity)}</td>
              <td>
                ${a.status === 'withdrawn' ? html`<span class="form-hint">—</span>` : dueWithCountdown(a.respondBy, m.now)}
              </td>
              <td>
                ${m.cert ? (a.responseRate ? rateText(a.responseRate) : null) : responseBadge(a.myStatus)}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function advisoryListView(m: AdvisoryListModel): string {
  const intro = m.cert
    ? 'Alle varsler til kommunerne, nyeste først, med hvor mange kommuner der har svaret.'
    : `Varsler fra KommuneCERT til ${m.user.municipalityName ?? 'kommunen'} Kommune. Dem, I ikke har svaret på, står øverst: angiv, om I er berørt, og hvad I gør.`;
  const empty = m.cert
    ? alert('info', 'Ingen varsler endnu', 'KommuneCERT har ikke sendt nogen varsler.')
    : alert('info', 'Ingen varsler', 'KommuneCERT har ikke sendt varsler til kommunen.');
  return layout({
    title: 'Varsler',
    user: m.user,
    csrfToken: m.csrfToken,
    body: html`${breadcrumbs([{ text: 'Forside', href: '/' }, { text: 'Varsler' }])}
      <h1>Varsler</h1>
      <p class="font-lead">${intro}</p>
      ${m.cert ? html`<p><a class="button button-primary" href="/varsler/ny">Nyt varsel</a></p>` : null}
      <p role="status">${m.list.total === 1 ? '1 varsel' : `${formatNumber(m.list.total)} varsler`}</p>
      ${m.list.total > 0 ? table(m) : empty}`,
  });
}
