import { parseInvitationCsv } from './invitation-csv';

describe('parseInvitationCsv', () => {
  it('reads Danish Excel CSV (semicolons, BOM, header) with line numbers', () => {
    const rows = parseInvitationCsv(
      '\uFEFFkommunekode;e-mail;navn\r\n151;a@ballerup.dk;Anne Hansen\r\n\r\n101;b@kk.dk;Bo\r\n',
    );
    expect(rows).toEqual([
      { line: 2, municipalityCode: '151', email: 'a@ballerup.dk', name: 'Anne Hansen' },
      { line: 4, municipalityCode: '101', email: 'b@kk.dk', name: 'Bo' },
    ]);
  });

  it('reads commas and quoted cells without a header', () => {
    expect(parseInvitationCsv('151,a@x.dk,"Hansen, Anne ""AH"""')).toEqual([
      { line: 1, municipalityCode: '151', email: 'a@x.dk', name: 'Hansen, Anne "AH"' },
    ]);
  });

  it('keeps rows with missing cells, for the checks to report', () => {
    expect(parseInvitationCsv('151;a@x.dk;A\n999')).toEqual([
      { line: 1, municipalityCode: '151', email: 'a@x.dk', name: 'A' },
      { line: 2, municipalityCode: '999', email: '', name: '' },
    ]);
  });
});
