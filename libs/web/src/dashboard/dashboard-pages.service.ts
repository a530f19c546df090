import { Injectable } from '@nestjs/common';
import type { UserPrincipal } from '@app/auth';
import { AdvisoriesService } from '@app/advisories';
import { Clock } from '@app/config';
import {
  copenhagenDate,
  IncidentStatisticsScopeDto,
  IncidentStatisticsService,
  OpenIncidentsService,
  RSIT_CLASS_LABELS,
  RsitClass,
} from '@app/incidents';
import { MunicipalitiesService } from '@app/municipalities';
import type { CertDashboardModel } from './views/cert-dashboard.view';
import type { OfficerFiguresModel, ScopeFigures } from './views/officer-figures.view';

type PageParts<T> = Omit<T, 'user' | 'csrfToken'>;

const wholeYear = (year: number) => ({ from: `${year}-01`, to: `${year}-12` });

/**
 * Gathers the figure pages from the services that own the figures, each of which checks who asks:
 * the stored incident statistics, the open incidents now, and the advisories' answers. Everything is
 * read in parallel, each part one or a few set-based statements.
 */
@Injectable()
export class DashboardPagesService {
  constructor(
    private readonly statistics: IncidentStatisticsService,
    private readonly openIncidents: OpenIncidentsService,
    private readonly advisories: AdvisoriesService,
    private readonly municipalities: MunicipalitiesService,
    private readonly clock: Clock,
  ) {}

  /** This calendar year in Danish time. */
  thisYear(): number {
    return Number(copenhagenDate(this.clock.now()).slice(0, 4));
  }

  async certDashboard(principal: UserPrincipal, year: number): Promise<PageParts<CertDashboardModel>> {
    const [figures, open, advisories] = await Promise.all([
      this.statistics.dashboardYear(principal, year),
      this.openIncidents.picture(principal),
      this.advisories.activeResponseRates(principal),
    ]);
    return { thisYear: this.thisYear(), year, figures, open, advisories };
  }

  /**
   * The officer's municipality beside its region and the country, exactly as the incident
   * statistics give them to the officer: the national and regional figures K-suppressed.
   */
  async officerFigures(principal: UserPrincipal, year: number): Promise<PageParts<OfficerFiguresModel>> {
    const [figures, municipality] = await Promise.all([
      this.statistics.read(principal, { ...wholeYear(year), groupBy: 'rsitClass' }),
      this.municipalities.get(principal.municipalityCode!),
    ]);
    const own = figures.scopes.find(
      (s) => s.scope === 'municipality' && Number(s.key) === principal.municipalityCode,
    )!;
    const national = figures.scopes.find((s) => s.scope === 'national')!;
    const region = figures.scopes.find(
      (s) => s.scope === 'region' && s.key === String(municipality.regionCode),
    )!;
    const scope = (s: IncidentStatisticsScopeDto, label = s.label): ScopeFigures => ({
      label,
      incidents: s.total.incidents,
      per10k: s.total.per10k,
      population: s.population,
    });
    const per10k = (s: IncidentStatisticsScopeDto, key: string) => {
      const cell = s.groups.find((g) => g.key === key);
      return cell && !cell.suppressed ? cell.per10k : null;
    };
    return {
      thisYear: this.thisYear(),
      year,
      k: figures.k,
      own: scope(own, `${own.label} Kommune`),
      region: scope(region),
      national: scope(national),
      classes: own.groups.map((g) => ({
        label: RSIT_CLASS_LABELS[g.key as RsitClass] ?? g.key,
        own: per10k(own, g.key),
        region: per10k(region, g.key),
        national: per10k(national, g.key),
      })),
    };
  }
}
