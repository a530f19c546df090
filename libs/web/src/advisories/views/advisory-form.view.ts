import { SEVERITIES, TLP_LEVELS } from '@app/incidents';
import { html, SafeHtml } from '@app/ui';
import { breadcrumbs, csrfField, errorSummary } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { SEVERITY_LABELS, TLP_LABELS } from '../../incidents/incident-labels';
import {
  choiceGroup,
  dateTimeField,
  selectField,
  textArea,
  textField,
} from '../../incidents/views/incident-fields.view';
import type { AdvisoryFormErrors, AdvisoryFormFields } from '../advisory-form';

export interface AdvisoryFormModel {
  user: PageUser;
  csrfToken: string;
  fields: AdvisoryFormFields;
  errors?: AdvisoryFormErrors;
  municipalities: Array<{ code: number; name: string; regionCode: number; regionName: string }>;
}

/** Where the error summary's links put the focus: each field's first input. */
const FIRST_INPUT: Record<keyof AdvisoryFormFields, string> = {
  title: 'title',
  summary: 'summary',
  body: 'body',
  severity: 'severity',
  tlp: 'tlp',
  products: 'products',
  cveIds: 'cve-ids',
  recommendedActions: 'recommended-actions',
  respondDate: 'respond-by-date',
  respondTime: 'respond-by-time',
  audience: 'audience-0',
  regions: 'regions-0',
  municipalities: 'audience-0',
};

/** The regions to tick, and each region's municipalities in a fold of their own. */
function audienceChoices(m: AdvisoryFormModel): SafeHtml {
  const regions = [...new Map(m.municipalities.map((x) => [x.regionCode, x.regionName])).entries()].sort(
    ([a], [b]) => a - b,
  );
  return html`<div class="advisory-audience">
    ${choiceGroup(
      'regions',
      'regions',
      'Hele regioner',
      regions.map(([code, name]) => ({ value: String(code), label: name })),
      m.fields.regions,
      { multiple: true, optional: true },
    )}
    ${regions.map(([code, name]) => {
      const members = m.municipalities
        .filter((x) => x.regionCode === code)
        .sort((a, b) => a.name.localeCompare(b.name, 'da'));
      return html`<details class="details">
        <summary class="details-summary">Enkelte kommuner i ${name}</summary>
        <div class="details-text">
          ${choiceGroup(
            `municipalities-${code}`,
            'municipalities',
            `Kommuner i ${name}`,
            members.map((x) => ({ value: String(x.code), label: x.name })),
            m.fields.municipalities,
            { multiple: true, optional: true },
          )}
        </div>
      </details>`;
    })}
  </div>`;
}

/** KommuneCERT's form for a new advisory (varsel). */
export function advisoryFormView(m: AdvisoryFormModel): string {
  const { fields: f, errors = {} } = m;
  const problems = Object.entries(errors) as Array<[keyof AdvisoryFormFields, string]>;
  return layout({
    title: 'Nyt varsel',
    user: m.user,
    csrfToken: m.csrfToken,
    body: html`${breadcrumbs([
        { text: 'Forside', href: '/' },
        { text: 'Varsler', href: '/varsler' },
        { text: 'Nyt varsel' },
      ])}
      <div class="row">
        <div class="col-12 col-lg-9">
          <h1>Nyt varsel</h1>
          <p class="font-lead">
            Varslet går straks til sikkerhedskoordinatorerne i de valgte kommuner, i Baseline og pr. mail. Ved
            TLP:AMBER og TLP:RED står indholdet kun i Baseline, ikke i mailen.
          </p>
          ${
            problems.length > 0
              ? errorSummary(
                  'Varslet blev ikke sendt',
                  'Ret det, der er markeret herunder:',
                  problems.map(([field, text]) => ({ href: `#${FIRST_INPUT[field]}`, text })),
                )
              : null
          }
          <form method="post" action="/varsler/ny" novalidate class="advisory-form">
            ${csrfField(m.csrfToken)}
            ${textField('title', 'title', 'Overskrift', f.title, { error: errors.title, maxLength: 200 })}
            ${textArea('summary', 'summary', 'Resumé', f.summary, {
              hint: 'To-tre linjer. Står i beskeden til kommunerne.',
              error: errors.summary,
              rows: 3,
              maxLength: 1000,
            })}
            ${textArea('body', 'body', 'Beskrivelse', f.body, { error: errors.body, rows: 8, maxLength: 20000 })}
            ${selectField(
              'severity',
              'severity',
              'Alvor',
              SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] })),
              f.severity,
              { error: errors.severity },
            )}
            ${selectField(
              'tlp',
              'tlp',
              'TLP-mærkning',
              TLP_LEVELS.map((t) => ({ value: t, label: TLP_LABELS[t] })),
              f.tlp,
              { error: errors.tlp },
            )}
            ${textArea('products', 'products', 'Berørte produkter', f.products, {
              hint: 'Et produkt pr. linje, fx Palo Alto PAN-OS 10.2. Angiv produkter, CVE-numre eller begge.',
              error: errors.products,
              rows: 3,
              optional: true,
            })}
            ${textField('cve-ids', 'cveIds', 'CVE-numre', f.cveIds, {
              hint: 'Adskilt med komma, fx CVE-2024-3400, CVE-2024-3401.',
              error: errors.cveIds,
              optional: true,
            })}
            ${textArea(
              'recommended-actions',
              'recommendedActions',
              'Anbefalede handlinger',
              f.recommendedActions,
              {
                error: errors.recommendedActions,
                rows: 5,
                maxLength: 10000,
              },
            )}
            ${dateTimeField(
              'respond-by',
              { date: 'respondDate', time: 'respondTime' },
              'Svarfrist',
              { date: f.respondDate, time: f.respondTime },
              {
                hint: 'Hvornår kommunerne senest skal svare. De, der ikke har svaret, får en påmindelse.',
                error: errors.respondDate,
              },
            )}
            ${choiceGroup(
              'audience',
              'audience',
              'Hvem skal have varslet?',
              [
                { value: 'alle', label: 'Alle 98 kommuner' },
                { value: 'udvalgte', label: 'Udvalgte regioner og kommuner', hint: 'Vælg herunder.' },
              ],
              f.audience,
              { error: errors.audience },
            )}
            ${audienceChoices(m)}
            <button type="submit" class="button button-primary">Send varslet</button>
          </form>
        </div>
      </div>`,
  });
}
