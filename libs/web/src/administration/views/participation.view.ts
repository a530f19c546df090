import type { ParticipationDto } from '@app/responses';
import { formatDateTime, html } from '@app/ui';
import { breadcrumbs } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { responseStatusBadge } from '../../views/status-labels';
import { ADMIN_EDITIONS_PATH } from './editions-admin.view';

export type Participation = ParticipationDto;

/** Who has answered, for KL: status and progress per municipality; the service returns no answers. */
export function participationView(user: PageUser, csrfToken: string, p: Participation): string {
  const { summary } = p;
  const title = `Baseline ${p.edition.year}`;
  const counts: Array<[string, number]> = [
    ['Indsendt', summary.submitted],
    ['I gang', summary.inProgress],
    ['Ikke påbegyndt', summary.notStarted],
    ['Kommuner i alt', summary.municipalities],
  ];
  return layout({
    title: `Deltagelse i ${title}`,
    user,
    csrfToken,
    body: html`${breadcrumbs([
        { text: 'Forside', href: '/' },
        { text: 'Udgaver', href: ADMIN_EDITIONS_PATH },
        { text: `Deltagelse i ${title}` },
      ])}
      <h1>Deltagelse i ${title}</h1>
      <p class="font-lead">
        ${summary.submitted} af ${summary.municipalities} kommuner har
        indsendt.${p.edition.closesAt ? ` Svarfrist ${formatDateTime(p.edition.closesAt)}.` : ''} Siden viser,
        om kommunerne har svaret – aldrig hvad de har svaret.
      </p>
      <div class="row mb-6">
        <div class="col-12 col-md-6">
          <table class="table structured-list" id="participation-summary">
            <caption class="sr-only">
              Deltagelse opsummeret
            </caption>
            <tbody>
              ${counts.map(
                ([label, n]) =>
                  html`<tr>
                    <th scope="row">${label}</th>
                    <td>${n}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </div>
      <div class="table--responsive-scroll" tabindex="0">
        <table class="table table--zebra table--compact" id="participation">
          <caption class="sr-only">
            Status for hver kommune
          </caption>
          <thead>
            <tr>
              <th scope="col">Kommune</th>
              <th scope="col">Region</th>
              <th scope="col">Status</th>
              <th scope="col">Fremdrift</th>
              <th scope="col">Indsendt af</th>
              <th scope="col">Indsendt den</th>
            </tr>
          </thead>
          <tbody>
            ${p.municipalities.map(
              (m) =>
                html`<tr data-municipality="${m.municipalityCode}">
                  <th scope="row">${m.municipalityName}</th>
                  <td>${m.regionName}</td>
                  <td>${responseStatusBadge(m.status)}</td>
                  <td>${m.progressPercent} %</td>
                  <td>${m.submittedByName ?? '–'}</td>
                  <td>${m.submittedAt ? formatDateTime(m.submittedAt) : '–'}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`,
  });
}
