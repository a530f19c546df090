import { Injectable, NotFoundException } from '@nestjs/common';
import type { UserPrincipal } from '@app/auth';
import { Clock } from '@app/config';
import { ErrorCode, isDomainError } from '@app/http';
import { IncidentsService, IncidentView, maturityTopicsOf } from '@app/incidents';
import { MunicipalitiesService } from '@app/municipalities';
import { StatisticsService } from '@app/statistics';
import { EditionsService } from '@app/surveys';
import { UsersService } from '@app/users';
import { SafeHtml } from '@app/ui';
import { MaturityPanel, maturityPanel } from './maturity-panel';
import { listQuery, OPEN_STATUSES, QueueFilters } from './queue-filters';
import type { IncidentListModel } from './views/incident-list.view';
import { certHomeSection, officerHomeSection } from './views/incident-home.view';
import type { IncidentPageModel } from './views/incident-page.view';

const isCert = (p: UserPrincipal) => p.role === 'cert_analyst';

/** Gathers what the incident pages show, from the incident service and the people around it. */
@Injectable()
export class IncidentPagesService {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly municipalities: MunicipalitiesService,
    private readonly users: UsersService,
    private readonly editions: EditionsService,
    private readonly statistics: StatisticsService,
    private readonly clock: Clock,
  ) {}

  /**
   * The latest published Baseline maturity in the survey questions related to the incident's RSIT
   * class (MATURITY_TOPICS), or null when none relate. The municipality's own scores are its own
   * (shared/design.md, anonymity rule 1): its officer sees them beside the national means;
   * KommuneCERT sees the national means only, through the same access policy as everywhere.
   */
  async maturity(principal: UserPrincipal, incident: IncidentView): Promise<MaturityPanel | null> {
    const topics = maturityTopicsOf(incident.rsitClass, incident.rsitType);
    if (topics.length === 0) return null;
    const latest = (await this.editions.list(principal))
      .filter((e) => e.status === 'published')
      .sort((a, b) => b.year - a.year)[0];
    if (!latest) return { edition: null, own: false, notParticipated: false, k: 0, topics: [] };
    const national = await this.statistics.national(latest.id, principal);
    if (isCert(principal)) return maturityPanel(topics, national, null);
    try {
      const own = await this.statistics.municipality(latest.id, incident.municipalityCode, principal);
      return maturityPanel(topics, national, own);
    } catch (e) {
      // The municipality did not take part in that edition: the national figures alone.
      if (e instanceof NotFoundException) return maturityPanel(topics, national, null, true);
      throw e;
    }
  }

  /** The active KommuneCERT analysts, who can be assigned an incident. */
  async analysts(): Promise<Array<{ id: string; name: string }>> {
    return (await this.users.list())
      .filter((u) => u.role === 'cert_analyst' && u.active)
      .map((u) => ({ id: u.id, name: u.displayName }));
  }

  async list(
    principal: UserPrincipal,
    filters: QueueFilters,
  ): Promise<Omit<IncidentListModel, 'user' | 'csrfToken' | 'notice'>> {
    const cert = isCert(principal);
    const query = listQuery(cert ? filters : { ...filters, view: '', municipality: '' });
    const [page, municipalities, analysts] = await Promise.all([
      this.incidents.list(principal, query),
      cert ? this.municipalities.list() : Promise.resolve([]),
      cert ? this.analysts() : Promise.resolve([]),
    ]);
    return {
      cert,
      page,
      filters,
      municipalities: municipalities
        .map((m) => ({ code: m.code, name: m.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'da')),
      analysts: new Map(analysts.map((a) => [a.id, a.name])),
      now: this.clock.now(),
    };
  }

  /** Everything on the incident page; another municipality's incident is a 404 from the service. */
  async page(
    principal: UserPrincipal,
    id: string,
  ): Promise<Omit<IncidentPageModel, 'user' | 'csrfToken' | 'notice' | 'conflict' | 'problem'>> {
    const incident = await this.incidents.get(principal, id);
    const cert = isCert(principal);
    const [timeline, comments, attachments, municipality, analysts, original, maturity] = await Promise.all([
      this.incidents.timeline(principal, id),
      this.incidents.comments(principal, id),
      this.incidents.attachments(principal, id),
      this.municipalities.get(incident.municipalityCode),
      this.analysts(),
      incident.duplicateOfId
        ? this.incidents.get(principal, incident.duplicateOfId).catch((e: unknown) => {
            // The original may be out of the caller's sight; the page then names no reference.
            if (isDomainError(e, ErrorCode.INCIDENT_NOT_FOUND)) return null;
            throw e;
          })
        : Promise.resolve(null),
      this.maturity(principal, incident),
    ]);
    return {
      cert,
      maturity,
      selfId: principal.id,
      now: this.clock.now(),
      incident,
      municipalityName: `${municipality.name} Kommune`,
      duplicateOfReference: original?.reference ?? null,
      timeline,
      comments,
      attachments,
      analysts,
    };
  }

  /** What the role's home page shows about incidents now, or nothing for KL and the administrator. */
  async homeSection(principal: UserPrincipal): Promise<SafeHtml | null> {
    const page = { limit: 1, offset: 0, status: OPEN_STATUSES };
    if (isCert(principal)) {
      const count = async (q: object) => (await this.incidents.list(principal, { ...q, ...page })).total;
      const [unassigned, overdue, due24, mine] = await Promise.all([
        count({ assignee: 'none' }),
        count({ overdue: 'true' }),
        count({ dueWithinHours: 24 }),
        count({ assignee: 'me' }),
      ]);
      return certHomeSection({ unassigned, overdue, due24, mine });
    }
    if (principal.role === 'municipality_officer' && principal.municipalityCode !== null) {
      const { items } = await this.incidents.list(principal, { ...page, limit: 100 });
      return officerHomeSection(items, this.clock.now());
    }
    return null;
  }
}
