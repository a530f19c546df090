/** One data row of an invitation CSV, as written, before any check. */
export interface InvitationCsvRow {
  /** 1-based line in the file, so an admin can find the row in Excel. */
  line: number;
  municipalityCode: string;
  email: string;
  name: string;
}

export const INVITATION_CSV_MAX_ROWS = 2000;

/** Splits one line on the delimiter, honouring double quotes ("a;b" and "" inside quotes). */
function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((s) => s.trim());
}

/**
 * Reads "municipality code, e-mail, name" rows. Danish Excel saves CSV with semicolons, others
 * with commas: the first line decides. A first line whose second cell is no e-mail address is a
 * header and is skipped. Blank lines are skipped; their line numbers still count.
 */
export function parseInvitationCsv(text: string): InvitationCsvRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const delimiter = first.includes(';') ? ';' : first.includes('\t') ? '\t' : ',';
  const rows: InvitationCsvRow[] = [];
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const [municipalityCode = '', email = '', ...rest] = splitLine(raw, delimiter);
    if (rows.length === 0 && raw === first && !email.includes('@')) return;
    rows.push({ line: index + 1, municipalityCode, email, name: rest.join(' ').trim() });
  });
  return rows;
}
