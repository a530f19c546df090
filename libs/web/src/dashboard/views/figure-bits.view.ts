import { formatNumber, html, SafeHtml } from '@app/ui';
import { alert, Crumb } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { listedYears } from '../dashboard-year';

/**
 * A chart drawn by report-charts.js in a box of fixed height (app.css `.chart-box`). Without
 * JavaScript the box is hidden: the table that follows every chart is then what shows.
 */
export function chart(config: object, description: string): SafeHtml {
  return html`<div class="chart-box">
    <canvas
      data-chart="${JSON.stringify(config)}"
      role="img"
      aria-label="${description} Tallene står i tabellen under diagrammet."
    ></canvas>
  </div>`;
}

/** The year menu: a plain GET form, so it works without JavaScript and the choice is a link. */
export function yearForm(action: string, thisYear: number, chosen: number): SafeHtml {
  return html`<form method="get" action="${action}" class="figure-year d-print-none">
    <div class="form-group">
      <label class="form-label" for="aar">År</label>
      <select class="form-select" id="aar" name="aar">
        ${listedYears(thisYear, chosen).map(
          (y) =>
            html`<option value="${String(y)}" ${y === chosen ? html`selected` : null}>${String(y)}</option>`,
        )}
      </select>
    </div>
    <button type="submit" class="button button-secondary">Vis året</button>
  </form>`;
}

/** The chart.js build and the script that draws every `data-chart` canvas. */
export const CHART_SCRIPTS = ['/assets/chartjs/chart.umd.js', 'report-charts.js'];

/** What a figure page is called, where it lives, and its breadcrumbs. */
export interface FigurePage {
  title: string;
  path: string;
  crumbs: Crumb[];
}

/** A figure page's answer to an `aar` that is no year it shows (400), with the menu to choose one. */
export function badYearView(
  p: FigurePage,
  user: PageUser,
  csrfToken: string,
  thisYear: number,
  given: string,
): string {
  return layout({
    title: p.title,
    user,
    csrfToken,
    breadcrumbs: p.crumbs,
    body: html`<h1>${p.title}</h1>
      ${alert(
        'error',
        'Året findes ikke',
        `»${given}« er ikke et år, siden kan vise. Vælg et år fra 2000 til ${thisYear}.`,
      )}
      ${yearForm(p.path, thisYear, thisYear)}`,
  });
}

/** A count in Danish format, or "Skjult" for a figure suppressed below K. */
export const countOrHidden = (n: number | null) => (n === null ? 'Skjult' : formatNumber(n));
