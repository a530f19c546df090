import { formatScore, html, SafeHtml } from '@app/ui';
import type { MaturityPanel, MaturityQuestion } from '../maturity-panel';

const hidden = (k: number) => `Skjult (færre end ${k} kommuner)`;

function nationalCell(q: MaturityQuestion, k: number): string {
  return q.nationalSuppressed ? hidden(k) : formatScore(q.nationalMean);
}

/**
 * "Modenhed i Baseline" on the incident page: the survey questions that relate to the incident's RSIT
 * class, with the national mean of the latest published edition, and the municipality's own answer
 * only for its own officers. KommuneCERT is told why it sees the national figures alone.
 */
export function maturitySection(panel: MaturityPanel | null, municipalityName: string): SafeHtml | null {
  if (!panel) return null;
  const intro = html`<p>
    Hændelsens klassifikation hænger sammen med disse områder af Baseline-undersøgelsen (skala 1–5, højere er
    bedre).
  </p>`;
  if (!panel.edition)
    return html`<section aria-labelledby="modenhed" class="mb-7">
      <h2 id="modenhed">Modenhed i Baseline</h2>
      ${intro}
      <p>Der er endnu ingen offentliggjorte resultater.</p>
    </section>`;
  const note = panel.own
    ? null
    : panel.notParticipated
      ? html`<p class="form-hint">
          ${municipalityName} deltog ikke i ${panel.edition.title}; her er landsgennemsnittet.
        </p>`
      : html`<p class="form-hint">
          En kommunes egne svar og resultater kan kun kommunen selv se. KommuneCERT ser derfor
          landsgennemsnittet for de områder, hændelsen hænger sammen med.
        </p>`;
  return html`<section aria-labelledby="modenhed" class="mb-7 incident-maturity">
    <h2 id="modenhed">Modenhed i ${panel.edition.title}</h2>
    ${intro} ${note}
    ${panel.topics.map(
      (t) =>
        html`<div class="table--responsive-scroll" tabindex="0">
          <table class="table table--compact" data-topic="${t.key}">
            <caption>
              ${t.title}
            </caption>
            <thead>
              <tr>
                <th scope="col">Spørgsmål</th>
                ${panel.own ? html`<th scope="col" class="text-align-right">Kommunen</th>` : null}
                <th scope="col" class="text-align-right">Landsgennemsnit</th>
              </tr>
            </thead>
            <tbody>
              ${t.questions.map(
                (q) =>
                  html`<tr data-question="${q.key}">
                    <th scope="row" class="weight-normal">${q.text}</th>
                    ${panel.own ? html`<td class="text-align-right">${formatScore(q.own)}</td>` : null}
                    <td class="text-align-right">${nationalCell(q, panel.k)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`,
    )}
  </section>`;
}
