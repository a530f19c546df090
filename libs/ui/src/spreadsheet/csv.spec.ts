import { csvCell, csvDocument, DANISH_EXCEL, MACHINE } from './csv';

describe(csvCell.name, () => {
  it.each([
    ['=HYPERLINK("https://evil.example","Klik")', `"'=HYPERLINK(""https://evil.example"",""Klik"")"`],
    ['+1+cmd|calc', `"'+1+cmd|calc"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
  ])('neutralises the text %j as %s in both dialects', (text, cell) => {
    expect(csvCell(text, DANISH_EXCEL)).toBe(cell);
    expect(csvCell(text, MACHINE)).toBe(cell);
  });

  it('leaves ordinary text alone and quotes only what RFC 4180 needs for the separator', () => {
    expect(csvCell('Bruger kommunen MFA?', DANISH_EXCEL)).toBe('Bruger kommunen MFA?');
    expect(csvCell('a; b', DANISH_EXCEL)).toBe('"a; b"');
    expect(csvCell('a, b', DANISH_EXCEL)).toBe('a, b');
    expect(csvCell('siger "ja"', DANISH_EXCEL)).toBe('"siger ""ja"""');
    expect(csvCell('a=b', DANISH_EXCEL)).toBe('a=b');
  });

  it('writes numbers as numbers, negative ones included: decimal comma for Excel, dot for scripts', () => {
    expect(csvCell(-0.42, DANISH_EXCEL)).toBe('-0,42');
    expect(csvCell(2.143, DANISH_EXCEL)).toBe('2,143');
    expect(csvCell(1234.5, DANISH_EXCEL)).toBe('1234,5');
    expect(csvCell(-0.42, MACHINE)).toBe('-0.42');
    expect(csvCell(false, MACHINE)).toBe('false');
    expect(csvCell(null, MACHINE)).toBe('');
    expect(csvCell(undefined, MACHINE)).toBe('');
  });
});

describe(csvDocument.name, () => {
  it('writes a BOM, the header and CRLF-terminated rows for Excel', () => {
    expect(csvDocument(['Nøgle', 'Tekst', 'n'], [['a', '=1', -1.5]], DANISH_EXCEL)).toBe(
      `\uFEFFNøgle;Tekst;n\r\na;"'=1";-1,5\r\n`,
    );
  });

  it('writes no BOM for scripts', () => {
    expect(csvDocument(['key', 'n'], [['a', 2.5]], MACHINE)).toBe('key;n\r\na;2.5\r\n');
  });
});
