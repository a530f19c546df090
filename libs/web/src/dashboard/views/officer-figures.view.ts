import { formatDecimal, formatNumber, html, SafeHtml } from '@app/ui';
import { layout, PageUser } from '../../views/layout.view';
import { alert } from '../../views/components.view';
import { ratesChart } from '../dashboard-charts';
import { chart, CHART_SCRIPTS, countOrHidden, FigurePage, yearForm } from './figure-bits.view';

const TITLE = 'Hændelser i tal';
export const OFFICER_FIGURES_PAGE: FigurePage = {
  title: TITLE,
  path: '/haendelsestal',
  crumbs: [{ text: 'Forside', href: '/' }, { text: 'Hændelser', href: '/haendelser' }, { text: TITLE }],
};

/** One scope's figures as the API gives the officer: null where suppressed below K. */
export interface ScopeFigures {
  label: string;
  incidents: number | null;
  per10k: number | null;
  population: number;
}

export interface OfficerFiguresModel {
  user: PageUser;
  csrfToken: string;
  thisYear: number;
  year: number;
  k: number;
  /** The municipality itself, its region, the whole country. */
  own: ScopeFigures;
  region: ScopeFigures;
  national: ScopeFigures;
  /** Per RSIT class, incidents per 10,000 inhabitants of each scope (null: suppressed). */
  classes: Array<{ label: string; own: number | null; region: number | null; national: number | null }>;
}

const per10kOrHidden = (v: number | null, hidden: boolean) => (hidden ? 'Skjult' : formatDecimal(v));

function comparison(m: OfficerFiguresModel): SafeHtml {
  const rows = [m.own, m.region, m.national];
  return html`${chart(
      ratesChart(rows),
      `Søjlediagram: hændelser pr. 10.000 indbyggere i ${m.year} for kommunen, regionen og hele landet.`,
    )}
    <div class="table--responsive-scroll" tabindex="0">
      <table class="table table--zebra" id="rates">
        <caption>
          Hændelser i ${String(m.year)} pr. 10.000 indbyggere (diagrammets tal)
        </caption>
        <thead>
          <tr>
            <th scope="col">Område</th>
            <th scope="col">Hændelser</th>
            <th scope="col">Indbyggere</th>
            <th scope="col">Pr. 10.000 indbyggere</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                <th scope="row">${r.label}</th>
                <td>${countOrHidden(r.incidents)}</td>
                <td>${formatNumber(r.population)}</td>
                <td>${per10kOrHidden(r.per10k, r.incidents === null)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

function byClass(m: OfficerFiguresModel): SafeHtml {
  return html`<h2>Pr. klasse</h2>
    <div class="table--responsive-scroll" tabindex="0">
      <table class="table table--zebra table--compact" id="rates-by-class">
        <caption>
          Hændelser i ${String(m.year)} pr. 10.000 indbyggere efter RSIT-klasse
        </caption>
        <thead>
          <tr>
            <th scope="col">Klasse</th>
            <th scope="col">${m.own.label}</th>
            <th scope="col">${m.region.label}</th>
            <th scope="col">${m.national.label}</th>
          </tr>
        </thead>
        <tbody>
          ${m.classes.map(
            (c) =>
              html`<tr>
                <th scope="row">${c.label}</th>
                <td>${formatDecimal(c.own)}</td>
                <td>${c.region === null ? 'Skjult' : formatDecimal(c.region)}</td>
                <td>${c.national === null ? 'Skjult' : formatDecimal(c.national)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

/**
 * The officer's figures: the municipality's incidents per 10,000 inhabitants beside its region's and
 * the country's, as the incident statistics give them to the officer (K-suppressed, "Skjult").
 */
export function officerFiguresView(m: OfficerFiguresModel): string {
  return layout({
    title: TITLE,
    user: m.user,
    csrfToken: m.csrfToken,
    scripts: CHART_SCRIPTS,
    breadcrumbs: OFFICER_FIGURES_PAGE.crumbs,
    body: html`<div class="figure-page">
      <h1>${TITLE}</h1>
      <p class="font-lead">
        ${m.own.label}s hændelser i forhold til indbyggertallet, sammenlignet med ${m.region.label} og hele
        landet.
      </p>
      ${yearForm(OFFICER_FIGURES_PAGE.path, m.thisYear, m.year)} ${comparison(m)} ${byClass(m)}
      ${alert(
        'info',
        'Om tallene',
        `Kommunens egne tal ser kun kommunen. Tal for regionen og landet, der bygger på færre end ${formatNumber(m.k)} ` +
          'kommuner, eller som ville afsløre en enkelt kommunes tal, vises som »Skjult«. Hændelser afvist som »ikke en ' +
          'hændelse« og dubletter tæller ikke.',
      )}
    </div>`,
  });
}
