import type { EditionDto } from '@app/surveys';
import { formatDateTime } from '@app/ui';
import type { OverviewRow } from '../survey/survey-pages.service';

/** One edition on "Mine rapporter": its report, or why the municipality has none. */
export type OwnReportEntry =
  { edition: EditionDto; hasReport: true } | { edition: EditionDto; hasReport: false; reason: string };

/** Why an edition has no report for the municipality, in words to the municipality's officer. */
function missingReason(row: OverviewRow, now: Date): string {
  const { edition } = row;
  if (edition.status === 'published')
    return `Jeres kommune indsendte ikke besvarelse i ${edition.title}, så der er ingen kommunerapport.`;
  if (edition.status === 'open' && edition.closesAt && new Date(edition.closesAt) > now)
    return `Rapporten er ikke offentliggjort endnu. Undersøgelsen er åben til ${formatDateTime(edition.closesAt)}.`;
  return 'Rapporten er ikke offentliggjort endnu. KL offentliggør resultaterne, når svarene er behandlet.';
}

/**
 * The officer's editions, newest first: a report where the edition is published and the
 * municipality submitted a response (a municipality that did not take part has no figures to
 * compare), otherwise the reason. `published` holds the editions whose reports the officer may read.
 */
export function ownReportEntries(rows: OverviewRow[], published: Set<string>, now: Date): OwnReportEntry[] {
  return [...rows]
    .sort((a, b) => b.edition.year - a.edition.year)
    .map((row) =>
      published.has(row.edition.id) && row.status === 'submitted'
        ? { edition: row.edition, hasReport: true }
        : { edition: row.edition, hasReport: false, reason: missingReason(row, now) },
    );
}
