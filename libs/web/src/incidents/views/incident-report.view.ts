import { BREACH_TYPES, INTAKE_WHAT_HAPPENED, SPECIAL_CATEGORIES } from '@app/incidents';
import { html } from '@app/ui';
import { breadcrumbs, csrfField, errorSummary } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { BREACH_TYPE_LABELS, SPECIAL_CATEGORY_LABELS } from '../incident-labels';
import type { ReportFormErrors, ReportFormFields } from '../report-form';
import { choiceGroup, dateTimeField, hidden, textArea, textField } from './incident-fields.view';

export interface IncidentReportModel {
  user: PageUser;
  csrfToken: string;
  fields: ReportFormFields;
  errors?: ReportFormErrors;
}

/** Where the error summary's links put the focus: each field's first input. */
const FIRST_INPUT: Record<keyof ReportFormFields, string> = {
  whatHappened: 'what-happened-0',
  title: 'title',
  description: 'description',
  awareDate: 'aware-at-date',
  awareTime: 'aware-at-time',
  personalData: 'personal-data-0',
  breachType: 'breach-type-0',
  approxSubjects: 'approx-subjects',
  specialCategories: 'special-categories-0',
  notifiable: 'notifiable-0',
  documentedOnlyReason: 'documented-only-reason',
  systemsDown: 'systems-down-0',
  idempotencyKey: 'title',
};

const YES_NO_UNSURE = [
  { value: 'ja', label: 'Ja' },
  { value: 'nej', label: 'Nej' },
  { value: 'ved-ikke', label: 'Ved ikke' },
];

/** The report form in plain Danish for a colleague who is not an IT person. */
export function incidentReportView({ user, csrfToken, fields: f, errors = {} }: IncidentReportModel): string {
  const problems = Object.entries(errors) as Array<[keyof ReportFormFields, string]>;
  return layout({
    title: 'Anmeld en hændelse',
    user,
    csrfToken,
    body: html`${breadcrumbs([
        { text: 'Forside', href: '/' },
        { text: 'Hændelser', href: '/haendelser' },
        { text: 'Anmeld en hændelse' },
      ])}
      <div class="row">
        <div class="col-12 col-lg-9">
          <h1>Anmeld en hændelse</h1>
          <p class="font-lead">
            Fortæl kort, hvad der er sket. Du behøver ikke kende de tekniske detaljer: KommuneCERT vurderer
            hændelsen og kontakter jer, hvis der mangler noget.
          </p>
          ${
            problems.length > 0
              ? errorSummary(
                  'Hændelsen blev ikke anmeldt',
                  'Ret det, der er markeret herunder:',
                  problems.map(([field, text]) => ({ href: `#${FIRST_INPUT[field]}`, text })),
                )
              : null
          }
          <form method="post" action="/haendelser/ny" novalidate class="incident-report">
            ${csrfField(csrfToken)} ${hidden('idempotencyKey', f.idempotencyKey)}
            ${choiceGroup(
              'what-happened',
              'whatHappened',
              'Hvad er der sket?',
              Object.entries(INTAKE_WHAT_HAPPENED).map(([value, label]) => ({ value, label })),
              f.whatHappened,
              {
                hint: 'Vælg det, der passer bedst. Du kan forklare mere nedenfor.',
                error: errors.whatHappened,
              },
            )}
            ${textField('title', 'title', 'Overskrift', f.title, {
              hint: 'Fx »Brev med sagsakter sendt til forkert borger«.',
              error: errors.title,
              maxLength: 200,
            })}
            ${textArea('description', 'description', 'Beskriv kort, hvad der skete', f.description, {
              optional: true,
              hint: 'Hvad skete der, hvem opdagede det, og hvad har I gjort indtil nu?',
              error: errors.description,
              rows: 4,
              maxLength: 20000,
            })}
            ${dateTimeField(
              'aware-at',
              { date: 'awareDate', time: 'awareTime' },
              'Hvornår fik I kendskab til hændelsen?',
              { date: f.awareDate, time: f.awareTime },
              {
                hint: 'Fristerne (fx 72 timer til Datatilsynet) regnes fra dette tidspunkt.',
                error: errors.awareDate ?? errors.awareTime,
              },
            )}
            ${choiceGroup(
              'systems-down',
              'systemsDown',
              'Er systemer nede, så borgerne ikke kan betjenes som normalt?',
              YES_NO_UNSURE.slice(0, 2),
              f.systemsDown,
              {
                error: errors.systemsDown,
              },
            )}
            ${choiceGroup(
              'personal-data',
              'personalData',
              'Er personoplysninger involveret?',
              YES_NO_UNSURE,
              f.personalData,
              {
                hint: 'Fx navne, CPR-numre, sagsakter eller helbredsoplysninger om borgere eller ansatte.',
                error: errors.personalData,
              },
            )}
            <fieldset class="incident-breach">
              <legend class="h4">Kun hvis personoplysninger er involveret</legend>
              ${choiceGroup(
                'breach-type',
                'breachType',
                'Hvad skete der med personoplysningerne?',
                BREACH_TYPES.map((value) => ({ value, label: BREACH_TYPE_LABELS[value] })),
                f.breachType,
                { error: errors.breachType },
              )}
              ${textField(
                'approx-subjects',
                'approxSubjects',
                'Cirka hvor mange personer drejer det sig om?',
                f.approxSubjects,
                {
                  optional: true,
                  hint: 'Et skøn er fint.',
                  error: errors.approxSubjects,
                  inputClass: 'input-width-s',
                  inputmode: 'numeric',
                },
              )}
              ${choiceGroup(
                'special-categories',
                'specialCategories',
                'Er der følsomme oplysninger imellem?',
                SPECIAL_CATEGORIES.map((value) => ({ value, label: SPECIAL_CATEGORY_LABELS[value] })),
                f.specialCategories,
                {
                  multiple: true,
                  optional: true,
                  hint: 'Sæt kryds ved dem, der er med (GDPR artikel 9).',
                  error: errors.specialCategories,
                },
              )}
              ${choiceGroup(
                'notifiable',
                'notifiable',
                'Skal bruddet anmeldes til Datatilsynet?',
                YES_NO_UNSURE,
                f.notifiable,
                {
                  hint: 'Spørg jeres databeskyttelsesrådgiver. Er du i tvivl, så vælg »Ved ikke«: så løber fristen på 72 timer, indtil det er afklaret.',
                  error: errors.notifiable,
                },
              )}
              ${textArea(
                'documented-only-reason',
                'documentedOnlyReason',
                'Hvis nej: hvorfor skal bruddet ikke anmeldes?',
                f.documentedOnlyReason,
                {
                  optional: true,
                  error: errors.documentedOnlyReason,
                  rows: 2,
                  maxLength: 4000,
                },
              )}
            </fieldset>
            <button type="submit" class="button button-primary">Anmeld hændelsen</button>
          </form>
        </div>
      </div>`,
  });
}
