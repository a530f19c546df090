import { Injectable } from '@nestjs/common';
import { AccessPolicy, IncidentStatisticsView, Permission, Principal } from '@app/auth';
import { AppConfigService } from '@app/config';
import { fieldError } from '@app/http';
import { SIZE_CLASS_LABELS } from '@app/municipalities';
import { RSIT_CLASS_LABELS } from '../incident-labels';
import { OBLIGATION_KINDS } from '../regulatory-clocks';
import { BREACH_TYPES, RSIT_CLASSES, RSIT_TAXONOMY, SEVERITIES } from '../rsit';
import { DURATION_BUCKET_HOURS, groupedMedian } from './duration-buckets';
import { cellId, hiddenCells, SuppressionTable } from './incident-statistics-suppression';
import {
  IncidentStatisticsRepository,
  MunicipalityFacts,
  ScopeFigureRow,
} from './incident-statistics.repository';
import { GroupBy, IncidentStatisticsQueryDto } from './dto/incident-statistics.query';
import {
  IncidentCountDto,
  IncidentStatisticsDto,
  IncidentStatisticsScopeDto,
  MedianTimeDto,
} from './dto/incident-statistics.response';

const PDB_STATUSES = ['notified', 'documented', 'undecided'];
const PDB_LABELS: Record<string, string> = {
  notified: 'Anmeldt til Datatilsynet',
  documented: 'Kun dokumenteret',
  undecided: 'Ikke afgjort',
};
const SEVERITY_LABELS: Record<string, string> = {
  low: 'Lav',
  medium: 'Middel',
  high: 'Høj',
  critical: 'Kritisk',
};
const OBLIGATION_LABELS: Record<string, string> = {
  'gdpr-art33': 'Anmeldelse til Datatilsynet (72 t)',
  'nis2-early-warning': 'NIS2 tidlig varsling (24 t)',
  'nis2-notification': 'NIS2 underretning (72 t)',
  'nis2-final-report': 'NIS2 endelig rapport (1 md.)',
};
const MONTH_LABEL = new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const BUCKETS = DURATION_BUCKET_HOURS.map((_, i) => String(i + 1));

interface Range {
  from: string;
  to: string;
}

/** A scope's figures as read: `dimension|key` → figure. */
type Figures = Map<string, ScopeFigureRow>;

const monthStart = (ym: string) => `${ym}-01`;
const shiftYear = (ym: string, years: number) => `${Number(ym.slice(0, 4)) + years}${ym.slice(4)}`;

function monthsOf({ from, to }: Range): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** A scope's incidents per 10,000 inhabitants, to one decimal. */
export const per10kOf = (incidents: number, population: number) =>
  population === 0 ? null : Math.round((incidents / population) * 100_000) / 10;

export interface AreaIncidents {
  code: number;
  name: string;
  population: number;
  incidents: number;
  per10k: number | null;
}

/**
 * One calendar year for KommuneCERT's dashboard: incidents per month (`YYYY-MM`) and RSIT class
 * (every class of the taxonomy), and per region and in all.
 */
export interface IncidentDashboardYear {
  year: number;
  months: string[];
  classes: Array<{ key: string; label: string; perMonth: number[]; total: number }>;
  regions: AreaIncidents[];
  national: AreaIncidents;
  computedAt: Date | null;
  stale: boolean;
}

/**
 * Reads the stored incident figures for a range of months and publishes them per role: KommuneCERT
 * all of them, everyone else K-suppressed with complements (docs/incident-statistics.md), and an
 * officer its own municipality's beside them.
 */
@Injectable()
export class IncidentStatisticsService {
  constructor(
    private readonly repo: IncidentStatisticsRepository,
    private readonly access: AccessPolicy,
    private readonly config: AppConfigService,
  ) {}

  async read(principal: Principal, query: IncidentStatisticsQueryDto): Promise<IncidentStatisticsDto> {
    return this.readAs(this.access.incidentStatisticsView(principal), query);
  }

  /**
   * The figures as KommuneCERT reads them, for the worker, which has no caller: only for what
   * KommuneCERT alone receives (the yearly mapping), whose route checks the caller itself.
   */
  readUnsuppressed(query: IncidentStatisticsQueryDto): Promise<IncidentStatisticsDto> {
    return this.readAs({ all: true }, query);
  }

  private async readAs(
    view: IncidentStatisticsView,
    query: IncidentStatisticsQueryDto,
  ): Promise<IncidentStatisticsDto> {
    const range = this.range(query, view.all);
    const previous = { from: shiftYear(range.from, -1), to: shiftYear(range.to, -1) };
    const groupBy = query.groupBy ?? 'month';
    const [state, municipalities, current, before] = await Promise.all([
      this.repo.state(),
      this.repo.municipalities(),
      this.repo.figures(monthStart(range.from), monthStart(range.to), groupBy),
      this.repo.figures(monthStart(previous.from), monthStart(previous.to), groupBy),
    ]);
    const ctx = new Publication(groupBy, range, municipalities, this.config.anonymityK);
    const own = view.all ? null : view.ownMunicipality;
    const scopes = ctx.publish(current, before, view.all, own);
    return {
      from: range.from,
      to: range.to,
      previousFrom: previous.from,
      previousTo: previous.to,
      groupBy,
      k: this.config.anonymityK,
      version: state.version,
      computedAt: state.computedAt,
      stale: state.stale,
      scopes,
    };
  }

  /**
   * One calendar year of the stored figures as KommuneCERT's dashboard shows them: per month and
   * RSIT class (which no single `groupBy` gives) and per region; unsuppressed, so KommuneCERT's only.
   * Reads only the cells it shows, not every scope `read` publishes.
   */
  async dashboardYear(principal: Principal, year: number): Promise<IncidentDashboardYear> {
    this.access.requireAccess(principal, Permission.IncidentStatisticsAllRead, {});
    const months = monthsOf({ from: `${year}-01`, to: `${year}-12` });
    const [from, to] = [monthStart(months[0]), monthStart(months[months.length - 1])];
    const [state, rows, regionRows] = await Promise.all([
      this.repo.state(),
      this.repo.monthsByClass(from, to),
      this.repo.regionTotals(from, to),
    ]);
    const cell = new Map(rows.map((r) => [`${r.month}|${r.rsitClass}`, r.incidents]));
    const classes = RSIT_CLASSES.map((key) => {
      const perMonth = months.map((m) => cell.get(`${m}|${key}`) ?? 0);
      return { key, label: RSIT_CLASS_LABELS[key], perMonth, total: perMonth.reduce((a, b) => a + b, 0) };
    });
    const area = (code: number, name: string, population: number, incidents: number): AreaIncidents => ({
      code,
      name,
      population,
      incidents,
      per10k: per10kOf(incidents, population),
    });
    const sum = (f: (r: (typeof regionRows)[number]) => number) => regionRows.reduce((s, r) => s + f(r), 0);
    return {
      year,
      months,
      classes,
      regions: regionRows.map((r) => area(r.regionCode, r.regionName, r.population, r.incidents)),
      national: area(
        0,
        'Hele landet',
        sum((r) => r.population),
        sum((r) => r.incidents),
      ),
      computedAt: state.computedAt,
      stale: state.stale,
    };
  }

  /**
   * Everyone but KommuneCERT reads whole calendar years: two overlapping ranges of months would
   * otherwise differ by a month whose figures the month series hides (docs/incident-statistics.md).
   */
  private range(query: IncidentStatisticsQueryDto, all: boolean): Range {
    const year = new Date().getUTCFullYear();
    const from = query.from ?? (query.to ? `${query.to.slice(0, 4)}-01` : `${year}-01`);
    const to = query.to ?? `${from.slice(0, 4)}-12`;
    if (from > to) throw fieldError('from', `must not be after to (${to})`);
    if (monthsOf({ from, to }).length > 36) throw fieldError('to', 'must be at most 36 months after from');
    if (!all && (from.slice(5) !== '01' || to !== `${from.slice(0, 4)}-12`)) {
      throw fieldError(
        query.from && from.slice(5) !== '01' ? 'from' : 'to',
        'must span one calendar year (YYYY-01 to YYYY-12); only KommuneCERT chooses other months',
      );
    }
    return { from, to };
  }
}

/** One response's arithmetic: the domains of the cells, suppression, and the DTOs. */
class Publication {
  private readonly groupDim: string;
  private readonly groupKeys: string[];
  private readonly regions: Map<number, string>;

  constructor(
    private readonly groupBy: GroupBy,
    private readonly range: Range,
    private readonly municipalities: MunicipalityFacts[],
    private readonly k: number,
  ) {
    this.regions = new Map(municipalities.map((m) => [m.regionCode, m.regionName]));
    this.groupDim = groupBy;
    this.groupKeys =
      groupBy === 'month'
        ? monthsOf(range)
        : groupBy === 'rsitClass'
          ? Object.keys(RSIT_TAXONOMY)
          : groupBy === 'rsitType'
            ? Object.entries(RSIT_TAXONOMY).flatMap(([c, types]) => types.map((t) => `${c}/${t}`))
            : groupBy === 'severity'
              ? [...SEVERITIES]
              : groupBy === 'region'
                ? [...this.regions.keys()].sort().map(String)
                : Object.keys(SIZE_CLASS_LABELS);
  }

  private label(key: string): string {
    switch (this.groupBy) {
      case 'month':
        return MONTH_LABEL.format(new Date(`${key}-01T00:00:00Z`));
      case 'severity':
        return SEVERITY_LABELS[key] ?? key;
      case 'region':
        return this.regions.get(Number(key)) ?? key;
      case 'sizeClass':
        return SIZE_CLASS_LABELS[key] ?? key;
      default:
        return key;
    }
  }

  /** The cell keys every scope has, `dimension|key`. */
  private keys(inRegion: boolean): string[] {
    const groups =
      this.groupBy === 'region' && inRegion ? [] : this.groupKeys.map((k) => `${this.groupDim}|${k}`);
    return [
      'all|*',
      ...groups,
      'pdb|*',
      ...PDB_STATUSES.map((s) => `pdb|${s}`),
      ...BREACH_TYPES.map((t) => `pdbType|${t}`),
      ...OBLIGATION_KINDS.map((o) => `obligation|${o}`),
      'contained|*',
      'resolved|*',
    ];
  }

  private population(filter: (m: MunicipalityFacts) => boolean): number {
    return this.municipalities.filter(filter).reduce((sum, m) => sum + m.population, 0);
  }

  private groupPopulation(scopeFilter: (m: MunicipalityFacts) => boolean, key: string): number {
    if (this.groupBy === 'region')
      return this.population((m) => scopeFilter(m) && String(m.regionCode) === key);
    if (this.groupBy === 'sizeClass') return this.population((m) => scopeFilter(m) && m.sizeClass === key);
    return this.population(scopeFilter);
  }

  private index(rows: ScopeFigureRow[]): Map<string, Figures> {
    const byScope = new Map<string, Figures>();
    for (const r of rows) {
      const scope = r.scope === 'national' ? 'national' : `${r.scope}:${r.scopeKey}`;
      if (!byScope.has(scope)) byScope.set(scope, new Map());
      byScope.get(scope)!.set(`${r.dimension}|${r.key}`, r);
    }
    return byScope;
  }

  /** What is hidden of the national and regional figures of one period. */
  private hidden(figures: Map<string, Figures>): Set<string> {
    const regions = [...this.regions.keys()].sort().map((c) => `region:${c}`);
    const keys = this.keys(false);
    const overlapping = !['region', 'sizeClass'].includes(this.groupBy);
    const table: SuppressionTable = {
      national: 'national',
      regions,
      keys,
      totalKey: 'all|*',
      rows: [
        {
          total: 'all|*',
          parts: this.groupKeys.map((k) => `${this.groupDim}|${k}`),
          overlapping,
        },
        { total: 'pdb|*', parts: PDB_STATUSES.map((s) => `pdb|${s}`), overlapping: true },
        { total: 'pdb|*', parts: BREACH_TYPES.map((t) => `pdbType|${t}`), overlapping: true },
      ],
      // Medians do not add up; the group cells of a region-by-region row are the regions themselves.
      additive: (key) => !['contained|*', 'resolved|*'].includes(key) && !key.startsWith('region|'),
      figure: (scope, key) => {
        const f = figures.get(scope)?.get(key);
        return { incidents: f?.incidents ?? 0, municipalities: f?.municipalities ?? 0 };
      },
      same:
        this.groupBy === 'region'
          ? regions.map(
              (r) => ['national', `region|${r.slice(7)}`, r, 'all|*'] as [string, string, string, string],
            )
          : [],
    };
    return hiddenCells(table, this.k);
  }

  publish(
    current: ScopeFigureRow[],
    before: ScopeFigureRow[],
    all: boolean,
    own: number | null,
  ): IncidentStatisticsScopeDto[] {
    const now = this.index(current);
    const then = this.index(before);
    const hiddenNow = all ? new Set<string>() : this.hidden(now);
    const hiddenThen = all ? new Set<string>() : this.hidden(then);
    const scopes: IncidentStatisticsScopeDto[] = [];
    const add = (
      scope: string,
      kind: IncidentStatisticsScopeDto['scope'],
      key: string,
      label: string,
      filter: (m: MunicipalityFacts) => boolean,
      suppressed: boolean,
    ) =>
      scopes.push(
        this.scope(scope, kind, key, label, filter, now.get(scope), then.get(scope), {
          now: suppressed ? hiddenNow : new Set(),
          then: suppressed ? hiddenThen : new Set(),
          kSuppressed: suppressed,
        }),
      );
    add('national', 'national', 'all', 'Hele landet', () => true, !all);
    for (const [code, name] of [...this.regions.entries()].sort((a, b) => a[0] - b[0])) {
      add(`region:${code}`, 'region', String(code), name, (m) => m.regionCode === code, !all);
    }
    for (const m of this.municipalities) {
      if (all || m.code === own)
        add(
          `municipality:${m.code}`,
          'municipality',
          String(m.code),
          m.name,
          (x) => x.code === m.code,
          false,
        );
    }
    return scopes;
  }

  private scope(
    scope: string,
    kind: IncidentStatisticsScopeDto['scope'],
    key: string,
    label: string,
    filter: (m: MunicipalityFacts) => boolean,
    now: Figures | undefined,
    then: Figures | undefined,
    hidden: { now: Set<string>; then: Set<string>; kSuppressed: boolean },
  ): IncidentStatisticsScopeDto {
    const population = this.population(filter);
    const count = (cellKey: string, cellLabel: string, pop = population): IncidentCountDto => {
      const isHidden = hidden.now.has(cellId(scope, cellKey));
      const wasHidden = hidden.then.has(cellId(scope, cellKey));
      const incidents = isHidden ? null : (now?.get(cellKey)?.incidents ?? 0);
      const previous = wasHidden ? null : (then?.get(cellKey)?.incidents ?? 0);
      return {
        key: cellKey.slice(cellKey.indexOf('|') + 1),
        label: cellLabel,
        incidents,
        per10k: incidents === null ? null : per10kOf(incidents, pop),
        previousIncidents: previous,
        changePercent:
          incidents === null || previous === null || previous === 0
            ? null
            : Math.round(((incidents - previous) / previous) * 1000) / 10,
        suppressed: isHidden,
      };
    };
    const median = (dimension: 'contained' | 'resolved'): MedianTimeDto => {
      if (hidden.now.has(cellId(scope, `${dimension}|*`)))
        return { medianHours: null, incidents: null, suppressed: true };
      const counts = new Map(BUCKETS.map((b) => [Number(b), now?.get(`${dimension}|${b}`)?.incidents ?? 0]));
      return {
        medianHours: groupedMedian(counts),
        incidents: now?.get(`${dimension}|*`)?.incidents ?? 0,
        suppressed: false,
      };
    };
    const groups = kind === 'region' && this.groupBy === 'region' ? [] : this.groupKeys;
    return {
      scope: kind,
      key,
      label,
      population,
      kSuppressed: hidden.kSuppressed,
      total: count('all|*', label),
      groups: groups.map((g) =>
        count(`${this.groupDim}|${g}`, this.label(g), this.groupPopulation(filter, g)),
      ),
      personalDataBreaches: {
        total: count('pdb|*', 'Brud på persondatasikkerheden'),
        byStatus: PDB_STATUSES.map((s) => count(`pdb|${s}`, PDB_LABELS[s])),
        byType: BREACH_TYPES.map((t) => count(`pdbType|${t}`, t)),
      },
      obligations: OBLIGATION_KINDS.map((o) => {
        const isHidden = hidden.now.has(cellId(scope, `obligation|${o}`));
        const f = now?.get(`obligation|${o}`);
        const decided = isHidden ? null : (f?.incidents ?? 0);
        const met = isHidden ? null : (f?.metOnTime ?? 0);
        return {
          kind: o,
          label: OBLIGATION_LABELS[o] ?? o,
          decided,
          metOnTime: met,
          shareMetOnTime: decided ? Math.round((met! / decided) * 1000) / 1000 : null,
          suppressed: isHidden,
        };
      }),
      awareToContained: median('contained'),
      awareToResolved: median('resolved'),
    };
  }
}
