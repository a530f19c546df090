import { html } from '@app/ui';
import { breadcrumbs } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import type { OwnReportEntry } from '../own-reports';
import { editionReportTable } from './report-pages.view';

/**
 * "Mine rapporter": the reports of the editions the municipality took part in, and below them
 * each edition without a report and why, so an officer looking for one is not left guessing.
 */
export function ownReportListView(user: PageUser, csrfToken: string, entries: OwnReportEntry[]): string {
  const reports = entries.filter((e) => e.hasReport);
  const missing = entries.filter((e) => !e.hasReport);
  const table = editionReportTable(
    'Kommunens rapporter',
    '/rapporter',
    reports.map((e) => e.edition),
  );
  const withoutReport = html`<h2 class="h3">Udgaver uden kommunerapport</h2>
    <ul class="own-reports-missing">
      ${missing.map(
        (e) =>
          html`<li data-edition="${e.edition.year}">
            <strong>${e.edition.title}:</strong> ${e.hasReport ? null : e.reason}
          </li>`,
      )}
    </ul>`;
  return layout({
    title: 'Mine rapporter',
    user,
    csrfToken,
    body: html`${breadcrumbs([{ text: 'Forside', href: '/' }, { text: 'Mine rapporter' }])}
      <h1>Mine rapporter</h1>
      <p class="font-lead">
        Kommunens rapporter sammenligner kommunens resultat med landsgennemsnittet. Kun kommunens egne brugere
        kan se dem. Der er en rapport for hver offentliggjort udgave, som kommunen indsendte besvarelse i.
      </p>
      ${reports.length > 0 ? table : html`<p>Kommunen har endnu ingen rapporter.</p>`}
      ${missing.length > 0 ? withoutReport : null}`,
  });
}
