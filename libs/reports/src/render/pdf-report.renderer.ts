import { DASH } from '@app/ui';
import PDFDocument from 'pdfkit';
import type { MunicipalityReportModel, NationalReportModel } from '../report-model';
import { plexFontPath, renderChartPng } from './chart-renderer';
import { municipalityReportDocument } from './municipality-report.document';
import { nationalReportDocument } from './national-report.document';
import type { ReportBlock, ReportDocument, TableColumn } from './report-document';

type Doc = PDFKit.PDFDocument;

const REGULAR = 'Plex';
const BOLD = 'Plex-Bold';
const PRIMARY = '#0059b3';
const TEXT = '#1a1a1a';
const MUTED = '#747474';
const ZEBRA = '#f2f2f2';
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
/** Charts are drawn at twice their layout size so they stay sharp in print. */
const CHART_SCALE = 2;
/** Do not start a section this close to the bottom: its heading would stand alone. */
const MIN_SECTION_SPACE = 160;

const contentWidth = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;
const bottom = (doc: Doc) => doc.page.height - MARGIN.bottom;

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function titlePage(doc: Doc, report: ReportDocument) {
  doc.rect(0, 0, doc.page.width, 24).fill(PRIMARY);
  doc.font(BOLD).fontSize(32).fillColor(PRIMARY).text(report.title, MARGIN.left, 250);
  doc.moveDown(0.4).font(BOLD).fontSize(20).fillColor(TEXT).text(report.subtitle);
  doc.moveDown(1).font(REGULAR).fontSize(12).fillColor(MUTED).text(report.generated);
  doc
    .moveDown(0.3)
    .text('KL’s måling af cyber- og informationssikkerhed i kommunerne', { width: contentWidth(doc) });
}

/** Height of a section's opening: its introductory paragraphs and the chart that follows them. */
function leadHeight(doc: Doc, blocks: ReportBlock[]): number {
  let height = 48;
  for (const block of blocks) {
    if (block.kind === 'chart') return height + chartHeight(doc, block);
    if (block.kind === 'table') break;
    doc.font(REGULAR).fontSize(10.5);
    height += doc.heightOfString(block.text, { width: contentWidth(doc), lineGap: 2 }) + 8;
  }
  return Math.max(height, MIN_SECTION_SPACE);
}

function heading(doc: Doc, text: string, blocks: ReportBlock[]) {
  // A heading never stands alone at the foot of a page, not even above a tall chart.
  ensureSpace(doc, leadHeight(doc, blocks));
  doc.moveDown(0.8).font(BOLD).fontSize(16).fillColor(PRIMARY).text(text, MARGIN.left);
  doc.moveDown(0.4);
}

function paragraph(doc: Doc, text: string) {
  doc.font(REGULAR).fontSize(10.5).fillColor(TEXT);
  doc.text(text, MARGIN.left, doc.y, { width: contentWidth(doc), lineGap: 2 });
  doc.moveDown(0.6);
}

type ChartBlock = Extract<ReportBlock, { kind: 'chart' }>;

/** Charts span the text width, keeping their aspect ratio. */
const chartHeight = (doc: Doc, block: ChartBlock) => (contentWidth(doc) * block.height) / block.width;

function chart(doc: Doc, png: Buffer, block: ChartBlock) {
  const width = contentWidth(doc);
  const height = chartHeight(doc, block);
  ensureSpace(doc, height + 8);
  doc.image(png, MARGIN.left, doc.y, { width, height });
  doc.y += height + 12;
}

const CELL_PAD = 4;
const TABLE_FONT = 8.5;

function table(doc: Doc, caption: string, columns: TableColumn[], rows: string[][]) {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (contentWidth(doc) * c.width) / total);
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(TABLE_FONT);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * CELL_PAD }))) +
      2 * CELL_PAD
    );
  };
  const drawRow = (cells: string[], font: string, fill: string | null, colour: (c: string) => string) => {
    const height = rowHeight(cells, font);
    const y = doc.y;
    if (fill) doc.rect(MARGIN.left, y, contentWidth(doc), height).fill(fill);
    let x = MARGIN.left;
    cells.forEach((cell, i) => {
      doc
        .font(font)
        .fontSize(TABLE_FONT)
        .fillColor(colour(cell))
        .text(cell, x + CELL_PAD, y + CELL_PAD, {
          width: widths[i] - 2 * CELL_PAD,
          align: columns[i].align ?? 'left',
          lineGap: 0,
        });
      x += widths[i];
    });
    doc.y = y + height;
  };
  const header = () =>
    drawRow(
      columns.map((c) => c.header),
      BOLD,
      PRIMARY,
      () => '#ffffff',
    );
  const captionLine = (text: string) => {
    doc
      .font(BOLD)
      .fontSize(10.5)
      .fillColor(TEXT)
      .text(text, MARGIN.left, doc.y, { width: contentWidth(doc) });
    doc.moveDown(0.25);
  };

  // Caption, header and first row stay together.
  ensureSpace(
    doc,
    24 +
      rowHeight(
        columns.map((c) => c.header),
        BOLD,
      ) +
      rowHeight(rows[0] ?? [], REGULAR),
  );
  captionLine(caption);
  header();
  // Hidden figures are grey so they read as "not published", not as values.
  const colour = (c: string) => (c === DASH || c.startsWith('Skjult') ? MUTED : TEXT);
  rows.forEach((row, i) => {
    if (doc.y + rowHeight(row, REGULAR) > bottom(doc)) {
      doc.addPage();
      captionLine(`${caption} (fortsat)`);
      header();
    }
    drawRow(row, REGULAR, i % 2 === 1 ? ZEBRA : null, colour);
  });
  doc.moveDown(0.8);
}

/** "Side X af Y" on every page, written once all pages exist (hence bufferPages). */
function pageNumbers(doc: Doc, report: ReportDocument) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise make pdfkit add a page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 40;
    doc.font(REGULAR).fontSize(8.5).fillColor(MUTED);
    doc.text(`${report.title} · ${report.subtitle}`, MARGIN.left, y, {
      width: contentWidth(doc),
      align: 'left',
      lineBreak: false,
    });
    doc.text(`Side ${i + 1} af ${range.count}`, MARGIN.left, y, {
      width: contentWidth(doc),
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = MARGIN.bottom;
  }
}

async function renderPdf(report: ReportDocument, creationDate: Date): Promise<Buffer> {
  const charts = new Map<ReportBlock, Buffer>();
  for (const section of report.sections)
    for (const block of section.blocks)
      if (block.kind === 'chart')
        charts.set(block, await renderChartPng(block.config, block.width, block.height, CHART_SCALE));

  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: {
      Title: `${report.title} – ${report.subtitle}`,
      Author: 'KL – Baseline',
      CreationDate: creationDate,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // Embedded TTFs: the standard PDF fonts lack æ, ø and å in a usable encoding.
  doc.registerFont(REGULAR, plexFontPath('Regular'));
  doc.registerFont(BOLD, plexFontPath('Bold'));

  titlePage(doc, report);
  report.sections.forEach((section, i) => {
    if (i === 0) doc.addPage();
    heading(doc, section.heading, section.blocks);
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') paragraph(doc, block.text);
      else if (block.kind === 'table') table(doc, block.caption, block.columns, block.rows);
      else chart(doc, charts.get(block)!, block);
    }
  });
  pageNumbers(doc, report);
  doc.end();
  return done;
}

export function renderMunicipalityPdf(model: MunicipalityReportModel): Promise<Buffer> {
  return renderPdf(municipalityReportDocument(model), model.generatedAt);
}

export function renderNationalPdf(model: NationalReportModel): Promise<Buffer> {
  return renderPdf(nationalReportDocument(model), model.generatedAt);
}
