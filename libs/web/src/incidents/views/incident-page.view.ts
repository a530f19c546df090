import type { MaturityPanel } from '../maturity-panel';
import { maturitySection } from './incident-maturity.view';
import type {
  AttachmentView,
  IncidentComment,
  IncidentView,
  ObligationView,
  RsitClass,
  TimelineEntryView,
} from '@app/incidents';
import {
  NOT_AN_INCIDENT_DISPOSITIONS,
  NIS2_SIGNIFICANCE,
  RSIT_TAXONOMY,
  SEVERITIES,
  TLP_LEVELS,
} from '@app/incidents';
import { formatDateTime, formatNumber, html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs, csrfField } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { countdown } from '../countdown';
import {
  BREACH_NATURE_LABELS,
  BREACH_TYPE_LABELS,
  DISPOSITION_LABELS,
  labelOf,
  NIS2_SIGNIFICANCE_LABELS,
  OBLIGATION_LABELS,
  RSIT_CLASS_LABELS,
  RSIT_TYPE_LABELS,
  SEVERITY_LABELS,
  SPECIAL_CATEGORY_LABELS,
  TLP_LABELS,
  TRANSITION_LABELS,
} from '../incident-labels';
import { incidentPath, severityBadge, statusBadge } from './incident-bits.view';
import { choiceGroup, dateTimeField, hidden, selectField, textArea, textField } from './incident-fields.view';
import { timelineText } from './incident-timeline.view';

/** A form on the page that failed: its errors beside the fields and what was typed. */
export interface FormProblem {
  form: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

export interface IncidentPageModel {
  user: PageUser;
  csrfToken: string;
  cert: boolean;
  selfId: string;
  now: Date;
  incident: IncidentView;
  municipalityName: string;
  duplicateOfReference: string | null;
  timeline: TimelineEntryView[];
  comments: IncidentComment[];
  attachments: AttachmentView[];
  analysts: Array<{ id: string; name: string }>;
  /** The related Baseline maturity, or null when the RSIT class relates to no survey topic. */
  maturity: MaturityPanel | null;
  notice?: string | null;
  conflict?: string | null;
  problem?: FormProblem | null;
}

const action = (m: IncidentPageModel, path: string) => `${incidentPath(m.incident.id)}/${path}`;
const errorsOf = (m: IncidentPageModel, form: string) => (m.problem?.form === form ? m.problem.errors : {});
const valueOf = (m: IncidentPageModel, form: string, field: string, fallback: string) =>
  m.problem?.form === form ? (m.problem.values[field] ?? fallback) : fallback;

function row(label: string, value: SafeHtml | string | null): SafeHtml {
  return html`<tr>
    <th scope="row">${label}</th>
    <td>${value ?? '–'}</td>
  </tr>`;
}

function details(m: IncidentPageModel): SafeHtml {
  const i = m.incident;
  const pdb = i.personalDataBreach;
  const assignee = i.assigneeId
    ? (m.analysts.find((a) => a.id === i.assigneeId)?.name ?? 'En KommuneCERT-analytiker')
    : 'Ikke tildelt';
  return html`<section aria-labelledby="oplysninger" class="mb-7">
    <h2 id="oplysninger">Oplysninger</h2>
    <div class="table--responsive-scroll" tabindex="0">
      <table class="table table--compact incident-details">
        <tbody>
          ${row('Kommune', m.municipalityName)} ${row('Status', statusBadge(i.status))}
          ${i.disposition ? row('Afvisningsårsag', labelOf(DISPOSITION_LABELS, i.disposition)) : null}
          ${i.duplicateOfId ? row('Dublet af', html`<a href="${incidentPath(i.duplicateOfId)}">${m.duplicateOfReference ?? 'den oprindelige hændelse'}</a>`) : null}
          ${row('Klassifikation (RSIT)', `${labelOf(RSIT_CLASS_LABELS, i.rsitClass)} – ${labelOf(RSIT_TYPE_LABELS, i.rsitType)}`)}
          ${row('Alvor', severityBadge(i.severity))} ${row('TLP', labelOf(TLP_LABELS, i.tlp))}
          ${row('Væsentlig efter NIS2', labelOf(NIS2_SIGNIFICANCE_LABELS, i.nis2Significant))}
          ${row('Tildelt', assignee)} ${row('Anmeldt af', `${i.reporter} (${formatDateTime(i.createdAt)})`)}
          ${row('Fik kendskab', formatDateTime(i.awareAt))}
          ${i.occurredAt ? row('Skete', formatDateTime(i.occurredAt)) : null}
          ${i.containedAt ? row('Inddæmmet', formatDateTime(i.containedAt)) : null}
          ${i.resolvedAt ? row('Løst', formatDateTime(i.resolvedAt)) : null}
          ${i.closedAt ? row('Lukket', formatDateTime(i.closedAt)) : null}
          ${row(
            'Personoplysninger',
            pdb
              ? html`${labelOf(BREACH_TYPE_LABELS, pdb.type)}${pdb.approxSubjects !== null ? `, ca. ${formatNumber(pdb.approxSubjects)} personer` : ''}<br />
                  <span class="form-hint"
                    >${pdb.nature.map((n) => labelOf(BREACH_NATURE_LABELS, n)).join('; ')}${
                      pdb.specialCategories.length > 0
                        ? ` · Følsomme: ${pdb.specialCategories.map((c) => labelOf(SPECIAL_CATEGORY_LABELS, c)).join(', ')}`
                        : ''
                    }</span
                  ><br />${pdb.notifiable ? 'Skal anmeldes til Datatilsynet' : `Kun dokumenteret: ${pdb.documentedOnlyReason ?? ''}`}`
              : 'Ingen',
          )}
        </tbody>
      </table>
    </div>
    ${
      i.description
        ? html`<h3 class="h5">Beskrivelse</h3>
            <p class="incident-description">${i.description}</p>`
        : null
    }
  </section>`;
}

function obligationStatus(o: ObligationView, now: Date): SafeHtml {
  if (o.submittedAt) {
    return html`<span class="badge badge-success">Indsendt</span>
      ${formatDateTime(o.submittedAt)}${o.reference ? html`, reference <strong>${o.reference}</strong>` : null}
      ${o.late ? html`<br /><span class="incident-due--overdue">For sent. Årsag: ${o.reasonForDelay}</span>` : null}`;
  }
  const c = countdown(o.dueAt, now);
  return html`<strong class="${c.overdue ? 'incident-due--overdue' : ''}">${c.text}</strong>`;
}

function submitForm(m: IncidentPageModel, o: ObligationView): SafeHtml {
  const form = `frist-${o.kind}`;
  const e = errorsOf(m, form);
  const id = (f: string) => `${o.kind}-${f}`;
  const open = Object.keys(e).length > 0;
  return html`<details class="incident-submit" ${open ? html`open` : null}>
    <summary>Registrér indsendelse<span class="sr-only">: ${OBLIGATION_LABELS[o.kind]}</span></summary>
    <form method="post" action="${action(m, `frister/${o.kind}`)}" novalidate>
      ${csrfField(m.csrfToken)}
      ${dateTimeField(
        id('submitted-at'),
        { date: 'submittedDate', time: 'submittedTime' },
        'Hvornår blev den indsendt?',
        { date: valueOf(m, form, 'submittedDate', ''), time: valueOf(m, form, 'submittedTime', '') },
        { error: e.submittedAt },
      )}
      ${textField(
        id('reference'),
        'reference',
        'Modtagerens reference (sagsnummer)',
        valueOf(m, form, 'reference', ''),
        {
          optional: true,
          error: e.reference,
          maxLength: 200,
        },
      )}
      ${textArea(
        id('reason'),
        'reasonForDelay',
        'Årsag til forsinkelse',
        valueOf(m, form, 'reasonForDelay', ''),
        {
          optional: !o.overdue,
          hint: o.overdue
            ? 'Fristen er overskredet, så årsagen skal oplyses.'
            : 'Skal kun udfyldes, hvis fristen blev overskredet.',
          error: e.reasonForDelay,
          rows: 2,
          maxLength: 4000,
        },
      )}
      <button type="submit" class="button button-secondary">Gem indsendelse</button>
    </form>
  </details>`;
}

function obligations(m: IncidentPageModel): SafeHtml {
  const list = m.incident.obligations;
  return html`<section aria-labelledby="frister" class="mb-7">
    <h2 id="frister">Frister</h2>
    ${
      list.length === 0
        ? html`<p>
            Hændelsen har ingen lovbestemte frister (ingen anmeldelsespligtigt brud og ikke væsentlig efter
            NIS2).
          </p>`
        : html`<ul class="nobullet-list incident-obligations">
            ${list.map(
              (o) =>
                html`<li class="incident-obligation" data-obligation="${o.kind}">
                  <h3 class="h5 mb-2">${OBLIGATION_LABELS[o.kind]}</h3>
                  <p class="mt-0 mb-2">Frist: ${formatDateTime(o.dueAt)} · ${obligationStatus(o, m.now)}</p>
                  ${o.submittedAt ? null : submitForm(m, o)}
                </li>`,
            )}
          </ul>`
    }
  </section>`;
}

function rsitChoices() {
  return (Object.keys(RSIT_TAXONOMY) as RsitClass[]).map((c) => ({
    group: RSIT_CLASS_LABELS[c],
    choices: (RSIT_TAXONOMY[c] as readonly string[]).map((t) => ({
      value: `${c}/${t}`,
      label: `${RSIT_CLASS_LABELS[c]}: ${labelOf(RSIT_TYPE_LABELS, t)}`,
    })),
  }));
}

function triageForm(m: IncidentPageModel): SafeHtml {
  const i = m.incident;
  const e = errorsOf(m, 'vurdering');
  const v = (f: string, d: string) => valueOf(m, 'vurdering', f, d);
  return html`<form method="post" action="${action(m, 'vurdering')}" novalidate class="incident-action">
    <h3 class="h4">Vurdering</h3>
    ${csrfField(m.csrfToken)} ${hidden('version', i.version)}
    ${selectField(
      'triage-rsit',
      'rsit',
      'Klassifikation (RSIT)',
      rsitChoices(),
      v('rsit', `${i.rsitClass}/${i.rsitType}`),
      {
        error: e.rsitClass ?? e.rsitType,
        hint: 'Anmelderens svar gav et forslag; ret det her.',
      },
    )}
    ${selectField(
      'triage-severity',
      'severity',
      'Alvor',
      SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] })),
      v('severity', i.severity),
      { error: e.severity },
    )}
    ${selectField(
      'triage-tlp',
      'tlp',
      'TLP',
      TLP_LEVELS.map((t) => ({ value: t, label: TLP_LABELS[t] })),
      v('tlp', i.tlp),
      { error: e.tlp },
    )}
    ${selectField(
      'triage-nis2',
      'nis2Significant',
      'Væsentlig hændelse efter NIS2',
      NIS2_SIGNIFICANCE.map((s) => ({ value: s, label: NIS2_SIGNIFICANCE_LABELS[s] })),
      v('nis2Significant', i.nis2Significant),
      {
        error: e.nis2Significant,
        hint: 'Ja giver fristerne for tidlig varsling (24 t), underretning (72 t) og endelig rapport.',
      },
    )}
    <button type="submit" class="button button-secondary">Gem vurdering</button>
  </form>`;
}

function assignForm(m: IncidentPageModel): SafeHtml {
  const i = m.incident;
  const e = errorsOf(m, 'tildeling');
  return html`<form method="post" action="${action(m, 'tildeling')}" novalidate class="incident-action">
    <h3 class="h4">Tildeling</h3>
    ${csrfField(m.csrfToken)} ${hidden('version', i.version)}
    ${selectField(
      'assign-analyst',
      'assigneeId',
      'Analytiker',
      [
        { value: '', label: 'Ingen' },
        ...m.analysts.map((a) => ({ value: a.id, label: a.id === m.selfId ? `${a.name} (mig)` : a.name })),
      ],
      valueOf(m, 'tildeling', 'assigneeId', i.assigneeId ?? ''),
      { error: e.assigneeId },
    )}
    <button type="submit" class="button button-secondary">Tildel</button>
    ${
      i.assigneeId !== m.selfId
        ? html`<button type="submit" class="button button-tertiary" name="assignSelf" value="1">
            Tildel mig
          </button>`
        : null
    }
  </form>`;
}

function statusForm(m: IncidentPageModel): SafeHtml {
  const i = m.incident;
  const e = errorsOf(m, 'status');
  const v = (f: string) => valueOf(m, 'status', f, '');
  const allowed = i.allowedTransitions;
  return html`<form method="post" action="${action(m, 'status')}" novalidate class="incident-action">
    <h3 class="h4">Status</h3>
    ${csrfField(m.csrfToken)} ${hidden('version', i.version)}
    <p>Nu: ${statusBadge(i.status)}</p>
    ${choiceGroup(
      'status-to',
      'to',
      'Skift status til',
      allowed.map((s) => ({ value: s, label: TRANSITION_LABELS[s] })),
      v('to'),
      { error: e.to },
    )}
    ${
      allowed.includes('not_an_incident')
        ? selectField(
            'status-disposition',
            'disposition',
            'Hvis ikke en hændelse: hvorfor?',
            [
              { value: '', label: 'Vælg' },
              ...NOT_AN_INCIDENT_DISPOSITIONS.map((d) => ({ value: d, label: DISPOSITION_LABELS[d] })),
            ],
            v('disposition'),
            { error: e.disposition },
          )
        : null
    }
    ${
      allowed.includes('duplicate')
        ? textField(
            'status-duplicate-of',
            'duplicateOf',
            'Hvis dublet: den oprindelige hændelses reference',
            v('duplicateOf'),
            {
              hint: 'Fx KCERT-2026-0042',
              error: e.duplicateOf,
              maxLength: 60,
              inputClass: 'input-width-m',
            },
          )
        : null
    }
    ${textArea('status-reason', 'reason', 'Begrundelse', v('reason'), { optional: true, error: e.reason, rows: 2, maxLength: 4000 })}
    <button type="submit" class="button button-primary">Skift status</button>
  </form>`;
}

function certActions(m: IncidentPageModel): SafeHtml | null {
  if (!m.cert) return null;
  return html`<section aria-labelledby="behandling" class="mb-7 incident-handling">
    <h2 id="behandling">Behandling (KommuneCERT)</h2>
    <div class="incident-actions">${triageForm(m)} ${assignForm(m)} ${statusForm(m)}</div>
  </section>`;
}

function comments(m: IncidentPageModel): SafeHtml {
  const e = errorsOf(m, 'kommentar');
  return html`<section aria-labelledby="kommentarer" class="mb-7">
    <h2 id="kommentarer">Kommentarer</h2>
    ${
      m.comments.length === 0
        ? html`<p>Ingen kommentarer endnu.</p>`
        : html`<ul class="nobullet-list incident-comments">
            ${m.comments.map(
              (c) =>
                html`<li class="incident-comment ${c.internal ? 'incident-comment--internal' : ''}">
                  <p class="form-hint mb-2 mt-0">
                    ${c.author} · ${formatDateTime(c.createdAt)}
                    ${c.internal ? html` · <span class="badge badge-warning">Intern</span>` : null}
                    ${c.tlp ? html` · ${labelOf(TLP_LABELS, c.tlp)}` : null}
                  </p>
                  <p class="incident-description mt-0">${c.body}</p>
                </li>`,
            )}
          </ul>`
    }
    <form method="post" action="${action(m, 'kommentarer')}" novalidate>
      ${csrfField(m.csrfToken)}
      ${textArea('comment-body', 'body', 'Ny kommentar', valueOf(m, 'kommentar', 'body', ''), {
        error: e.body,
        rows: 3,
        maxLength: 20000,
        hint: m.cert ? null : 'Kommentaren kan ses af kommunen og KommuneCERT.',
      })}
      ${
        m.cert
          ? choiceGroup(
              'comment-internal',
              'internal',
              'Hvem må se kommentaren?',
              [{ value: '1', label: 'Kun KommuneCERT (intern kommentar)' }],
              valueOf(m, 'kommentar', 'internal', ''),
              {
                multiple: true,
              },
            )
          : null
      }
      <button type="submit" class="button button-secondary">Tilføj kommentar</button>
    </form>
  </section>`;
}

function attachments(m: IncidentPageModel): SafeHtml {
  const e = errorsOf(m, 'bilag');
  return html`<section aria-labelledby="bilag" class="mb-7">
    <h2 id="bilag">Bilag</h2>
    ${
      m.attachments.length === 0
        ? html`<p>Ingen bilag endnu.</p>`
        : html`<ul class="incident-attachments">
            ${m.attachments.map(
              (a) =>
                html`<li>
                  <a href="${action(m, `bilag/${a.id}`)}">${a.fileName}</a>
                  <span class="form-hint"
                    >(${formatNumber(Math.ceil(a.size / 1024))} kB, ${a.uploadedBy},
                    ${formatDateTime(a.createdAt)}${a.internal ? ', intern' : ''})</span
                  >
                </li>`,
            )}
          </ul>`
    }
    <form method="post" action="${action(m, 'bilag')}" enctype="multipart/form-data" novalidate>
      ${csrfField(m.csrfToken)}
      <div class="form-group ${e.file ? 'form-error' : ''}">
        <label class="form-label" for="attachment-file">Tilføj et bilag</label>
        <span class="form-hint" id="attachment-file-hint"
          >PDF, billede (PNG, JPEG, GIF), ZIP eller tekst; højst 10 MB.</span
        >
        ${e.file ? html`<span class="form-error-message" id="attachment-file-error"><span class="sr-only">Fejl: </span>${e.file}</span>` : null}
        <input
          type="file"
          class="form-file-input"
          id="attachment-file"
          name="file"
          aria-describedby="attachment-file-hint${e.file ? ' attachment-file-error' : ''}"
          ${e.file ? html`aria-invalid="true"` : null}
        />
      </div>
      ${
        m.cert
          ? choiceGroup(
              'attachment-internal',
              'internal',
              'Hvem må se bilaget?',
              [{ value: '1', label: 'Kun KommuneCERT (internt bilag)' }],
              '',
              { multiple: true },
            )
          : null
      }
      <button type="submit" class="button button-secondary">Upload bilag</button>
    </form>
  </section>`;
}

function timeline(m: IncidentPageModel): SafeHtml {
  const names = new Map(m.analysts.map((a) => [a.id, a.name]));
  return html`<section aria-labelledby="tidslinje" class="mb-7">
    <h2 id="tidslinje">Tidslinje</h2>
    <ol class="nobullet-list incident-timeline">
      ${[...m.timeline].reverse().map(
        (e) =>
          html`<li>
            <p class="form-hint mt-0 mb-0">
              ${formatDateTime(e.at)} · ${e.actor}${e.internal ? ' · intern' : ''}
            </p>
            <p class="mt-0">${timelineText(e, names)}</p>
          </li>`,
      )}
    </ol>
  </section>`;
}

/** The incident page: details, deadlines, KommuneCERT's handling, comments, attachments and timeline. */
export function incidentPageView(m: IncidentPageModel): string {
  const i = m.incident;
  return layout({
    title: `${i.reference}: ${i.title}`,
    user: m.user,
    csrfToken: m.csrfToken,
    body: html`${breadcrumbs([
        { text: 'Forside', href: '/' },
        { text: m.cert ? 'Arbejdskø' : 'Hændelser', href: '/haendelser' },
        { text: i.reference },
      ])}
      <h1><span class="incident-reference">${i.reference}</span> ${i.title}</h1>
      ${m.conflict ? alert('warning', 'Hændelsen er blevet ændret af en anden', m.conflict) : null}
      ${m.notice ? alert('success', m.notice) : null}
      ${m.problem && !m.conflict ? alert('error', 'Ændringen blev ikke gemt', 'Ret det, der er markeret ved feltet herunder.') : null}
      ${details(m)} ${maturitySection(m.maturity, m.municipalityName)} ${obligations(m)} ${certActions(m)}
      ${comments(m)} ${attachments(m)} ${timeline(m)}`,
  });
}
