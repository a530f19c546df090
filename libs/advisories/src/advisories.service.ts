import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { AccessPolicy, actorOf, AdvisoryScope, Permission, Principal } from '@app/auth';
import { Clock } from '@app/config';
import { fieldError } from '@app/http';
import { IncidentsService } from '@app/incidents';
import { JobQueueService } from '@app/queue';
import { CONTENT_FIELDS, ContentField, isAnswered } from './advisory-terms';
import type { Advisory } from './advisory.entity';
import { ActiveAdvisoryRateRow, AdvisoriesRepository, Audience } from './advisories.repository';
import {
  AdvisoryNotFoundException,
  AdvisoryWithdrawnException,
  StaleAdvisoryVersionException,
} from './advisories.exceptions';
import { fanOutJobId, remindJobId } from './delivery/advisory-job-ids';
import type {
  AudienceDto,
  CreateAdvisoryDto,
  MyResponseDto,
  UpdateAdvisoryDto,
} from './dto/advisory-input.dto';
import type {
  AdvisoryDto,
  AdvisoryListDto,
  AdvisoryListItemDto,
  AdvisoryResponsesDto,
  MyAdvisoryResponseDto,
  ResponseRateDto,
} from './dto/advisory.response';

/** The content of a version as kept in advisory_versions (times as ISO strings). */
function contentOf(a: Advisory): Record<ContentField, unknown> {
  const content = Object.fromEntries(CONTENT_FIELDS.map((f) => [f, a[f]])) as Record<ContentField, unknown>;
  content.respondBy = a.respondBy.toISOString();
  return content;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const unique = <T>(values: T[] | undefined): T[] => [...new Set(values ?? [])];

/**
 * KommuneCERT's advisories (varsler): written and corrected by KommuneCERT, read by the
 * municipalities they were sent to, answered by their officers. Every change is a new version, and
 * the worker tells the recipients (AdvisoryDeliveryService); the API only enqueues.
 */
@Injectable()
export class AdvisoriesService {
  private readonly logger = new Logger(AdvisoriesService.name);

  constructor(
    private readonly advisories: AdvisoriesRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly jobs: JobQueueService,
    private readonly incidents: IncidentsService,
  ) {}

  async create(principal: Principal, dto: CreateAdvisoryDto, address?: string): Promise<AdvisoryDto> {
    this.access.requireAccess(principal, Permission.AdvisoryWrite, { action: 'writes advisories' });
    const audience = await this.checkAudience(dto.audience);
    const products = unique(dto.products);
    const cveIds = unique(dto.cveIds);
    this.checkAffected(products, cveIds);
    const respondBy = this.checkRespondBy(dto.respondBy);
    const incidentIds = await this.checkIncidents(dto.incidentIds);
    const author = actorOf(principal, address);
    const advisory = await this.advisories.transaction(async (m) => {
      const a = await this.advisories.insert(m, {
        title: dto.title,
        summary: dto.summary,
        body: dto.body,
        severity: dto.severity,
        tlp: dto.tlp,
        products,
        cveIds,
        recommendedActions: dto.recommendedActions,
        respondBy,
        audienceAll: audience.all,
        audienceMunicipalities: audience.municipalityCodes,
        audienceRegions: audience.regionCodes,
        authorId: author.id,
        author: author.label,
      });
      const targeted = await this.advisories.insertTargets(m, a.id, audience);
      await this.advisories.addVersion(m, {
        advisoryId: a.id,
        version: 1,
        kind: 'published',
        content: contentOf(a),
        changedFields: [],
        note: null,
        changedBy: author.label,
      });
      await this.advisories.replaceIncidentLinks(m, a.id, incidentIds);
      await this.audit.record(
        author,
        {
          action: 'advisory.published',
          targetType: 'advisory',
          targetId: a.id,
          details: { severity: a.severity, tlp: a.tlp, targeted, incidentIds },
        },
        m,
      );
      return a;
    });
    await this.dispatch(advisory);
    return this.view(principal, advisory);
  }

  async list(principal: Principal, limit = 100, offset = 0): Promise<AdvisoryListDto> {
    const rows = await this.advisories.list(this.access.advisoryScope(principal), limit, offset);
    const total = (rows[0] as { total?: number } | undefined)?.total ?? 0;
    return { total, items: rows.map(listItem) };
  }

  async get(principal: Principal, id: string): Promise<AdvisoryDto> {
    return this.view(principal, await this.found(principal, id));
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateAdvisoryDto,
    address?: string,
  ): Promise<AdvisoryDto> {
    this.access.requireAccess(principal, Permission.AdvisoryWrite, { action: 'updates advisories' });
    for (const [field, value] of Object.entries(dto))
      if (value === null) throw fieldError(field, 'must not be null');
    const respondBy = dto.respondBy === undefined ? undefined : this.checkRespondBy(dto.respondBy);
    const incidentIds =
      dto.incidentIds === undefined ? undefined : await this.checkIncidents(dto.incidentIds);
    const author = actorOf(principal, address);
    const { advisory, changed } = await this.advisories.transaction(async (m) => {
      const a = await this.advisories.findInScope(id, { all: true }, m, true);
      if (!a) throw new AdvisoryNotFoundException(id);
      if (a.status === 'withdrawn') throw new AdvisoryWithdrawnException();
      if (a.version !== dto.version) throw new StaleAdvisoryVersionException(dto.version, a.version);
      const next: Advisory = {
        ...a,
        ...Object.fromEntries(
          CONTENT_FIELDS.filter((f) => dto[f] !== undefined && f !== 'respondBy').map((f) => [f, dto[f]]),
        ),
        products: dto.products === undefined ? a.products : unique(dto.products),
        cveIds: dto.cveIds === undefined ? a.cveIds : unique(dto.cveIds),
        respondBy: respondBy ?? a.respondBy,
      };
      this.checkAffected(next.products, next.cveIds);
      const before = contentOf(a);
      const after = contentOf(next);
      const changedFields = CONTENT_FIELDS.filter((f) => !same(before[f], after[f]));
      if (incidentIds) await this.advisories.replaceIncidentLinks(m, a.id, incidentIds);
      // Only a change of content is a new version that the recipients are told of.
      if (changedFields.length === 0) return { advisory: a, changed: false };
      next.version = a.version + 1;
      await this.advisories.update(m, a.id, {
        ...Object.fromEntries(changedFields.map((f) => [f, next[f]])),
        version: next.version,
      });
      await this.advisories.addVersion(m, {
        advisoryId: a.id,
        version: next.version,
        kind: 'updated',
        content: after,
        changedFields,
        note: dto.note?.trim() || null,
        changedBy: author.label,
      });
      await this.audit.record(
        author,
        {
          action: 'advisory.updated',
          targetType: 'advisory',
          targetId: a.id,
          details: { version: next.version, changedFields },
        },
        m,
      );
      return { advisory: next, changed: true };
    });
    if (changed) await this.dispatch(advisory);
    return this.get(principal, id);
  }

  async withdraw(principal: Principal, id: string, reason: string, address?: string): Promise<AdvisoryDto> {
    this.access.requireAccess(principal, Permission.AdvisoryWrite, { action: 'withdraws advisories' });
    const author = actorOf(principal, address);
    const advisory = await this.advisories.transaction(async (m) => {
      const a = await this.advisories.findInScope(id, { all: true }, m, true);
      if (!a) throw new AdvisoryNotFoundException(id);
      if (a.status === 'withdrawn') throw new AdvisoryWithdrawnException();
      const next: Advisory = {
        ...a,
        status: 'withdrawn',
        withdrawnAt: this.clock.now(),
        withdrawalReason: reason.trim(),
        version: a.version + 1,
      };
      await this.advisories.update(m, a.id, {
        status: next.status,
        withdrawnAt: next.withdrawnAt,
        withdrawalReason: next.withdrawalReason,
        version: next.version,
      });
      await this.advisories.addVersion(m, {
        advisoryId: a.id,
        version: next.version,
        kind: 'withdrawn',
        content: contentOf(a),
        changedFields: [],
        note: next.withdrawalReason,
        changedBy: author.label,
      });
      await this.audit.record(
        author,
        {
          action: 'advisory.withdrawn',
          targetType: 'advisory',
          targetId: a.id,
          details: { version: next.version },
        },
        m,
      );
      return next;
    });
    await this.dispatch(advisory);
    return this.get(principal, id);
  }

  /** The municipality's answer; officers answering at once leave one whole answer, the last. */
  async respond(
    principal: Principal,
    id: string,
    dto: MyResponseDto,
    address?: string,
  ): Promise<MyAdvisoryResponseDto> {
    const municipalityCode = principal.municipalityCode;
    const a =
      municipalityCode === null
        ? null
        : await this.advisories.findInScope(id, { all: false, municipalityCode });
    this.access.requireAccess(principal, Permission.AdvisoryRespond, { sentToCaller: a !== null });
    if (!a) throw new AdvisoryNotFoundException(id);
    if (a.status === 'withdrawn') throw new AdvisoryWithdrawnException();
    const actor = actorOf(principal, address);
    return this.advisories.transaction(async (m) => {
      const answer = await this.advisories.upsertResponse(
        m,
        { advisoryId: id, municipalityCode: municipalityCode! },
        { status: dto.status, comment: dto.comment?.trim() || null, respondedBy: actor.label },
      );
      await this.audit.record(
        actor,
        {
          action: 'advisory.answered',
          targetType: 'advisory',
          targetId: id,
          details: { municipalityCode, status: dto.status },
        },
        m,
      );
      return answer;
    });
  }

  /**
   * Opening the advisory in the web marks it read for an officer's municipality, unless it has a
   * status already. API keys read without marking: a system fetching is not a person reading.
   */
  async markRead(principal: Principal, id: string): Promise<void> {
    if (principal.kind !== 'user' || principal.role !== 'municipality_officer') return;
    await this.found(principal, id);
    await this.advisories.markRead(id, principal.municipalityCode!, principal.email);
  }

  /** Every active advisory's response rate (answered / targeted), for KommuneCERT's dashboard. */
  async activeResponseRates(principal: Principal): Promise<ActiveAdvisoryRateRow[]> {
    this.access.requireAccess(principal, Permission.AdvisoryResponsesRead, {});
    return this.advisories.activeResponseRates();
  }

  /** The response matrix: every targeted municipality × its status, and who has not answered. */
  async responses(principal: Principal, id: string): Promise<AdvisoryResponsesDto> {
    const a = await this.found(principal, id);
    this.access.requireAccess(principal, Permission.AdvisoryResponsesRead, {});
    const matrix = (await this.advisories.matrix(id)).map((r) => ({ ...r, answered: isAnswered(r.status) }));
    const notAnswered = matrix.filter((r) => !r.answered);
    return {
      advisoryId: id,
      respondBy: a.respondBy,
      overdue: a.respondBy.getTime() <= this.clock.now().getTime(),
      rate: {
        targeted: matrix.length,
        answered: matrix.length - notAnswered.length,
        readOnly: notAnswered.filter((r) => r.status === 'read').length,
      },
      matrix,
      notAnswered,
    };
  }

  /** The advisories linked to an incident, as far as the caller reads both. */
  async ofIncident(principal: Principal, incidentId: string): Promise<AdvisoryListItemDto[]> {
    await this.incidents.get(principal, incidentId);
    return (await this.advisories.ofIncident(incidentId, this.access.advisoryScope(principal))).map(listItem);
  }

  private async found(principal: Principal, id: string): Promise<Advisory> {
    const scope: AdvisoryScope = this.access.advisoryScope(principal);
    const a = await this.advisories.findInScope(id, scope);
    this.access.requireAccess(principal, Permission.AdvisoryRead, { sentToCaller: a !== null });
    if (!a) throw new AdvisoryNotFoundException(id);
    return a;
  }

  private async view(principal: Principal, a: Advisory): Promise<AdvisoryDto> {
    const scope = this.access.advisoryScope(principal);
    const own = scope.all ? null : scope.municipalityCode;
    const [versions, incidents, myResponse, rate] = await Promise.all([
      this.advisories.versions(a.id),
      this.advisories.linkedIncidents(a.id, own),
      own === null ? null : this.advisories.responseOf(a.id, own),
      own === null ? this.rate(a.id) : null,
    ]);
    return {
      id: a.id,
      title: a.title,
      summary: a.summary,
      body: a.body,
      severity: a.severity,
      tlp: a.tlp,
      products: a.products,
      cveIds: a.cveIds,
      recommendedActions: a.recommendedActions,
      respondBy: a.respondBy,
      status: a.status,
      withdrawnAt: a.withdrawnAt,
      withdrawalReason: a.withdrawalReason,
      version: a.version,
      author: a.author,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      audience:
        own === null
          ? {
              all: a.audienceAll,
              municipalityCodes: a.audienceMunicipalities,
              regionCodes: a.audienceRegions,
            }
          : null,
      responseRate: rate,
      myResponse,
      incidents,
      versions: versions.map((v) => ({
        version: v.version,
        kind: v.kind,
        changedFields: v.changedFields,
        note: v.note,
        changedBy: v.changedBy,
        at: v.at,
      })),
    };
  }

  private async rate(id: string): Promise<ResponseRateDto> {
    const matrix = await this.advisories.matrix(id);
    return {
      targeted: matrix.length,
      answered: matrix.filter((r) => isAnswered(r.status)).length,
      readOnly: matrix.filter((r) => r.status === 'read').length,
    };
  }

  /** All, or at least one known municipality or region; an unknown one is named in the 400. */
  private async checkAudience(dto: AudienceDto): Promise<Audience> {
    const municipalityCodes = unique(dto.municipalityCodes);
    const regionCodes = unique(dto.regionCodes);
    if (dto.all && (municipalityCodes.length > 0 || regionCodes.length > 0))
      throw fieldError('audience', 'is all municipalities or chosen ones, not both');
    if (!dto.all && municipalityCodes.length === 0 && regionCodes.length === 0)
      throw fieldError('audience', 'must be all or name at least one municipality or region');
    const unknownMunicipalities = await this.advisories.unknownMunicipalities(municipalityCodes);
    if (unknownMunicipalities.length > 0)
      throw fieldError(
        'audience.municipalityCodes',
        `has unknown municipality codes: ${unknownMunicipalities.join(', ')}`,
      );
    const unknownRegions = await this.advisories.unknownRegions(regionCodes);
    if (unknownRegions.length > 0)
      throw fieldError('audience.regionCodes', `has unknown region codes: ${unknownRegions.join(', ')}`);
    return { all: dto.all === true, municipalityCodes, regionCodes };
  }

  private checkAffected(products: string[], cveIds: string[]): void {
    if (products.length === 0 && cveIds.length === 0)
      throw fieldError('products', 'or cveIds must name at least one affected product or CVE id');
  }

  private checkRespondBy(value: string): Date {
    const respondBy = new Date(value);
    if (respondBy.getTime() <= this.clock.now().getTime())
      throw fieldError('respondBy', 'must not be in the past');
    return respondBy;
  }

  private async checkIncidents(ids: string[] | undefined): Promise<string[]> {
    const incidentIds = unique(ids?.map((id) => id.toLowerCase()));
    const unknown = await this.advisories.unknownIncidents(incidentIds);
    if (unknown.length > 0) throw fieldError('incidentIds', `has unknown incidents: ${unknown.join(', ')}`);
    return incidentIds;
  }

  /**
   * Asks the worker to tell the recipients of this version, and to remind at the respond-by time.
   * After the commit; if the queue is away, the worker's sweep delivers and reminds all the same.
   */
  private async dispatch(a: Advisory): Promise<void> {
    try {
      await this.jobs.enqueue(
        'advisories.fan-out',
        { advisoryId: a.id, version: a.version },
        { jobId: fanOutJobId(a.id, a.version) },
      );
      if (a.status === 'active') {
        const respondBy = a.respondBy.getTime();
        await this.jobs.enqueue(
          'advisories.remind',
          { advisoryId: a.id, respondBy },
          {
            jobId: remindJobId(a.id, respondBy),
            delay: Math.max(0, respondBy - this.clock.now().getTime()),
            removeOnComplete: true,
          },
        );
      }
    } catch (e) {
      this.logger.warn(`Advisory ${a.id} v${a.version} not queued (the sweep will send it): ${String(e)}`);
    }
  }
}

function listItem(r: AdvisoryListItemDto & { total?: number }): AdvisoryListItemDto {
  const { total: _total, ...item } = r;
  return item;
}
