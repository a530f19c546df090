import { Cell, ValueType, Workbook } from 'exceljs';
import type request from 'supertest';

/** supertest's parser for a binary body (an XLSX download). */
export const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

export async function readWorkbook(buffer: Buffer): Promise<Workbook> {
  const book = new Workbook();
  await book.xlsx.load(buffer);
  return book;
}

/** A hostile text read back from a workbook: a text cell in text format, never a formula. */
export function expectInertText(cell: Cell, text: string): void {
  expect(cell.value).toBe(text);
  expect(cell.type).toBe(ValueType.String);
  expect(cell.formula).toBeUndefined();
  expect(cell.numFmt).toBe('@');
}

/** Splits `;`-separated RFC 4180 text (after a BOM) into records of fields. */
export function parseCsv(csv: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ';') {
      record.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return records;
}

/**
 * No unquoted CSV field starts a formula; a quoted one that does begins with the neutralising quote.
 * A plain number such as `-100` (a change in per cent) is a number to a spreadsheet, not a formula.
 */
export function expectNoLiveFormula(csv: string): void {
  for (const record of parseCsv(csv))
    for (const field of record.filter((f) => !/^-?\d+(,\d+)?$/.test(f)))
      expect(field).not.toMatch(/^[=+\-@\t\r]/);
}
