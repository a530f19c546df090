import type { ChartConfiguration } from 'chart.js';

/**
 * A report as format-neutral content: the PDF and HTML renderers draw the same sections, so both
 * formats always show the same figures in the same words.
 */
export interface TableColumn {
  header: string;
  /** Relative width; the PDF renderer shares the page width by these. */
  width: number;
  align?: 'left' | 'right';
}

export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; caption: string; columns: TableColumn[]; rows: string[][] }
  | { kind: 'chart'; label: string; config: ChartConfiguration; width: number; height: number };

export interface ReportSection {
  heading: string;
  blocks: ReportBlock[];
}

export interface ReportDocument {
  /** "Baseline 2025" */
  title: string;
  /** "Kommunerapport – Brøndby Kommune" / "Landsrapport" */
  subtitle: string;
  /** "Dannet 4. november 2025" */
  generated: string;
  /** The title page's last line; the survey reports' own by default. */
  tagline?: string;
  sections: ReportSection[];
}

export const paragraph = (text: string): ReportBlock => ({ kind: 'paragraph', text });
