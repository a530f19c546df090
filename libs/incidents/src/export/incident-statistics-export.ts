import { SheetColumn, tableCsv, tableXlsx } from '@app/ui';
import type {
  IncidentCountDto,
  IncidentStatisticsDto,
  IncidentStatisticsScopeDto,
  MedianTimeDto,
  ObligationShareDto,
} from '../statistics/dto/incident-statistics.response';
import type { GroupBy } from '../statistics/dto/incident-statistics.query';

const SCOPE_LABELS: Record<IncidentStatisticsScopeDto['scope'], string> = {
  national: 'Hele landet',
  region: 'Region',
  municipality: 'Kommune',
};

const GROUP_LABELS: Record<GroupBy, string> = {
  month: 'Pr. måned',
  rsitClass: 'Pr. RSIT-klasse',
  rsitType: 'Pr. RSIT-type',
  severity: 'Pr. alvor',
  region: 'Pr. region',
  sizeClass: 'Pr. størrelsesklasse',
};

/**
 * One figure of one scope: a count cell (with its per 10,000 and year on year), an obligation kind
 * or a median time. The statistics response is a tree; the export is this flat table of it, with
 * the figure's part (`Tal`) as a column to filter on, as the report CSVs have `Type`.
 */
export interface StatisticsExportRow {
  scope: IncidentStatisticsScopeDto;
  part: string;
  key: string;
  label: string;
  count?: IncidentCountDto;
  obligation?: ObligationShareDto;
  median?: MedianTimeDto;
}

/** Every figure of the response, scope by scope, in the response's order. */
export function statisticsExportRows(stats: IncidentStatisticsDto): StatisticsExportRow[] {
  return stats.scopes.flatMap((scope) => {
    const count = (part: string, c: IncidentCountDto): StatisticsExportRow => ({
      scope,
      part,
      key: c.key,
      label: c.label,
      count: c,
    });
    const pdb = scope.personalDataBreaches;
    return [
      count('Hændelser i alt', scope.total),
      ...scope.groups.map((g) => count(GROUP_LABELS[stats.groupBy], g)),
      count('Brud på persondatasikkerheden', pdb.total),
      ...pdb.byStatus.map((c) => count('Brud efter status', c)),
      ...pdb.byType.map((c) => count('Brud efter type', c)),
      ...scope.obligations.map((o): StatisticsExportRow => ({
        scope,
        part: 'Frister',
        key: o.kind,
        label: o.label,
        obligation: o,
      })),
      ...(
        [
          ['contained', 'Fra kendskab til inddæmmet', scope.awareToContained],
          ['resolved', 'Fra kendskab til løst', scope.awareToResolved],
        ] as const
      ).map(([key, label, median]): StatisticsExportRow => ({
        scope,
        part: 'Mediantid',
        key,
        label,
        median,
      })),
    ];
  });
}

/** Danish headers; empty where a row's part has no such figure (a median has no per 10,000). */
const COLUMNS: Array<SheetColumn<StatisticsExportRow>> = [
  { header: 'Niveau', width: 12, value: (r) => SCOPE_LABELS[r.scope.scope] },
  { header: 'Kode', width: 8, value: (r) => (r.scope.scope === 'national' ? null : Number(r.scope.key)) },
  { header: 'Navn', width: 22, value: (r) => r.scope.label },
  { header: 'Indbyggere', width: 12, value: (r) => r.scope.population },
  { header: 'Tal', width: 28, value: (r) => r.part },
  { header: 'Nøgle', width: 24, value: (r) => r.key },
  { header: 'Betegnelse', width: 36, value: (r) => r.label },
  {
    header: 'Hændelser',
    width: 11,
    value: (r) => r.count?.incidents ?? r.median?.incidents ?? null,
  },
  { header: 'Pr. 10.000 indbyggere', width: 12, value: (r) => r.count?.per10k ?? null },
  { header: 'Samme periode året før', width: 12, value: (r) => r.count?.previousIncidents ?? null },
  { header: 'Ændring fra året før (%)', width: 12, value: (r) => r.count?.changePercent ?? null },
  { header: 'Afgjorte frister', width: 10, value: (r) => r.obligation?.decided ?? null },
  { header: 'Overholdt til tiden', width: 10, value: (r) => r.obligation?.metOnTime ?? null },
  {
    header: 'Andel til tiden (%)',
    width: 10,
    value: (r) =>
      r.obligation?.shareMetOnTime == null ? null : Math.round(r.obligation.shareMetOnTime * 1000) / 10,
  },
  { header: 'Median (timer)', width: 10, value: (r) => r.median?.medianHours ?? null },
  {
    header: 'Skjult',
    width: 8,
    value: (r) => ((r.count ?? r.obligation ?? r.median)!.suppressed ? 'Ja' : 'Nej'),
  },
];

export const STATISTICS_EXPORT_HEADERS = COLUMNS.map((c) => c.header);

export function incidentStatisticsCsv(stats: IncidentStatisticsDto): Buffer {
  return tableCsv(COLUMNS, statisticsExportRows(stats));
}

export function incidentStatisticsXlsx(stats: IncidentStatisticsDto, created: Date): Promise<Buffer> {
  return tableXlsx(COLUMNS, statisticsExportRows(stats), {
    sheetName: 'Statistik',
    title: `KommuneCERT – hændelsesstatistik ${stats.from}–${stats.to}`,
    created,
  });
}
