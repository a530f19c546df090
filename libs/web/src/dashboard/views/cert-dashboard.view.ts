import type { ActiveAdvisoryRateRow } from '@app/advisories';
import type { AreaIncidents, IncidentDashboardYear, OpenIncidentsPicture } from '@app/incidents';
import {
  formatDateTime,
  formatDecimal,
  formatMonth,
  formatNumber,
  formatPercent,
  html,
  SafeHtml,
} from '@app/ui';
import { layout, PageUser } from '../../views/layout.view';
import { OBLIGATION_LABELS } from '../../incidents/incident-labels';
import { OPEN, queueUrl } from '../../incidents/queue-filters';
import { dueWithCountdown, incidentPath, severityBadge } from '../../incidents/views/incident-bits.view';
import { countTile } from '../../incidents/views/incident-home.view';
import { classesWithIncidents, monthsByClassChart, responseRateChart } from '../dashboard-charts';
import { chart, CHART_SCRIPTS, FigurePage, yearForm } from './figure-bits.view';

const TITLE = 'Overblik over hændelser';
export const DASHBOARD_PAGE: FigurePage = {
  title: TITLE,
  path: '/overblik',
  crumbs: [{ text: 'Forside', href: '/' }, { text: TITLE }],
};

export interface CertDashboardModel {
  user: PageUser;
  csrfToken: string;
  thisYear: number;
  year: number;
  /** The stored statistics of the year. */
  figures: IncidentDashboardYear;
  /** The open incidents now (live). */
  open: OpenIncidentsPicture;
  advisories: ActiveAdvisoryRateRow[];
}

function openNow(m: CertDashboardModel): SafeHtml {
  const { total, dueSoon, now, dueSoonHours } = m.open;
  return html`<section class="mb-7" aria-labelledby="aabne-nu">
    <h2 id="aabne-nu">Åbne hændelser lige nu</h2>
    <ul class="nobullet-list incident-tiles" id="open-counts">
      ${countTile(total.open, 'åbne hændelser', queueUrl({ status: OPEN }))}
      ${countTile(total.overdue, 'med overskredet frist', queueUrl({ view: 'overdue', status: OPEN }), true)}
      ${countTile(total.dueWithin, `med frist inden for ${dueSoonHours} timer`, queueUrl({ view: 'due24', status: OPEN }), true)}
    </ul>
    <h3>Frister inden for de næste ${dueSoonHours} timer</h3>
    ${
      dueSoon.total === 0
        ? html`<p>Ingen frister falder inden for de næste ${dueSoonHours} timer.</p>`
        : html`<div class="table--responsive-scroll" tabindex="0">
              <table class="table table--zebra table--compact" id="due-soon">
                <caption class="sr-only">
                  Frister inden for de næste ${dueSoonHours} timer, den nærmeste først
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Frist</th>
                    <th scope="col">Hændelse</th>
                    <th scope="col">Kommune</th>
                    <th scope="col">Pligt</th>
                  </tr>
                </thead>
                <tbody>
                  ${dueSoon.rows.map(
                    (r) =>
                      html`<tr>
                        <td>${dueWithCountdown(r.dueAt, now)}</td>
                        <th scope="row">
                          <a href="${incidentPath(r.incidentId)}" class="incident-ref">${r.reference}</a
                          ><br /><span class="weight-normal">${r.title}</span>
                        </th>
                        <td>${r.municipalityName}</td>
                        <td>${OBLIGATION_LABELS[r.kind] ?? r.kind}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            ${
              dueSoon.total > dueSoon.rows.length
                ? html`<p>
                    Viser de ${formatNumber(dueSoon.rows.length)} nærmeste af ${formatNumber(dueSoon.total)}
                    frister.
                    <a href="${queueUrl({ view: 'due24', status: OPEN })}">Se dem alle i arbejdskøen</a>
                  </p>`
                : null
            }`
    }
  </section>`;
}

function perMonth(m: CertDashboardModel): SafeHtml {
  const classes = classesWithIncidents(m.figures);
  const total = classes.reduce((sum, c) => sum + c.total, 0);
  const monthTotal = (i: number) => classes.reduce((sum, c) => sum + c.perMonth[i], 0);
  return html`<section class="mb-7" aria-labelledby="pr-maaned">
    <h2 id="pr-maaned">Hændelser pr. måned og klasse ${String(m.year)}</h2>
    <p>
      Hændelser efter den måned, KommuneCERT eller kommunen fik kendskab til dem, fordelt på RSIT-klasse.
      Hændelser afvist som »ikke en hændelse« og dubletter tæller ikke.
      ${m.figures.computedAt ? html`Beregnet ${formatDateTime(m.figures.computedAt)}.` : null}
      ${m.figures.stale ? html`De seneste ændringer er ved at blive talt med.` : null}
    </p>
    ${
      total === 0
        ? html`<p>Der er ingen hændelser i ${String(m.year)}.</p>`
        : html`${chart(monthsByClassChart(m.figures), `Stablet søjlediagram: hændelser pr. måned i ${m.year} fordelt på klasse.`)}
            <div class="table--responsive-scroll" tabindex="0">
              <table class="table table--zebra table--compact" id="per-month-by-class">
                <caption>
                  Hændelser pr. måned og klasse ${String(m.year)} (diagrammets tal; klasser uden hændelser er
                  udeladt)
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Måned</th>
                    ${classes.map((c) => html`<th scope="col">${c.label}</th>`)}
                    <th scope="col">I alt</th>
                  </tr>
                </thead>
                <tbody>
                  ${m.figures.months.map(
                    (month, i) =>
                      html`<tr>
                        <th scope="row">${formatMonth(month)}</th>
                        ${classes.map((c) => html`<td>${formatNumber(c.perMonth[i])}</td>`)}
                        <td><strong>${formatNumber(monthTotal(i))}</strong></td>
                      </tr>`,
                  )}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">Hele året</th>
                    ${classes.map((c) => html`<td><strong>${formatNumber(c.total)}</strong></td>`)}
                    <td><strong>${formatNumber(total)}</strong></td>
                  </tr>
                </tfoot>
              </table>
            </div>`
    }
  </section>`;
}

function regions(m: CertDashboardModel): SafeHtml {
  const row = (r: AreaIncidents, open: number, strong = false) =>
    html`<th scope="row">${r.name}</th>
      <td>${strong ? html`<strong>${formatNumber(r.incidents)}</strong>` : formatNumber(r.incidents)}</td>
      <td>${formatDecimal(r.per10k)}</td>
      <td>${formatNumber(open)}</td>`;
  return html`<section class="mb-7" aria-labelledby="regioner">
    <h2 id="regioner">Regionerne</h2>
    <div class="table--responsive-scroll" tabindex="0">
      <table class="table table--zebra" id="regions">
        <caption>
          Hændelser i ${String(m.year)} pr. region, pr. 10.000 indbyggere, og åbne hændelser lige nu
        </caption>
        <thead>
          <tr>
            <th scope="col">Region</th>
            <th scope="col">Hændelser ${String(m.year)}</th>
            <th scope="col">Pr. 10.000 indbyggere</th>
            <th scope="col">Åbne nu</th>
          </tr>
        </thead>
        <tbody>
          ${m.figures.regions.map(
            (r) =>
              html`<tr data-region="${String(r.code)}">
                ${row(r, m.open.byRegion.get(r.code)?.open ?? 0)}
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            ${row(m.figures.national, m.open.total.open, true)}
          </tr>
        </tfoot>
      </table>
    </div>
  </section>`;
}

function advisories(m: CertDashboardModel): SafeHtml {
  const share = (a: ActiveAdvisoryRateRow) => (a.targeted ? (a.answered / a.targeted) * 100 : null);
  return html`<section class="mb-7" aria-labelledby="varsler">
    <h2 id="varsler">Svar på aktive varsler</h2>
    <p>
      Besvaret: kommunen har svaret »ikke berørt«, »afhjælper« eller »afhjulpet«. »Kun læst« tæller ikke som
      svar.
    </p>
    ${
      m.advisories.length === 0
        ? html`<p>Der er ingen aktive varsler.</p>`
        : html`${chart(responseRateChart(m.advisories), 'Søjlediagram: andel af modtagerne, der har besvaret hvert aktivt varsel.')}
            <div class="table--responsive-scroll" tabindex="0">
              <table class="table table--zebra" id="advisory-rates">
                <caption>
                  Svarprocent pr. aktivt varsel (diagrammets tal), nærmeste svarfrist først
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Varsel</th>
                    <th scope="col">Svarfrist</th>
                    <th scope="col">Besvaret</th>
                    <th scope="col">Kun læst</th>
                    <th scope="col">Modtagere</th>
                    <th scope="col">Svarprocent</th>
                  </tr>
                </thead>
                <tbody>
                  ${m.advisories.map(
                    (a) =>
                      html`<tr>
                        <th scope="row">
                          <a href="/varsler/${a.id}">${a.title}</a><br />${severityBadge(a.severity)}
                        </th>
                        <td>${formatDateTime(a.respondBy)}</td>
                        <td>${formatNumber(a.answered)}</td>
                        <td>${formatNumber(a.readOnly)}</td>
                        <td>${formatNumber(a.targeted)}</td>
                        <td>${formatPercent(share(a))}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
    }
  </section>`;
}

function topMunicipalities(m: CertDashboardModel): SafeHtml {
  const top = m.open.topMunicipalities;
  return html`<section class="mb-7" aria-labelledby="flest-aabne">
    <h2 id="flest-aabne">Kommuner med flest åbne hændelser</h2>
    ${
      top.length === 0
        ? html`<p>Ingen kommuner har åbne hændelser.</p>`
        : html`<div class="table--responsive-scroll" tabindex="0">
            <table class="table table--zebra" id="top-municipalities">
              <caption class="sr-only">
                De ${formatNumber(top.length)} kommuner med flest åbne hændelser, flest først
              </caption>
              <thead>
                <tr>
                  <th scope="col">Nr.</th>
                  <th scope="col">Kommune</th>
                  <th scope="col">Åbne</th>
                  <th scope="col">Heraf med overskredet frist</th>
                </tr>
              </thead>
              <tbody>
                ${top.map(
                  (r, i) =>
                    html`<tr>
                      <td>${formatNumber(i + 1)}</td>
                      <th scope="row">
                        <a
                          href="${queueUrl({ municipality: String(r.municipalityCode).padStart(3, '0'), status: OPEN })}"
                          >${r.municipalityName}</a
                        >
                      </th>
                      <td>${formatNumber(r.open)}</td>
                      <td>${formatNumber(r.overdue)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}

/** KommuneCERT's dashboard: the open incidents now, the year's incidents, regions, advisories. */
export function certDashboardView(m: CertDashboardModel): string {
  return layout({
    title: TITLE,
    user: m.user,
    csrfToken: m.csrfToken,
    scripts: CHART_SCRIPTS,
    breadcrumbs: DASHBOARD_PAGE.crumbs,
    body: html`<div class="figure-page">
      <h1>${TITLE}</h1>
      <p class="font-lead">
        Kommunernes hændelser samlet: hvad der er åbent og haster nu, årets hændelser pr. måned og region, og
        hvordan kommunerne har svaret på KommuneCERTs varsler.
      </p>
      ${yearForm(DASHBOARD_PAGE.path, m.thisYear, m.year)} ${openNow(m)} ${perMonth(m)} ${regions(m)}
      ${advisories(m)} ${topMunicipalities(m)}
    </div>`,
  });
}
