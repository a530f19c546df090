import { html, SafeHtml } from '@app/ui';
import type { MunicipalityReportModel, NationalReportModel } from '../report-model';
import { municipalityReportDocument } from './municipality-report.document';
import { nationalReportDocument } from './national-report.document';
import type { ReportBlock, ReportDocument } from './report-document';

const alignClass = (align: 'left' | 'right' | undefined) => (align === 'right' ? 'text-align-right' : null);

function block(b: ReportBlock): SafeHtml {
  switch (b.kind) {
    case 'paragraph':
      return html`<p>${b.text}</p>`;
    case 'chart':
      // The browser script draws the same chart.js configuration the PDF was rendered from.
      return html`<figure class="report-chart">
        <canvas
          data-chart="${JSON.stringify(b.config)}"
          width="${b.width}"
          height="${b.height}"
          role="img"
          aria-label="${b.label}"
          >${b.label}</canvas
        >
      </figure>`;
    case 'table':
      return html`<div class="table--responsive-scroll">
        <table class="table table--zebra">
          <caption>
            ${b.caption}
          </caption>
          <thead>
            <tr>
              ${b.columns.map((c) => html`<th scope="col" class="${alignClass(c.align)}">${c.header}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${b.rows.map(
              (row) =>
                html`<tr>
                  ${row.map((cell, i) =>
                    i === 0
                      ? html`<th scope="row">${cell}</th>`
                      : html`<td class="${alignClass(b.columns[i].align)}">${cell}</td>`,
                  )}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }
}

/** An HTML fragment (a web layout or the download page wraps it) with the PDF's sections. */
function fragment(report: ReportDocument): string {
  return html`<article class="baseline-report">
    <header>
      <h1>${report.title}</h1>
      <p class="font-lead">${report.subtitle}</p>
      <p class="form-hint">${report.generated}</p>
    </header>
    ${report.sections.map(
      (s) =>
        html`<section>
          <h2>${s.heading}</h2>
          ${s.blocks.map(block)}
        </section>`,
    )}
  </article>`.toString();
}

export function municipalityReportHtml(model: MunicipalityReportModel): string {
  return fragment(municipalityReportDocument(model));
}

export function nationalReportHtml(model: NationalReportModel): string {
  return fragment(nationalReportDocument(model));
}
