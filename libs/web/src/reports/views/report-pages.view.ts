import type { Edition } from '@app/surveys';
import { formatDate, formatMonth, html, SafeHtml } from '@app/ui';
import { layout, PageUser } from '../../views/layout.view';

const CHART_SCRIPTS = ['/assets/chartjs/chart.umd.js', 'report-charts.js'];
const FORMAT_LABELS: Record<string, string> = {
  pdf: 'PDF',
  csv: 'CSV til Excel (regneark med decimalkomma)',
  xlsx: 'Excel-projektmappe (XLSX)',
  'machine.csv': 'CSV til programmer (punktum som decimaltegn, engelske kolonnenavne)',
  json: 'JSON (data)',
};

/** Published editions, each a link to its report at `base`/id, with the date it was published. */
export function editionReportTable(
  caption: string,
  base: string,
  editions: Array<Pick<Edition, 'id' | 'year' | 'title' | 'publishedAt'>>,
): SafeHtml {
  return html`<table class="table table--zebra">
    <caption class="sr-only">
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">Udgave</th>
        <th scope="col">Offentliggjort</th>
      </tr>
    </thead>
    <tbody>
      ${editions.map(
        (e) =>
          html`<tr data-edition="${e.year}">
            <td><a href="${base}/${e.id}">${e.title}</a></td>
            <td>${e.publishedAt ? formatDate(e.publishedAt) : ''}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** "Landsresultater": the published editions' national reports. */
export function reportListView(user: PageUser, csrfToken: string, editions: Edition[]): string {
  const title = 'Landsresultater';
  return layout({
    title,
    user,
    csrfToken,
    breadcrumbs: [{ text: 'Forside', href: '/' }, { text: title }],
    body: html`<h1>${title}</h1>
      <p class="font-lead">
        De offentliggjorte landstal for alle deltagende kommuner. Grupper med færre end K kommuner er skjult.
      </p>
      ${
        editions.length === 0
          ? html`<p>Der er endnu ingen offentliggjorte udgaver.</p>`
          : editionReportTable(title, '/landsresultater', editions)
      }`,
  });
}

export function reportView(
  user: PageUser,
  csrfToken: string,
  title: string,
  /** The report's heading block and the rest of it (see splitAfterHeading). */
  [heading, report]: [string, string],
  fileBase: string,
  formats: string[],
): string {
  const downloads = formats.map(
    (f) => html`<li><a href="${fileBase}.${f}" download>${FORMAT_LABELS[f] ?? f}</a></li>`,
  );
  const own = fileBase.startsWith('/rapporter/');
  return layout({
    title,
    user,
    csrfToken,
    scripts: CHART_SCRIPTS,
    breadcrumbs: [
      { text: 'Forside', href: '/' },
      own
        ? { text: 'Mine rapporter', href: '/rapporter' }
        : { text: 'Landsresultater', href: '/landsresultater' },
      { text: title },
    ],
    // The downloads come right after the report's H1, not before it: the H1 opens the page.
    body: html`${new SafeHtml(heading)}
      <div class="d-print-none mb-5">
        <h2 class="h4">Hent rapporten</h2>
        <ul class="nobullet-list">
          ${downloads}
        </ul>
      </div>
      ${new SafeHtml(report)}`,
  });
}

export interface Usage {
  activeMunicipalitiesPerMonth: Array<{ month: string; activeMunicipalities: number }>;
  downloads: Array<{
    year: number;
    municipalityCode: number;
    municipalityName: string | null;
    downloads: number;
    uniqueDownloads: number;
  }>;
}

/**
 * KL's view of platform activity and report downloads: a chart of active municipalities per month
 * with the same figures as a table (for screen readers, and for reading exact values), and the
 * downloads as raw hits beside unique ones (once per user, report and day).
 */
export function usageView(user: PageUser, csrfToken: string, usage: Usage): string {
  const months = usage.activeMunicipalitiesPerMonth.map((m) => ({ ...m, label: formatMonth(m.month) }));
  const chart = {
    type: 'bar',
    data: {
      labels: months.map((m) => m.label),
      datasets: [
        {
          label: 'Aktive kommuner',
          data: months.map((m) => m.activeMunicipalities),
          backgroundColor: '#0059b3',
        },
      ],
    },
    options: {
      animation: false,
      scales: { y: { beginAtZero: true, max: 98, title: { display: true, text: 'Kommuner' } } },
    },
  };
  const perEdition = new Map<number, { downloads: number; unique: number }>();
  for (const d of usage.downloads) {
    const sum = perEdition.get(d.year) ?? { downloads: 0, unique: 0 };
    perEdition.set(d.year, {
      downloads: sum.downloads + d.downloads,
      unique: sum.unique + d.uniqueDownloads,
    });
  }
  const municipalityRows = usage.downloads.filter((d) => d.municipalityCode !== 0);
  const uniqueHeader = html`<th scope="col">
    Unikke hentninger<span class="sr-only"> (pr. bruger pr. dag)</span>
  </th>`;
  return layout({
    title: 'Brug af platformen',
    user,
    csrfToken,
    scripts: CHART_SCRIPTS,
    breadcrumbs: [{ text: 'Forside', href: '/' }, { text: 'Brug af platformen' }],
    body: html`<h1>Brug af platformen</h1>
      <h2>Aktive kommuner pr. måned</h2>
      <p>Kommuner, hvor mindst én bruger har logget ind i måneden.</p>
      <canvas
        data-chart="${JSON.stringify(chart)}"
        role="img"
        aria-label="Søjlediagram: aktive kommuner pr. måned. Tallene står i tabellen under diagrammet."
        width="800"
        height="300"
      ></canvas>
      <div class="table--responsive-scroll" tabindex="0">
        <table class="table table--zebra table--compact" id="active-per-month">
          <caption>
            Aktive kommuner pr. måned (diagrammets tal)
          </caption>
          <thead>
            <tr>
              <th scope="col">Måned</th>
              <th scope="col">Aktive kommuner</th>
            </tr>
          </thead>
          <tbody>
            ${months.map(
              (m) =>
                html`<tr>
                  <th scope="row">${m.label}</th>
                  <td>${m.activeMunicipalities}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h2>Rapporter hentet</h2>
      <p>
        »Hentninger i alt« tæller hver hentning. »Unikke hentninger« tæller en rapport én gang pr. bruger pr.
        dag, uanset format og antal gange.
      </p>
      <div class="table--responsive-scroll" tabindex="0">
        <table class="table table--zebra" id="downloads-per-edition">
          <caption>
            Hentede rapporter pr. udgave
          </caption>
          <thead>
            <tr>
              <th scope="col">Udgave</th>
              <th scope="col">Hentninger i alt</th>
              ${uniqueHeader}
            </tr>
          </thead>
          <tbody>
            ${[...perEdition.entries()].map(
              ([year, n]) =>
                html`<tr>
                  <td>Baseline ${year}</td>
                  <td>${n.downloads}</td>
                  <td>${n.unique}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="table--responsive-scroll" tabindex="0">
        <table class="table table--zebra" id="downloads-per-municipality">
          <caption>
            Hentede kommunerapporter pr. kommune
          </caption>
          <thead>
            <tr>
              <th scope="col">Udgave</th>
              <th scope="col">Kommune</th>
              <th scope="col">Hentninger</th>
              ${uniqueHeader}
            </tr>
          </thead>
          <tbody>
            ${municipalityRows.map(
              (d) =>
                html`<tr>
                  <td>${d.year}</td>
                  <td>${d.municipalityName ?? d.municipalityCode}</td>
                  <td>${d.downloads}</td>
                  <td>${d.uniqueDownloads}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`,
  });
}
