import type { EditionDto } from '@app/surveys';
import type { OverviewRow, ResponseStatus } from '../survey/survey-pages.service';
import { ownReportEntries } from './own-reports';

const now = new Date('2026-12-01T12:00:00Z');

function row(year: number, status: string, own: ResponseStatus): OverviewRow {
  const edition: EditionDto = {
    id: `id-${year}`,
    year,
    title: `Baseline ${year}`,
    status,
    opensAt: null,
    closesAt: status === 'open' ? new Date('2027-01-15T22:59:00Z') : null,
    closedAt: null,
    publishedAt: status === 'published' ? new Date(`${year}-12-01T10:00:00Z`) : null,
  };
  return { edition, status: own, editable: status === 'open', submittedAt: null };
}

describe('ownReportEntries', () => {
  it('gives a report only where the edition is published and the municipality submitted, newest first', () => {
    const rows = [
      row(2023, 'published', 'submitted'),
      row(2025, 'open', 'in_progress'),
      row(2024, 'published', 'in_progress'),
      row(2022, 'closed', 'submitted'),
    ];
    const entries = ownReportEntries(rows, new Set(['id-2023', 'id-2024']), now);
    expect(entries.map((e) => [e.edition.year, e.hasReport ? 'rapport' : e.reason])).toEqual([
      [2025, 'Rapporten er ikke offentliggjort endnu. Undersøgelsen er åben til 15. januar 2027 kl. 23.59.'],
      [2024, 'Jeres kommune indsendte ikke besvarelse i Baseline 2024, så der er ingen kommunerapport.'],
      [2023, 'rapport'],
      [
        2022,
        'Rapporten er ikke offentliggjort endnu. KL offentliggør resultaterne, når svarene er behandlet.',
      ],
    ]);
  });

  it('gives no report for a submitted edition the officer may not read yet', () => {
    const [entry] = ownReportEntries([row(2024, 'published', 'submitted')], new Set(), now);
    expect(entry.hasReport).toBe(false);
  });
});
