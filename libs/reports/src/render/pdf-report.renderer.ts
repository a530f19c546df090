import { DASH } from '@app/ui';
import PDFDocument from 'pdfkit';
import type { MunicipalityReportModel, NationalReportModel } from '../report-model';
import { plexFontPath, renderChartPng } from './chart-renderer';
import { municipalityReportDocument } from './municipality-report.document';
import { nationalReportDocument } from './national-report.document';
import type { ReportBlock, ReportDocument, TableColumn } from './report-document';

type Doc = PDFKit.PDFDocument;
/** A node of the PDF's structure tree (tagged PDF): what a screen reader reads, in order. */
type Struct = PDFKit.PDFStructureElement;

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

/** Decoration (bars, cell backgrounds, repeated headers, page numbers) that a screen reader skips. */
function artifact(doc: Doc, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout') {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

/** Adds a structure element whose content is what `draw` puts on the page. */
function tagged(doc: Doc, parent: Struct, type: string, draw: () => void, options: { alt?: string } = {}) {
  parent.add(doc.struct(type, options, draw));
}

function titlePage(doc: Doc, root: Struct, report: ReportDocument) {
  artifact(doc, () => doc.rect(0, 0, doc.page.width, 24).fill(PRIMARY));
  tagged(doc, root, 'H1', () =>
    doc.font(BOLD).fontSize(32).fillColor(PRIMARY).text(report.title, MARGIN.left, 250),
  );
  tagged(doc, root, 'P', () =>
    doc.moveDown(0.4).font(BOLD).fontSize(20).fillColor(TEXT).text(report.subtitle),
  );
  tagged(doc, root, 'P', () =>
    doc.moveDown(1).font(REGULAR).fontSize(12).fillColor(MUTED).text(report.generated),
  );
  tagged(doc, root, 'P', () =>
    doc.moveDown(0.3).text(report.tagline ?? 'KL’s måling af cyber- og informationssikkerhed i kommunerne', {
      width: contentWidth(doc),
    }),
  );
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

function heading(doc: Doc, section: Struct, text: string, blocks: ReportBlock[]) {
  // A heading never stands alone at the foot of a page, not even above a tall chart.
  ensureSpace(doc, leadHeight(doc, blocks));
  doc.moveDown(0.8);
  tagged(doc, section, 'H2', () => doc.font(BOLD).fontSize(16).fillColor(PRIMARY).text(text, MARGIN.left));
  doc.moveDown(0.4);
}

function paragraph(doc: Doc, section: Struct, text: string) {
  doc.font(REGULAR).fontSize(10.5).fillColor(TEXT);
  tagged(doc, section, 'P', () =>
    doc.text(text, MARGIN.left, doc.y, { width: contentWidth(doc), lineGap: 2 }),
  );
  doc.moveDown(0.6);
}

type ChartBlock = Extract<ReportBlock, { kind: 'chart' }>;

/** Charts span the text width, keeping their aspect ratio. */
const chartHeight = (doc: Doc, block: ChartBlock) => (contentWidth(doc) * block.height) / block.width;

/** A chart is a Figure whose alternative text says what it shows and where its figures are. */
function chart(doc: Doc, section: Struct, png: Buffer, block: ChartBlock) {
  const width = contentWidth(doc);
  const height = chartHeight(doc, block);
  ensureSpace(doc, height + 8);
  const alt = `${block.label}. Tallene står i tabellen efter diagrammet.`;
  tagged(doc, section, 'Figure', () => doc.image(png, MARGIN.left, doc.y, { width, height }), { alt });
  doc.y += height + 12;
}

const CELL_PAD = 4;
const TABLE_FONT = 8.5;

/**
 * A table as a Table of TR rows with TH header cells (the column headers, and each row's first
 * cell, as in the HTML) and TD cells. A header repeated on a new page is decoration.
 */
function table(doc: Doc, section: Struct, caption: string, columns: TableColumn[], rows: string[][]) {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (contentWidth(doc) * c.width) / total);
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(TABLE_FONT);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * CELL_PAD }))) +
      2 * CELL_PAD
    );
  };
  const drawRow = (
    cells: string[],
    font: string,
    fill: string | null,
    colour: (c: string) => string,
    row: Struct | null,
  ) => {
    const height = rowHeight(cells, font);
    const y = doc.y;
    if (fill) artifact(doc, () => doc.rect(MARGIN.left, y, contentWidth(doc), height).fill(fill));
    let x = MARGIN.left;
    cells.forEach((cell, i) => {
      const cellX = x;
      const draw = () =>
        doc
          .font(font)
          .fontSize(TABLE_FONT)
          .fillColor(colour(cell))
          .text(cell, cellX + CELL_PAD, y + CELL_PAD, {
            width: widths[i] - 2 * CELL_PAD,
            align: columns[i].align ?? 'left',
            lineGap: 0,
          });
      if (row) tagged(doc, row, font === BOLD || i === 0 ? 'TH' : 'TD', draw);
      else artifact(doc, draw);
      x += widths[i];
    });
    doc.y = y + height;
  };
  const structure = doc.struct('Table');
  section.add(structure);
  const header = (repeated: boolean) => {
    const row = repeated ? null : doc.struct('TR');
    if (row) structure.add(row);
    drawRow(
      columns.map((c) => c.header),
      BOLD,
      PRIMARY,
      () => '#ffffff',
      row,
    );
    row?.end();
  };
  const captionLine = (text: string, repeated: boolean) => {
    const draw = () =>
      doc
        .font(BOLD)
        .fontSize(10.5)
        .fillColor(TEXT)
        .text(text, MARGIN.left, doc.y, { width: contentWidth(doc) });
    if (repeated) artifact(doc, draw);
    else tagged(doc, structure, 'Caption', draw);
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
  captionLine(caption, false);
  header(false);
  // Hidden figures are grey so they read as "not published", not as values.
  const colour = (c: string) => (c === DASH || c.startsWith('Skjult') ? MUTED : TEXT);
  rows.forEach((cells, i) => {
    if (doc.y + rowHeight(cells, REGULAR) > bottom(doc)) {
      doc.addPage();
      captionLine(`${caption} (fortsat)`, true);
      header(true);
    }
    const row = doc.struct('TR');
    structure.add(row);
    drawRow(cells, REGULAR, i % 2 === 1 ? ZEBRA : null, colour, row);
    row.end();
  });
  structure.end();
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
    artifact(
      doc,
      () => {
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
      },
      'Pagination',
    );
    doc.page.margins.bottom = MARGIN.bottom;
  }
}

/**
 * A tagged PDF (PDF/UA-1): Danish, with its title shown as the window title, and a structure tree
 * of headings (H1, H2), paragraphs, tables (Table, TR, TH, TD) and the charts as figures with
 * alternative text, so screen readers read it as the HTML report. Danish public bodies must
 * publish accessible documents.
 */
export async function renderDocumentPdf(report: ReportDocument, creationDate: Date): Promise<Buffer> {
  const charts = new Map<ReportBlock, Buffer>();
  for (const section of report.sections)
    for (const block of section.blocks)
      if (block.kind === 'chart')
        charts.set(block, await renderChartPng(block.config, block.width, block.height, CHART_SCALE));

  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    // PDF/UA is missing from @types/pdfkit's list of subsets, though pdfkit supports it.
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    lang: 'da-DK',
    displayTitle: true,
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

  const root = doc.struct('Document');
  doc.addStructure(root);
  titlePage(doc, root, report);
  report.sections.forEach((section, i) => {
    if (i === 0) doc.addPage();
    const sect = doc.struct('Sect');
    root.add(sect);
    heading(doc, sect, section.heading, section.blocks);
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') paragraph(doc, sect, block.text);
      else if (block.kind === 'table') table(doc, sect, block.caption, block.columns, block.rows);
      else chart(doc, sect, charts.get(block)!, block);
    }
    sect.end();
  });
  root.end();
  pageNumbers(doc, report);
  doc.end();
  return done;
}

export function renderMunicipalityPdf(model: MunicipalityReportModel): Promise<Buffer> {
  return renderDocumentPdf(municipalityReportDocument(model), model.generatedAt);
}

export function renderNationalPdf(model: NationalReportModel): Promise<Buffer> {
  return renderDocumentPdf(nationalReportDocument(model), model.generatedAt);
}
