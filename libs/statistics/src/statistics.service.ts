import { Injectable, NotFoundException } from '@nestjs/common';
import { Cell, numberFigures, publishCell, round, suppressedKeys, withoutMoments } from '@app/anonymity';
import { AccessPolicy, Permission, Principal } from '@app/auth';
import { AppConfigService } from '@app/config';
import { SIZE_CLASS_LABELS } from '@app/municipalities';
import { Edition, EditionsService } from '@app/surveys';
import type {
  BreakdownStatisticsDto,
  MunicipalityStatisticsDto,
  NationalStatisticsDto,
} from './dto/statistics.response';
import type { IncidentQuartilesDto } from './dto/incident-quartiles.response';
import { publishIncidentQuartiles } from './incident-quartiles';
import { LevelCountRow, StatisticsRepository, StatisticsState, StatRow } from './statistics.repository';

type ScopeType = 'national' | 'region' | 'size_class';

const pct = (part: number, whole: number) => (whole > 0 ? round((100 * part) / whole, 1) : null);
const change = (now: number | null, before: number | null, digits = 3) =>
  now === null || before === null ? null : round(now - before, digits);
const relative = (now: number, before: number) =>
  before > 0 ? round((100 * (now - before)) / before, 1) : null;

/** Who reads figures: a caller, or the public that published reports are rendered for. */
export const PUBLIC = 'public';
export type StatisticsReader = Principal | typeof PUBLIC;

/** What nationalOf returns; a caller that already has it can hand it to municipalityOf. */
export type NationalFigures = NationalStatisticsDto;

interface Figures {
  edition: Edition;
  rows: StatRow[];
  levels: LevelCountRow[];
}

/**
 * Published benchmark figures: reads what the recompute job stored, applies small-group
 * suppression and joins the previous edition by question key for year-on-year changes.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly stats: StatisticsRepository,
    private readonly editions: EditionsService,
    private readonly config: AppConfigService,
    private readonly access: AccessPolicy,
  ) {}

  private get k() {
    return this.config.anonymityK;
  }

  /** The edition, if the caller may read its figures (the policy: published, and closed for KL). */
  private async readableEdition(editionId: string, principal: Principal): Promise<Edition> {
    const edition = await this.editions.get(editionId, principal);
    this.access.requireAccess(principal, Permission.StatisticsRead, { edition });
    return edition;
  }

  /** The latest earlier edition whose figures the reader may read too. */
  private async previousEdition(edition: Edition, reader: StatisticsReader): Promise<Edition | null> {
    const earlier = (await this.editions.findAll()).filter(
      (e) =>
        e.year < edition.year &&
        (reader === PUBLIC
          ? e.status === 'published'
          : this.access.canAccess(reader, Permission.StatisticsRead, { edition: e })),
    );
    return earlier.sort((a, b) => b.year - a.year)[0] ?? null;
  }

  private async figures(edition: Edition, scope?: ScopeType): Promise<Figures> {
    const [rows, levels] = await Promise.all([
      this.stats.statRows(edition.id, scope),
      this.stats.levelCounts(edition.id, scope),
    ]);
    return { edition, rows, levels };
  }

  /** The stored figures' version and stale mark, for whatever is derived from them (reports). */
  state(editionId: string): Promise<StatisticsState | null> {
    return this.stats.state(editionId);
  }

  private async meta(edition: Edition) {
    const state = await this.stats.state(edition.id);
    return {
      edition: { id: edition.id, year: edition.year, title: edition.title, status: edition.status },
      statistics: {
        version: state?.version ?? 0,
        computedAt: state?.computedAt ?? null,
        stale: !state || state.version === 0 || state.staleSince !== null,
      },
      k: this.k,
    };
  }

  /**
   * Participants of a scope, and whether the scope is hidden whole: a scope with fewer than K
   * participants, none included, publishes nothing but "suppressed" (its figures would describe those few).
   */
  private participationOf(f: Figures | null) {
    const participants = f?.rows.find((r) => r.subjectType === 'participation')?.n ?? 0;
    return { participants, hidden: participants < this.k };
  }

  /**
   * Level distribution with suppression of small counts and their complement, plus shares. K counts
   * municipalities; over all questions ('*') one municipality sits in several levels.
   */
  private distribution(levels: LevelCountRow[], scaleValues: number[], scopeHidden: boolean) {
    const counts = scaleValues.map((level) => {
      const row = levels.find((l) => l.level === level);
      return { key: String(level), n: row?.municipalities ?? 0, count: row?.count ?? 0 };
    });
    const total = counts.reduce((s, c) => s + c.count, 0);
    const overlapping = levels.some((l) => l.subjectKey === '*');
    const hidden = scopeHidden
      ? new Set(counts.map((c) => c.key))
      : suppressedKeys(counts, this.k, { overlapping });
    return counts.map((c) => ({
      level: Number(c.key),
      count: hidden.has(c.key) ? null : c.count,
      share: hidden.has(c.key) ? null : pct(c.count, total),
      suppressed: hidden.has(c.key),
    }));
  }

  async national(editionId: string, principal: Principal): Promise<NationalStatisticsDto> {
    return this.nationalOf(await this.readableEdition(editionId, principal), principal);
  }

  /**
   * National figures of an edition the reader may read, compared with the previous edition the
   * reader may read (for KL that may be a closed one). Reports are rendered for the `PUBLIC`.
   */
  async nationalOf(edition: Edition, reader: StatisticsReader): Promise<NationalStatisticsDto> {
    const previous = await this.previousEdition(edition, reader);
    const [now, before, questionnaire, lineage, meta, scopeSizes] = await Promise.all([
      this.figures(edition, 'national'),
      previous ? this.figures(previous, 'national') : null,
      this.editions.storedQuestionnaire(edition.id),
      this.stats.keyLineage(edition.id),
      this.meta(edition),
      this.stats.municipalitiesPerScope(),
    ]);
    const scaleValues = questionnaire.scale.map((l) => l.value);
    const scopeNow = this.participationOf(now);
    const scopeBefore = this.participationOf(before);
    const find = (f: Figures | null, type: string, key: string) =>
      f?.rows.find((r) => r.subjectType === type && r.subjectKey === key);
    const scopeHidden = (f: Figures | null) => (f === now ? scopeNow : scopeBefore).hidden;
    const levelsOf = (f: Figures, key: string) =>
      this.distribution(
        f.levels.filter((l) => l.subjectKey === key),
        scaleValues,
        scopeHidden(f),
      );
    /**
     * A question whose level row hides a cell publishes no moments or order statistics: with n and the
     * visible cells, n·mean, sd, median and quartiles are equations that solve the hidden cells.
     */
    const cell = (f: Figures | null, type: string, key: string): Cell => {
      const row = find(f, type, key);
      const published = publishCell(row, scopeHidden(f) || (!!row && row.n < this.k));
      const levelsHidden = type === 'question' && levelsOf(f!, key).some((l) => l.suppressed);
      return levelsHidden ? withoutMoments(published) : published;
    };
    const withDelta = (type: string, key: string, previousKey = key) => {
      const current = cell(now, type, key);
      const earlier = previous ? cell(before, type, previousKey) : null;
      return {
        ...current,
        previousMean: earlier?.mean ?? null,
        meanDelta: change(current.mean, earlier?.mean ?? null),
      };
    };

    const total = scopeSizes.find((s) => s.scopeType === 'national')!.count;
    const answerLevels = this.distribution(
      now.levels.filter((l) => l.subjectKey === '*'),
      scaleValues,
      scopeNow.hidden,
    );
    const previousLevels = before
      ? this.distribution(
          before.levels.filter((l) => l.subjectKey === '*'),
          scaleValues,
          scopeBefore.hidden,
        )
      : null;
    const areaTitles = new Map(questionnaire.areas.map((a) => [a.id, a]));

    return {
      ...meta,
      previousEdition: previous ? { id: previous.id, year: previous.year } : null,
      participation: {
        participants: scopeNow.hidden ? null : scopeNow.participants,
        municipalities: total,
        sharePercent: scopeNow.hidden ? null : pct(scopeNow.participants, total),
        suppressed: scopeNow.hidden,
        previousParticipants: before && !scopeBefore.hidden ? scopeBefore.participants : null,
      },
      overall: withDelta('overall', 'overall'),
      answerLevels: answerLevels.map((l) => {
        const p = previousLevels?.find((x) => x.level === l.level);
        return {
          ...l,
          label: questionnaire.scale.find((s) => s.value === l.level)?.labelDa ?? String(l.level),
          previousCount: p?.count ?? null,
          previousShare: p?.share ?? null,
          countChangePercent: l.count !== null && p?.count != null ? relative(l.count, p.count) : null,
          shareChange: change(l.share, p?.share ?? null, 1),
        };
      }),
      areas: questionnaire.areas.map((a) => ({
        key: a.key,
        title: a.titleDa,
        weight: Number(a.weight),
        ...withDelta('area', a.key),
      })),
      questions: questionnaire.questions
        .filter((q) => q.type === 'scale' && Number(q.weight) > 0)
        .map((q) => ({
          key: q.key,
          areaKey: areaTitles.get(q.areaId)?.key ?? null,
          text: q.textDa,
          focusArea: q.focusArea,
          ...withDelta('question', q.key, lineage.get(q.key)),
          distribution: levelsOf(now, q.key),
        })),
      numbers: questionnaire.questions
        .filter((q) => q.type === 'number')
        .map((q) => ({
          key: q.key,
          text: q.textDa,
          unit: q.unitDa,
          ...numberFigures(withDelta('number', q.key, lineage.get(q.key))),
        })),
    };
  }

  /**
   * The incidents of the edition's year by quartile of the participants' overall index, stored by
   * the recompute and K-suppressed here; for the national report, which everyone signed in reads.
   */
  async incidentQuartilesOf(edition: Edition): Promise<IncidentQuartilesDto> {
    const [rows, figures] = await Promise.all([
      this.stats.incidentQuartiles(edition.id),
      this.stats.statRows(edition.id, 'national'),
    ]);
    const { hidden } = this.participationOf({ edition, rows: figures, levels: [] });
    return publishIncidentQuartiles(rows, this.k, edition.year, hidden);
  }

  /** Per region or size class: participation, overall index and areas, each breakdown suppressed below K. */
  async breakdown(
    editionId: string,
    scope: 'region' | 'size_class',
    principal: Principal,
  ): Promise<BreakdownStatisticsDto> {
    return this.breakdownOf(await this.readableEdition(editionId, principal), scope);
  }

  async breakdownOf(edition: Edition, scope: 'region' | 'size_class'): Promise<BreakdownStatisticsDto> {
    const [figures, questionnaire, meta, scopeSizes] = await Promise.all([
      this.figures(edition, scope),
      this.editions.storedQuestionnaire(edition.id),
      this.meta(edition),
      this.stats.municipalitiesPerScope(),
    ]);
    const groups = scopeSizes
      .filter((s) => s.scopeType === scope)
      .sort((a, b) => a.scopeKey.localeCompare(b.scopeKey));
    const row = (type: string, key: string, group: string) =>
      figures.rows.find((r) => r.subjectType === type && r.subjectKey === key && r.scopeKey === group);
    /**
     * One subject across all groups, suppressed together so no hidden group can be recovered. A group
     * whose participation is hidden is hidden in every subject: its n would give its participation away.
     */
    const across = (type: string, key: string, forced?: ReadonlySet<string>) => {
      const cells = groups.map((g) => ({ key: g.scopeKey, n: row(type, key, g.scopeKey)?.n ?? 0 }));
      const hidden = suppressedKeys(cells, this.k, { forced });
      return {
        hidden,
        cells: new Map(
          groups.map((g) => [g.scopeKey, publishCell(row(type, key, g.scopeKey), hidden.has(g.scopeKey))]),
        ),
      };
    };
    // Fewer than K participants in all groups together (none included): every group is hidden.
    const participants = figures.rows
      .filter((r) => r.subjectType === 'participation')
      .reduce((sum, r) => sum + r.n, 0);
    const { hidden: hiddenGroups, cells: participation } = across(
      'participation',
      'participation',
      participants < this.k ? new Set(groups.map((g) => g.scopeKey)) : undefined,
    );
    const subject = (type: string, key: string) => across(type, key, hiddenGroups).cells;
    const overall = subject('overall', 'overall');
    const areas = questionnaire.areas.map((a) => ({ area: a, cells: subject('area', a.key) }));
    return {
      ...meta,
      scope,
      groups: groups.map((g) => {
        const p = participation.get(g.scopeKey)!;
        return {
          key: g.scopeKey,
          name: scope === 'region' ? g.name : SIZE_CLASS_LABELS[g.scopeKey],
          municipalities: g.count,
          participants: p.suppressed ? null : (p.n ?? 0),
          participationSuppressed: p.suppressed,
          overall: overall.get(g.scopeKey)!,
          areas: areas.map(({ area, cells }) => ({
            key: area.key,
            title: area.titleDa,
            ...cells.get(g.scopeKey)!,
          })),
        };
      }),
    };
  }

  /** The municipality's own figures against the national ones: only for its own officers. */
  async municipality(
    editionId: string,
    code: number,
    principal: Principal,
  ): Promise<MunicipalityStatisticsDto> {
    this.access.requireAccess(principal, Permission.MunicipalityStatisticsRead, { municipalityCode: code });
    return this.municipalityOf(await this.readableEdition(editionId, principal), code);
  }

  /** A municipality's figures; callers have checked that the reader belongs to that municipality. */
  async municipalityOf(
    edition: Edition,
    code: number,
    national?: NationalFigures,
  ): Promise<MunicipalityStatisticsDto> {
    const editionId = edition.id;
    national ??= await this.nationalOf(edition, PUBLIC);
    const own = await this.stats.ownScores(editionId, code);
    if (own.length === 0)
      throw new NotFoundException(`Municipality ${code} did not take part in ${national.edition.year}`);
    const previous = national.previousEdition
      ? await this.stats.ownScores(national.previousEdition.id, code)
      : [];
    const lineage = await this.stats.keyLineage(editionId);
    const score = (rows: typeof own, type: string, key: string) => {
      const v = rows.find((r) => r.subjectType === type && r.subjectKey === key)?.score;
      return v === undefined ? null : round(v);
    };
    const ownOverall = score(own, 'overall', 'overall');
    const ownPrevious = score(previous, 'overall', 'overall');
    const o = national.overall;
    const quartile =
      ownOverall === null || o.suppressed
        ? null
        : ownOverall <= o.q1!
          ? 1
          : ownOverall <= o.median!
            ? 2
            : ownOverall <= o.q3!
              ? 3
              : 4;
    const questions = national.questions.map((q) => {
      const value = score(own, 'question', q.key);
      return {
        key: q.key,
        text: q.text,
        areaKey: q.areaKey,
        focusArea: q.focusArea,
        own: value,
        nationalMean: q.mean,
        delta: change(value, q.mean),
        previousOwn: score(previous, 'question', lineage.get(q.key) ?? q.key),
      };
    });
    return {
      edition: national.edition,
      statistics: national.statistics,
      k: national.k,
      municipalityCode: code,
      previousEdition: national.previousEdition,
      overall: {
        own: ownOverall,
        nationalMean: o.mean,
        delta: change(ownOverall, o.mean),
        quartile,
        previousOwn: ownPrevious,
        ownDelta: change(ownOverall, ownPrevious),
        nationalPrevious: o.previousMean,
        nationalDelta: o.meanDelta,
      },
      areas: national.areas.map((a) => {
        const value = score(own, 'area', a.key);
        return {
          key: a.key,
          title: a.title,
          own: value,
          nationalMean: a.mean,
          delta: change(value, a.mean),
          previousOwn: score(previous, 'area', a.key),
        };
      }),
      questions,
      furthestBelow: questions
        .filter((q) => q.delta !== null && q.delta < 0)
        .sort((a, b) => a.delta! - b.delta!)
        .slice(0, 10),
      numbers: national.numbers.map((n) => ({
        key: n.key,
        text: n.text,
        unit: n.unit,
        own: score(own, 'number', n.key),
        nationalMean: n.mean,
      })),
    };
  }
}
