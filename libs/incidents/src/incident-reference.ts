/** `KCERT-<year>-<4-digit sequence>`; the sequence restarts each calendar year and has no gaps. */
export function formatIncidentReference(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Bad year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Bad sequence ${sequence}`);
  return `KCERT-${year}-${String(sequence).padStart(4, '0')}`;
}

const REFERENCE = /^KCERT-(\d{4})-(\d{4,})$/;

export function parseIncidentReference(reference: string): { year: number; sequence: number } | null {
  const m = REFERENCE.exec(reference);
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : null;
}
