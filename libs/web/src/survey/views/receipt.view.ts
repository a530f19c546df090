import { formatDateTime, html } from '@app/ui';
import { alert, breadcrumbs, csrfField } from '../../views/components.view';
import { layout } from '../../views/layout.view';
import type { AnswerContext } from '../survey-pages.service';
import { surveyPath } from './answer-area.view';

export interface ReceiptModel {
  context: AnswerContext;
  csrfToken: string;
  /** Reopening was refused (deadline passed or a colleague acted first). */
  reopenRefused?: boolean;
}

/** The receipt of a submitted response, with "reopen" while the deadline allows it. */
export function receiptView({ context, csrfToken, reopenRefused }: ReceiptModel): string {
  const { questionnaire, response, user, canReopen } = context;
  const edition = questionnaire.edition;
  const rows: Array<[string, string]> = [
    ['Undersøgelse', edition.title],
    ['Kommune', user.municipalityName ? `${user.municipalityName} Kommune` : '–'],
    ['Indsendt', response.submittedAt ? formatDateTime(response.submittedAt) : '–'],
    ['Indsendt af', response.submittedByName ?? '–'],
    ['Kvitteringskode', response.receiptCode ?? '–'],
  ];
  return layout({
    title: `Kvittering for ${edition.title}`,
    user,
    csrfToken,
    body: html`${breadcrumbs([
        { text: 'Forside', href: '/' },
        { text: 'Undersøgelser', href: '/undersoegelser' },
        { text: edition.title, href: surveyPath(edition.id) },
        { text: 'Kvittering' },
      ])}
      <div class="row">
        <div class="col-12 col-lg-8">
          <h1>Kvittering</h1>
          ${
            reopenRefused
              ? alert(
                  'warning',
                  'Besvarelsen blev ikke genåbnet',
                  'Besvarelsen kan ikke længere genåbnes, eller en kollega har ændret den i mellemtiden.',
                )
              : alert('success', 'Besvarelsen er indsendt', 'Tak. KL har modtaget kommunens besvarelse.')
          }
          <div class="table--responsive-scroll" tabindex="0">
            <table class="table structured-list" id="receipt">
              <tbody>
                ${rows.map(
                  ([label, value]) =>
                    html`<tr>
                      <th scope="row">${label}</th>
                      <td data-field="${label}">${value}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>
          <p>Gem kvitteringskoden. Den dokumenterer, hvilken version af besvarelsen der blev indsendt.</p>
          ${
            canReopen
              ? html`<h2>Skal der rettes i svarene?</h2>
                  <p>
                    Du kan genåbne besvarelsen indtil svarfristen
                    ${edition.closesAt ? formatDateTime(edition.closesAt) : ''}. Den skal derefter indsendes
                    igen.
                  </p>
                  <form method="post" action="/undersoegelser/${edition.id}/genaabn">
                    ${csrfField(csrfToken)}
                    <input type="hidden" name="version" value="${response.version}" />
                    <button type="submit" class="button button-secondary">Genåbn besvarelse</button>
                  </form>`
              : null
          }
          <p class="mt-7"><a href="${surveyPath(edition.id)}">Se besvarelsen</a></p>
        </div>
      </div>`,
  });
}
