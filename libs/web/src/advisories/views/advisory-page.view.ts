import {
  RESPONSE_STATUSES,
  type AdvisoryDto,
  type AdvisoryResponsesDto,
  type ResponseRowDto,
} from '@app/advisories';
import { formatDateTime, html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs, csrfField } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { labelOf, TLP_LABELS } from '../../incidents/incident-labels';
import { dueWithCountdown, incidentPath, severityBadge } from '../../incidents/views/incident-bits.view';
import { choiceGroup, textArea } from '../../incidents/views/incident-fields.view';
import {
  advisoryPath,
  FIELD_LABELS,
  RESPONSE_STATUS_HINTS,
  RESPONSE_STATUS_LABELS,
  VERSION_KIND_LABELS,
} from '../advisory-labels';
import { rateText, responseBadge, withdrawnBadge } from './advisory-bits.view';

export interface AdvisoryFormProblem {
  form: 'svar' | 'tilbagetraek';
  errors: Record<string, string>;
  values: Record<string, string>;
}

export interface AdvisoryPageModel {
  user: PageUser;
  csrfToken: string;
  advisory: AdvisoryDto;
  /** KommuneCERT's matrix; null for an officer. */
  responses: AdvisoryResponsesDto | null;
  now: Date;
  notice?: string | null;
  conflict?: string | null;
  problem?: AdvisoryFormProblem;
}

const paragraphs = (text: string) =>
  text.split(/\n{2,}/).map((p) => html`<p class="incident-description">${p}</p>`);

function content(a: AdvisoryDto, now: Date): SafeHtml {
  const updated = a.version > 1 ? html`, senest ændret ${formatDateTime(a.updatedAt)}` : null;
  return html`<table class="table table--compact mb-5">
      <caption class="sr-only">
        Om varslet
      </caption>
      <tbody>
        <tr>
          <th scope="row">Alvor</th>
          <td>${severityBadge(a.severity)}</td>
        </tr>
        <tr>
          <th scope="row">Mærkning</th>
          <td>${labelOf(TLP_LABELS, a.tlp)}</td>
        </tr>
        <tr>
          <th scope="row">Svarfrist</th>
          <td>
            ${a.status === 'withdrawn' ? formatDateTime(a.respondBy) : dueWithCountdown(a.respondBy, now)}
          </td>
        </tr>
        <tr>
          <th scope="row">Udsendt</th>
          <td>${formatDateTime(a.createdAt)}${updated}</td>
        </tr>
      </tbody>
    </table>
    <p class="font-lead">${a.summary}</p>
    <h2>Beskrivelse</h2>
    ${paragraphs(a.body)}
    ${
      a.products.length > 0
        ? html`<h2>Berørte produkter</h2>
            <ul>
              ${a.products.map((p) => html`<li>${p}</li>`)}
            </ul>`
        : null
    }
    ${
      a.cveIds.length > 0
        ? html`<h2>CVE-numre</h2>
            <ul class="nobullet-list">
              ${a.cveIds.map(
                (c) =>
                  html`<li>
                    <a href="https://www.cve.org/CVERecord?id=${c}" rel="noopener noreferrer">${c}</a>
                  </li>`,
              )}
            </ul>`
        : null
    }
    <h2>Anbefalede handlinger</h2>
    ${paragraphs(a.recommendedActions)}
    ${
      a.incidents.length > 0
        ? html`<h2>Relaterede hændelser</h2>
            <ul>
              ${a.incidents.map((i) => html`<li><a href="${incidentPath(i.id)}">${i.reference}</a> ${i.title}</li>`)}
            </ul>`
        : null
    }`;
}

function versions(a: AdvisoryDto): SafeHtml {
  return html`<h2>Versioner</h2>
    <ol class="advisory-versions">
      ${a.versions.map(
        (v) =>
          html`<li>
            <strong>Version ${v.version}: ${VERSION_KIND_LABELS[v.kind]}</strong> ${formatDateTime(v.at)}
            ${
              v.changedFields.length > 0
                ? html`<br /><span class="form-hint"
                      >Ændret: ${v.changedFields.map((f) => FIELD_LABELS[f] ?? f).join(', ')}</span
                    >`
                : null
            }
            ${v.note ? html`<br />${v.note}` : null}
          </li>`,
      )}
    </ol>`;
}

/** The officer's answer: one of four statuses and a comment, for the whole municipality. */
function answerForm(m: AdvisoryPageModel): SafeHtml {
  const a = m.advisory;
  const mine = a.myResponse;
  const p = m.problem?.form === 'svar' ? m.problem : null;
  const status = p?.values.status ?? mine?.status ?? '';
  const comment = p?.values.comment ?? mine?.comment ?? '';
  return html`<section aria-labelledby="svar-heading" class="advisory-answer">
    <h2 id="svar-heading">Kommunens svar</h2>
    <p>
      Nu: ${responseBadge(mine?.status ?? null)}
      ${mine ? html`<span class="form-hint">(${formatDateTime(mine.statusAt)}, ${mine.respondedBy})</span>` : null}
    </p>
    <form method="post" action="${advisoryPath(a.id)}/svar" novalidate>
      ${csrfField(m.csrfToken)}
      ${choiceGroup(
        'status',
        'status',
        'Hvordan står kommunen i forhold til varslet?',
        RESPONSE_STATUSES.map((s) => ({
          value: s,
          label: RESPONSE_STATUS_LABELS[s],
          hint: RESPONSE_STATUS_HINTS[s],
        })),
        status,
        { error: p?.errors.status },
      )}
      ${textArea('comment', 'comment', 'Kommentar til KommuneCERT', comment, {
        optional: true,
        rows: 3,
        maxLength: 2000,
        error: p?.errors.comment,
      })}
      <button type="submit" class="button button-primary">Gem svar</button>
    </form>
  </section>`;
}

function matrixTable(caption: string, rows: ResponseRowDto[]): SafeHtml {
  return html`<div class="table--responsive-scroll" tabindex="0">
    <table class="table table--zebra advisory-matrix">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">Kommune</th>
          <th scope="col">Status</th>
          <th scope="col">Tidspunkt</th>
          <th scope="col">Kommentar</th>
          <th scope="col">Påmindet</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr data-municipality="${r.municipalityCode}">
              <th scope="row">${r.municipalityName}</th>
              <td>${responseBadge(r.status)}</td>
              <td>${r.statusAt ? formatDateTime(r.statusAt) : '—'}</td>
              <td>${r.comment ?? ''}</td>
              <td>${r.remindedAt ? formatDateTime(r.remindedAt) : '—'}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function certSections(m: AdvisoryPageModel): SafeHtml {
  const r = m.responses!;
  const a = m.advisory;
  const p = m.problem?.form === 'tilbagetraek' ? m.problem : null;
  return html`<section aria-labelledby="svar-heading">
      <h2 id="svar-heading">Svar fra kommunerne</h2>
      <p class="font-lead">Svaret: ${rateText(r.rate)}. Kun læst: ${r.rate.readOnly}.</p>
      ${
        r.notAnswered.length > 0
          ? html`<h3>
                ${r.overdue ? 'Har ikke svaret inden fristen' : 'Har ikke svaret endnu'}
                (${r.notAnswered.length})
              </h3>
              <p>${r.notAnswered.map((x) => x.municipalityName).join(', ')}</p>`
          : html`<p>Alle kommuner har svaret.</p>`
      }
      ${matrixTable('Alle modtagere', r.matrix)}
    </section>
    ${
      a.status === 'active'
        ? html`<section aria-labelledby="tilbagetraek-heading" class="mt-7">
            <h2 id="tilbagetraek-heading">Træk varslet tilbage</h2>
            <form method="post" action="${advisoryPath(a.id)}/tilbagetraek" novalidate>
              ${csrfField(m.csrfToken)}
              ${textArea('reason', 'reason', 'Begrundelse til kommunerne', p?.values.reason ?? '', {
                rows: 3,
                maxLength: 2000,
                error: p?.errors.reason,
              })}
              <button type="submit" class="button button-secondary">Træk varslet tilbage</button>
            </form>
          </section>`
        : null
    }`;
}

export function advisoryPageView(m: AdvisoryPageModel): string {
  const a = m.advisory;
  const cert = m.responses !== null;
  return layout({
    title: a.title,
    user: m.user,
    csrfToken: m.csrfToken,
    body: html`${breadcrumbs([
        { text: 'Forside', href: '/' },
        { text: 'Varsler', href: '/varsler' },
        { text: a.title },
      ])}
      <h1>${a.title} ${a.status === 'withdrawn' ? withdrawnBadge : null}</h1>
      ${m.notice ? alert('success', m.notice) : null}
      ${m.conflict ? alert('error', 'Ikke gemt', m.conflict) : null}
      ${
        a.status === 'withdrawn'
          ? alert(
              'warning',
              'Varslet er trukket tilbage',
              `${formatDateTime(a.withdrawnAt!)}. Begrundelse: ${a.withdrawalReason ?? ''}`,
            )
          : null
      }
      <div class="row">
        <div class="col-12 col-lg-8">${content(a, m.now)}</div>
        <div class="col-12 col-lg-4">${versions(a)}</div>
      </div>
      ${cert ? certSections(m) : a.status === 'active' ? answerForm(m) : null}`,
  });
}
