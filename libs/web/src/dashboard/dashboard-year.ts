/** The first year the pages offer; the incident log holds nothing older. */
export const FIRST_YEAR = 2000;
/** How many years the year menu lists, this year first. */
const LISTED_YEARS = 5;

export type YearChoice = { ok: true; year: number } | { ok: false; given: string };

/**
 * `?aar=` of the figure pages: this year when absent, a year from FIRST_YEAR to this year when
 * given; anything else is refused (the page says which years there are), never guessed at.
 */
export function chosenYear(raw: unknown, thisYear: number): YearChoice {
  if (raw === undefined || raw === '') return { ok: true, year: thisYear };
  const given = typeof raw === 'string' ? raw.trim() : String(raw);
  const year = /^\d{4}$/.test(given) ? Number(given) : NaN;
  return year >= FIRST_YEAR && year <= thisYear
    ? { ok: true, year }
    : { ok: false, given: given.slice(0, 20) };
}

/** The years of the year menu, newest first, with the chosen one among them. */
export function listedYears(thisYear: number, chosen: number): number[] {
  const years = Array.from({ length: LISTED_YEARS }, (_, i) => thisYear - i).filter((y) => y >= FIRST_YEAR);
  return years.includes(chosen) ? years : [...years, chosen];
}
