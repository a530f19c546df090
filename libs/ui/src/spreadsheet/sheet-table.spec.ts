import ExcelJS from 'exceljs';
import { SheetColumn, tableCsv, tableXlsx } from './sheet-table';

interface Row {
  name: string;
  count: number;
  at: Date | null;
}
const COLUMNS: Array<SheetColumn<Row>> = [
  { header: 'Navn', width: 20, value: (r) => r.name },
  { header: 'Antal', width: 8, value: (r) => r.count },
  { header: 'Tidspunkt', width: 18, value: (r) => r.at },
];
// 14:05 in Copenhagen on 1 March (winter time) and on 1 July (summer time).
const ROWS: Row[] = [
  { name: '=HYPERLINK("https://evil.example","Klik")', count: 2.5, at: new Date('2026-03-01T13:05:00Z') },
  { name: '@SUM(1,2)', count: -1, at: new Date('2026-07-01T12:05:00Z') },
  { name: 'Ballerup', count: 0, at: null },
];

describe(tableCsv.name, () => {
  it('writes a Danish Excel CSV: BOM, `;`, decimal comma, Danish wall-clock times, formulas neutralised', () => {
    expect(tableCsv(COLUMNS, ROWS).toString('utf8')).toBe(
      '\uFEFFNavn;Antal;Tidspunkt\r\n' +
        `"'=HYPERLINK(""https://evil.example"",""Klik"")";2,5;2026-03-01 14:05\r\n` +
        `"'@SUM(1,2)";-1;2026-07-01 14:05\r\n` +
        'Ballerup;0;\r\n',
    );
  });
});

describe(tableXlsx.name, () => {
  it('writes typed cells: texts as inert text, numbers as numbers, times as Danish wall-clock dates', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await tableXlsx(COLUMNS, ROWS, { sheetName: 'Ark', title: 'Test' }));
    const sheet = book.getWorksheet('Ark')!;
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const hostile = sheet.getRow(2).getCell(1);
    expect(hostile.value).toBe(ROWS[0].name);
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(hostile.formula).toBeUndefined();
    expect(hostile.numFmt).toBe('@');
    expect(sheet.getRow(3).getCell(2).value).toBe(-1);
    expect(sheet.getRow(2).getCell(3).value).toEqual(new Date('2026-03-01T14:05:00Z'));
    expect(sheet.getRow(3).getCell(3).value).toEqual(new Date('2026-07-01T14:05:00Z'));
    expect(sheet.getRow(4).getCell(3).value).toBeNull();
  });
});
