import { csvCell, csvDocument } from './csv';

describe(csvCell.name, () => {
  it.each([
    ['=HYPERLINK("https://evil.example","Klik")', `"'=HYPERLINK(""https://evil.example"",""Klik"")"`],
    ['+1+cmd|calc', `"'+1+cmd|calc"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
  ])('neutralises the text %j as %s', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('leaves ordinary text alone and quotes only what RFC 4180 needs', () => {
    expect(csvCell('Bruger kommunen MFA?')).toBe('Bruger kommunen MFA?');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('siger "ja"')).toBe('"siger ""ja"""');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers, booleans and empty values as they are, negative numbers included', () => {
    expect(csvCell(-0.42)).toBe('-0.42');
    expect(csvCell(3.5)).toBe('3.5');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe(csvDocument.name, () => {
  it('writes a BOM, the header and CRLF-terminated rows', () => {
    expect(csvDocument(['key', 'text', 'n'], [['a', '=1', -1]])).toBe(`\uFEFFkey,text,n\r\na,"'=1",-1\r\n`);
  });
});
