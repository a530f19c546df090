import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditService } from '@app/audit';
import {
  AccessPolicy,
  actorOf,
  IncidentScope,
  isRestrictedIncidentItem,
  Permission,
  Principal,
} from '@app/auth';
import { Clock } from '@app/config';
import { DomainError, ErrorCode, type FileToSend } from '@app/http';
import { MAX_ATTACHMENT_BYTES, sniffMediaType } from './attachment-content';
import { copenhagenDate, copenhagenYear } from './copenhagen-time';
import {
  INCIDENT_EXPORT_TYPES,
  IncidentExportFormat,
  IncidentExportRow,
  incidentListCsv,
  incidentListXlsx,
  MAX_EXPORTED_INCIDENTS,
} from './export/incident-list-export';
import { IncidentClockEvents } from './incident-clock-events';
import type {
  ExportIncidentsQueryDto,
  ListIncidentsQueryDto,
  SubmitObligationDto,
  TransitionDto,
  AddCommentDto,
} from './dto/incident-actions.dto';
import type { PersonalDataBreachDto, ReportIncidentDto, UpdateIncidentDto } from './dto/incident.dto';
import type { IncidentAttachment } from './incident-attachment.entity';
import type { IncidentComment } from './incident-comment.entity';
import type { IncidentEventKind } from './incident-event.entity';
import { MispEvent, mispEvent, mispExportProblem } from './export/misp-event';
import { formatIncidentReference } from './incident-reference';
import { incidentTimesProblem } from './incident-times';
import { transitionProblem, transitionTimes } from './incident-workflow';
import type { Incident, IncidentSource } from './incident.entity';
import {
  AttachmentTooLargeException,
  AttachmentTypeRefusedException,
  fieldProblemError,
  IdempotencyKeyReusedException,
  IncidentAttachmentNotFoundException,
  incidentFieldError,
  IncidentNotFoundException,
  ObligationNotApplicableException,
  StaleIncidentVersionException,
  TransitionNotAllowedException,
} from './incidents.exceptions';
import {
  IncidentListFilter,
  IncidentListRow,
  IncidentsRepository,
  NewIncidentEvent,
  OpenObligationRow,
} from './incidents.repository';
import {
  IncidentView,
  mapEvent,
  mapIncident,
  mapObligation,
  ObligationView,
  personalDataBreachOf,
  TimelineEntryView,
} from './incident.view';
import {
  isLate,
  isObligationKind,
  OBLIGATION_KINDS,
  ObligationKind,
  planObligations,
} from './regulatory-clocks';
import { rsitProblem } from './rsit';

export interface ReportOptions {
  /** The Idempotency-Key header, if the caller sent one. */
  idempotencyKey?: string;
  /** Where the report came from; by default `cert` for KommuneCERT and `api` for everyone else. */
  source?: IncidentSource;
  address?: string;
}

export interface ReportResult {
  /** False when an idempotent retry found the incident an earlier request made. */
  created: boolean;
  incident: IncidentView;
}

export interface IncidentPage {
  total: number;
  limit: number;
  offset: number;
  items: IncidentListRow[];
}

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export type AttachmentView = Omit<IncidentAttachment, 'content' | 'incident'>;

const PDB_COLUMNS = [
  'pdbType',
  'pdbNature',
  'pdbApproxSubjects',
  'pdbApproxRecords',
  'pdbSpecialCategories',
  'pdbNotifiable',
  'pdbDocumentedOnlyReason',
  'pdbSubjectsInformed',
] as const;

/** Incident fields a correction may set directly (the personal-data breach is mapped separately). */
const PLAIN_FIELDS = [
  'title',
  'description',
  'rsitClass',
  'rsitType',
  'severity',
  'tlp',
  'nis2Significant',
  'nis2Impact',
  'rootCause',
  'affectedSystems',
  'affectedServices',
  'assigneeId',
] as const;
const TIME_FIELDS = ['occurredAt', 'detectedAt', 'awareAt'] as const;
/** Fields of an incident that only KommuneCERT sets after intake (its assessment). */
const TRIAGE_FIELDS = ['rsitClass', 'rsitType', 'severity'] as const;

function pdbColumns(
  pdb: PersonalDataBreachDto | null | undefined,
): Pick<Incident, (typeof PDB_COLUMNS)[number]> {
  return {
    pdbType: pdb?.type ?? null,
    pdbNature: pdb ? [...new Set(pdb.nature)] : null,
    pdbApproxSubjects: pdb?.approxSubjects ?? null,
    pdbApproxRecords: pdb?.approxRecords ?? null,
    pdbSpecialCategories: pdb ? [...new Set(pdb.specialCategories ?? [])] : null,
    pdbNotifiable: pdb ? pdb.notifiable : null,
    pdbDocumentedOnlyReason: pdb && !pdb.notifiable ? (pdb.documentedOnlyReason ?? null) : null,
    pdbSubjectsInformed: pdb?.subjectsInformed ?? null,
  };
}

const instant = (value: string | null | undefined): Date | null => (value ? new Date(value) : null);

/** The list's filters as the repository takes them (the page is the caller's). */
function listFilter(
  principal: Principal,
  query: ExportIncidentsQueryDto,
): Omit<IncidentListFilter, 'limit' | 'offset'> {
  return {
    status: query.status,
    municipalityCode: query.municipality,
    rsitClass: query.rsitClass,
    severity: query.severity,
    assigneeId:
      query.assignee === undefined
        ? undefined
        : query.assignee === 'none'
          ? null
          : query.assignee === 'me'
            ? principal.id
            : query.assignee,
    overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
    dueWithinHours: query.dueWithinHours,
    from: instant(query.from) ?? undefined,
    to: instant(query.to) ?? undefined,
    q: query.q,
  };
}

/** JSON with sorted keys, so that the same body always hashes the same. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** A value as the timeline keeps it (times as ISO strings), and for comparing before with after. */
function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

function isUniqueViolation(e: unknown, constraint: string): boolean {
  const driverError =
    e instanceof QueryFailedError ? (e.driverError as { code?: string; constraint?: string }) : null;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}

@Injectable()
export class IncidentsService {
  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly clockEvents: IncidentClockEvents,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * Records a new incident with its reference and obligations. With an idempotency key (the header,
   * or else the reporter's own reference) a retry of the same body returns the incident the first
   * request made, and the same key with another body is refused.
   */
  async report(
    principal: Principal,
    dto: ReportIncidentDto,
    options: ReportOptions = {},
  ): Promise<ReportResult> {
    const scope = this.access.incidentScope(principal);
    const municipalityCode = await this.reportingMunicipality(scope, dto.municipalityCode);
    this.access.requireAccess(principal, Permission.IncidentReport, { municipalityCode });
    const now = this.clock.now();
    const rsitClass = dto.rsitClass ?? (dto.rsitType === undefined ? 'other' : undefined);
    const rsitType = dto.rsitType ?? (dto.rsitClass === undefined ? 'undetermined' : undefined);
    if (rsitClass === undefined)
      throw incidentFieldError('rsitClass', 'is required with rsitType', 'REQUIRED');
    if (rsitType === undefined)
      throw incidentFieldError('rsitType', 'is required with rsitClass', 'REQUIRED');
    this.checkRsit(rsitClass, rsitType);
    const times = {
      occurredAt: instant(dto.occurredAt),
      detectedAt: instant(dto.detectedAt),
      awareAt: new Date(dto.awareAt),
    };
    this.checkTimes(times, now);
    const key = this.intakeKey(options.idempotencyKey, dto.reporterReference);
    const bodyHash = createHash('sha256')
      .update(canonicalJson({ ...dto, municipalityCode }))
      .digest('hex');
    const actor = actorOf(principal, options.address);
    const source = options.source ?? (scope.all ? 'cert' : 'api');

    let result: ReportResult;
    try {
      result = await this.incidents.transaction(async (m) => {
        if (key) {
          const claim = await this.incidents.claimIntakeKey(m, municipalityCode, key.value, bodyHash);
          if (!claim.claimed) {
            if (claim.bodyHash !== bodyHash || !claim.incidentId) {
              throw new IdempotencyKeyReusedException(key.field, claim.reference);
            }
            const existing = (await this.incidents.findInScope(claim.incidentId, scope, m))!;
            return { created: false, incident: await this.view(existing, now, m) };
          }
        }
        // The year's counter row is locked from nextSequence to the commit, so every report queues
        // on it: it is taken as late as possible, after the incident and its obligations are written
        // under a provisional reference, to hold it for as few statements as possible.
        const incident = await this.incidents.insertIncident(m, {
          reference: `pending:${randomUUID()}`,
          municipalityCode,
          source,
          reporterUserId: principal.kind === 'user' ? principal.id : null,
          reporterApiKeyId: principal.kind === 'api_key' ? principal.id : null,
          reporterLabel: actor.label,
          reporterReference: dto.reporterReference ?? null,
          title: dto.title,
          description: dto.description ?? '',
          rsitClass,
          rsitType,
          tlp: dto.tlp ?? 'amber',
          severity: dto.severity ?? 'medium',
          nis2Significant: dto.nis2Significant ?? 'not-assessed',
          nis2Impact: dto.nis2Impact ?? null,
          rootCause: dto.rootCause ?? null,
          affectedSystems: dto.affectedSystems ?? [],
          affectedServices: dto.affectedServices ?? [],
          ...times,
          ...pdbColumns(dto.personalDataBreach),
        });
        await this.incidents.replaceObligations(m, incident.id, planObligations(this.clockInput(incident)));
        if (key) await this.incidents.attachIntakeKey(m, municipalityCode, key.value, incident.id);
        const year = copenhagenYear(now);
        const reference = formatIncidentReference(year, await this.incidents.nextSequence(m, year));
        await this.incidents.updateIncident(m, incident.id, { reference });
        incident.reference = reference;
        await this.incidents.addEvents(m, [
          this.event(incident, principal, 'reported', {
            after: { reference, status: incident.status, source },
          }),
        ]);
        await this.audit.record(
          actor,
          {
            action: 'incident.reported',
            targetType: 'incident',
            targetId: incident.id,
            details: { reference, municipalityCode, source, rsitClass, rsitType },
          },
          m,
        );
        return { created: true, incident: await this.view(incident, now, m) };
      });
    } catch (e) {
      if (isUniqueViolation(e, 'UQ_incidents_reporter_reference')) {
        throw new IdempotencyKeyReusedException('reporterReference', null);
      }
      throw e;
    }
    if (result.created) await this.clockEvents.changed(result.incident.id);
    return result;
  }

  async list(principal: Principal, query: ListIncidentsQueryDto): Promise<IncidentPage> {
    const scope = this.access.incidentScope(principal);
    const limit = query.limit ?? 25;
    const offset = query.offset ?? 0;
    const { total, rows } = await this.incidents.list(
      scope,
      { ...listFilter(principal, query), limit, offset },
      this.clock.now(),
    );
    return { total, limit, offset, items: rows };
  }

  /**
   * Every incident the list's filters select, as a Danish CSV or a typed XLSX, for KommuneCERT. More
   * than MAX_EXPORTED_INCIDENTS is refused (422) rather than cut short.
   */
  async exportList(
    principal: Principal,
    query: ExportIncidentsQueryDto,
    format: IncidentExportFormat,
    address?: string,
  ): Promise<FileToSend> {
    this.access.requireAccess(principal, Permission.IncidentExport, { what: 'list' });
    const scope = this.access.incidentScope(principal);
    const now = this.clock.now();
    const { total, rows } = await this.incidents.list(
      scope,
      {
        ...listFilter(principal, query),
        limit: MAX_EXPORTED_INCIDENTS,
        offset: 0,
        withAssigneeName: true,
        maxTotal: MAX_EXPORTED_INCIDENTS,
      },
      now,
    );
    if (total > MAX_EXPORTED_INCIDENTS) {
      throw new DomainError(
        ErrorCode.UNPROCESSABLE,
        `The filters select ${total} incidents, more than the ${MAX_EXPORTED_INCIDENTS} an export holds; narrow them (from, to, municipality, status)`,
        { total, max: MAX_EXPORTED_INCIDENTS },
      );
    }
    const exportRows = rows as IncidentExportRow[];
    await this.audit.record(actorOf(principal, address), {
      action: 'incident.list-exported',
      targetType: 'incident',
      details: { format, count: exportRows.length, filters: { ...query } },
    });
    return {
      content: format === 'csv' ? incidentListCsv(exportRows) : await incidentListXlsx(exportRows, now),
      contentType: INCIDENT_EXPORT_TYPES[format],
      filename: `kommunecert-haendelser-${copenhagenDate(now)}.${format}`,
      disposition: 'attachment',
    };
  }

  /**
   * The incident as a MISP event without personal data, for KommuneCERT to share with the national
   * centre; a TLP:RED incident is refused (422 naming `tlp`).
   */
  async mispEvent(principal: Principal, id: string, address?: string): Promise<MispEvent> {
    this.access.requireAccess(principal, Permission.IncidentExport, { what: 'misp' });
    const incident = await this.visible(principal, id);
    const problem = mispExportProblem(incident);
    if (problem)
      throw new DomainError(ErrorCode.UNPROCESSABLE, `tlp ${problem}`, [
        { field: 'tlp', problems: [problem] },
      ]);
    const event = mispEvent({
      ...incident,
      regionName: await this.incidents.regionName(incident.municipalityCode),
    });
    await this.audit.record(actorOf(principal, address), {
      action: 'incident.misp-exported',
      targetType: 'incident',
      targetId: incident.id,
      details: { reference: incident.reference },
    });
    return event;
  }

  async get(principal: Principal, id: string): Promise<IncidentView> {
    const incident = await this.visible(principal, id);
    return this.view(incident, this.clock.now());
  }

  /**
   * Corrects fields of the incident, refused with 409 when it changed since `version`. Each changed
   * field is a timeline entry; a change of awareAt, the NIS2 assessment or the breach recomputes
   * the obligations.
   */
  async update(
    principal: Principal,
    id: string,
    dto: UpdateIncidentDto,
    address?: string,
  ): Promise<IncidentView> {
    const scope = this.access.incidentScope(principal);
    for (const field of TRIAGE_FIELDS) {
      if (dto[field] !== undefined)
        this.access.requireAccess(principal, Permission.IncidentTriage, { field });
    }
    if (dto.assigneeId !== undefined) this.access.requireAccess(principal, Permission.IncidentAssign, {});
    if (dto.assigneeId && !(await this.incidents.isActiveCertAnalyst(dto.assigneeId))) {
      throw incidentFieldError('assigneeId', 'is not an active KommuneCERT analyst', 'NOT_AN_ANALYST');
    }
    const now = this.clock.now();
    const result = await this.incidents.transaction(async (m) => {
      const incident = await this.locked(m, id, scope);
      if (incident.version !== dto.version)
        throw new StaleIncidentVersionException(dto.version, incident.version);
      const next: Incident = { ...incident };
      for (const field of PLAIN_FIELDS) {
        if (dto[field] !== undefined) (next as unknown as Record<string, unknown>)[field] = dto[field];
      }
      for (const field of TIME_FIELDS) {
        if (dto[field] !== undefined)
          (next as unknown as Record<string, unknown>)[field] = instant(dto[field]);
      }
      if (dto.personalDataBreach !== undefined) Object.assign(next, pdbColumns(dto.personalDataBreach));
      if (dto.rsitClass !== undefined || dto.rsitType !== undefined)
        this.checkRsit(next.rsitClass, next.rsitType);
      this.checkTimes(next, now);
      if (next.awareAt.getTime() !== incident.awareAt.getTime())
        await this.checkAwareBeforeSubmissions(m, incident.id, next.awareAt);

      const events: NewIncidentEvent[] = [];
      const patch: Record<string, unknown> = {};
      for (const field of [...PLAIN_FIELDS, ...TIME_FIELDS]) {
        const before = comparable(incident[field]);
        const after = comparable(next[field]);
        if (canonicalJson(before) === canonicalJson(after)) continue;
        patch[field] = next[field];
        events.push(
          this.event(incident, principal, field === 'assigneeId' ? 'assigned' : 'field-changed', {
            field,
            before,
            after,
          }),
        );
      }
      const breachBefore = personalDataBreachOf(incident);
      const breachAfter = personalDataBreachOf(next);
      if (canonicalJson(breachBefore) !== canonicalJson(breachAfter)) {
        for (const column of PDB_COLUMNS) patch[column] = next[column];
        events.push(
          this.event(incident, principal, 'field-changed', {
            field: 'personalDataBreach',
            before: breachBefore,
            after: breachAfter,
          }),
        );
      }
      if (events.length === 0) return this.view(incident, now, m);

      const version = incident.version + 1;
      await this.incidents.updateIncident(m, incident.id, {
        ...patch,
        version,
      } as QueryDeepPartialEntity<Incident>);
      events.push(...(await this.recomputeObligations(m, { ...next, version }, principal)));
      await this.incidents.addEvents(m, events);
      await this.audit.record(
        actorOf(principal, address),
        {
          action: 'incident.updated',
          targetType: 'incident',
          targetId: incident.id,
          details: {
            reference: incident.reference,
            municipalityCode: incident.municipalityCode,
            fields: events.filter((e) => e.field).map((e) => e.field),
            version,
          },
        },
        m,
      );
      return this.view(await this.locked(m, id, scope), now, m);
    });
    await this.clockEvents.changed(id);
    return result;
  }

  /** Moves the incident through the workflow (KommuneCERT only). */
  async transition(
    principal: Principal,
    id: string,
    dto: TransitionDto,
    address?: string,
  ): Promise<IncidentView> {
    const scope = this.access.incidentScope(principal);
    this.access.requireAccess(principal, Permission.IncidentTransition, {});
    const now = this.clock.now();
    const result = await this.incidents.transaction(async (m) => {
      const incident = await this.locked(m, id, scope);
      if (incident.version !== dto.version)
        throw new StaleIncidentVersionException(dto.version, incident.version);
      const problem = transitionProblem(incident.status, dto);
      if (problem?.kind === 'not-allowed') {
        throw new TransitionNotAllowedException(problem.from, problem.to, problem.allowed);
      }
      if (problem) throw fieldProblemError(problem);
      const original = dto.to === 'duplicate' ? await this.original(m, incident, dto.duplicateOf!) : null;
      const version = incident.version + 1;
      await this.incidents.updateIncident(m, incident.id, {
        status: dto.to,
        version,
        disposition: dto.to === 'not_an_incident' ? dto.disposition! : null,
        duplicateOfId: original?.id ?? null,
        ...transitionTimes(dto.to, now, incident),
      });
      await this.incidents.addEvents(m, [
        this.event(incident, principal, 'status-changed', {
          field: 'status',
          before: incident.status,
          after: dto.to,
        }),
        ...this.statusReasonEvents(incident, principal, dto, original),
      ]);
      await this.audit.record(
        actorOf(principal, address),
        {
          action: 'incident.status-changed',
          targetType: 'incident',
          targetId: incident.id,
          details: {
            reference: incident.reference,
            municipalityCode: incident.municipalityCode,
            from: incident.status,
            to: dto.to,
            disposition: dto.disposition ?? null,
            duplicateOf: original?.reference ?? null,
            version,
          },
        },
        m,
      );
      return this.view(await this.locked(m, id, scope), now, m);
    });
    await this.clockEvents.changed(id);
    return result;
  }

  async comments(principal: Principal, id: string): Promise<IncidentComment[]> {
    const incident = await this.visible(principal, id);
    return this.incidents.comments(incident.id, this.access.seesRestrictedIncidentItems(principal));
  }

  async addComment(
    principal: Principal,
    id: string,
    dto: AddCommentDto,
    address?: string,
  ): Promise<IncidentComment> {
    const scope = this.access.incidentScope(principal);
    this.access.requireAccess(principal, Permission.IncidentInternalWrite, {
      internal: dto.internal ?? false,
      tlp: dto.tlp ?? null,
      what: 'comments',
    });
    return this.incidents.transaction(async (m) => {
      const incident = await this.found(await this.incidents.findInScope(id, scope, m), id);
      const actor = actorOf(principal, address);
      const comment = await this.incidents.addComment(m, {
        incidentId: incident.id,
        body: dto.body,
        internal: dto.internal ?? false,
        tlp: dto.tlp ?? null,
        authorId: actor.id,
        author: actor.label,
      });
      await this.incidents.addEvents(m, [
        this.event(incident, principal, 'comment-added', {
          internal: isRestrictedIncidentItem(comment),
          after: { commentId: comment.id, body: comment.body, tlp: comment.tlp },
        }),
      ]);
      await this.audit.record(
        actor,
        {
          action: 'incident.comment-added',
          targetType: 'incident',
          targetId: incident.id,
          details: {
            reference: incident.reference,
            commentId: comment.id,
            internal: comment.internal,
            tlp: comment.tlp,
          },
        },
        m,
      );
      return comment;
    });
  }

  async timeline(principal: Principal, id: string): Promise<TimelineEntryView[]> {
    const incident = await this.visible(principal, id);
    return (await this.incidents.events(incident.id, this.access.seesRestrictedIncidentItems(principal))).map(
      mapEvent,
    );
  }

  async obligations(principal: Principal, id: string): Promise<ObligationView[]> {
    const incident = await this.visible(principal, id);
    const now = this.clock.now();
    return (await this.incidents.obligations(incident.id)).map((o) => mapObligation(o, now));
  }

  /**
   * Records that an obligation was met (the officer's or KommuneCERT's notification). Late
   * submissions must give the reason for the delay; submitting the NIS2 notification moves the
   * final report's due time to one month after it.
   */
  async submitObligation(
    principal: Principal,
    id: string,
    kind: string,
    dto: SubmitObligationDto,
    address?: string,
  ): Promise<ObligationView[]> {
    const scope = this.access.incidentScope(principal);
    if (!isObligationKind(kind))
      throw incidentFieldError('kind', `must be one of ${OBLIGATION_KINDS.join(', ')}`, 'INVALID');
    const now = this.clock.now();
    const submittedAt = new Date(dto.submittedAt);
    if (submittedAt.getTime() > now.getTime() + 5 * 60_000)
      throw incidentFieldError('submittedAt', 'must not be in the future', 'IN_FUTURE');
    const result = await this.incidents.transaction(async (m) => {
      const incident = await this.locked(m, id, scope);
      const obligation = (await this.incidents.obligations(incident.id, m)).find((o) => o.kind === kind);
      if (!obligation) throw new ObligationNotApplicableException(kind, incident.reference);
      if (submittedAt < incident.awareAt)
        throw incidentFieldError('submittedAt', 'must not be before awareAt', 'BEFORE_AWARE');
      if (isLate({ dueAt: obligation.dueAt, submittedAt }) && !dto.reasonForDelay) {
        throw incidentFieldError(
          'reasonForDelay',
          `is required: submitted after the due time ${obligation.dueAt.toISOString()}`,
          'DELAY_REASON_REQUIRED',
        );
      }
      const actor = actorOf(principal, address);
      const values = {
        submittedAt,
        reference: dto.reference ?? null,
        reasonForDelay: dto.reasonForDelay ?? null,
        submittedById: actor.id,
      };
      await this.incidents.recordSubmission(m, incident.id, kind, values);
      const events = [
        this.event(incident, principal, 'obligation-submitted', {
          field: kind,
          before: { submittedAt: comparable(obligation.submittedAt), reference: obligation.reference },
          after: {
            submittedAt: submittedAt.toISOString(),
            reference: values.reference,
            reasonForDelay: values.reasonForDelay,
          },
        }),
        ...(await this.recomputeObligations(m, incident, principal)),
      ];
      await this.incidents.addEvents(m, events);
      await this.audit.record(
        actor,
        {
          action: 'incident.obligation-submitted',
          targetType: 'incident',
          targetId: incident.id,
          details: {
            reference: incident.reference,
            kind,
            submittedAt: submittedAt.toISOString(),
            late: values.reasonForDelay !== null,
          },
        },
        m,
      );
      return (await this.incidents.obligations(incident.id, m)).map((o) => mapObligation(o, now));
    });
    await this.clockEvents.changed(id);
    return result;
  }

  /**
   * For the reminder jobs and home pages (no principal: callers scope the result themselves):
   * the unsubmitted obligations of incidents still being handled, soonest first.
   */
  openObligations(
    filter: { incidentId?: string; dueBefore?: Date; limit?: number } = {},
  ): Promise<OpenObligationRow[]> {
    return this.incidents.openObligations(filter);
  }

  async attachments(principal: Principal, id: string): Promise<AttachmentView[]> {
    const incident = await this.visible(principal, id);
    return this.incidents.attachments(incident.id, this.access.seesRestrictedIncidentItems(principal));
  }

  /** Keeps a file (≤ 10 MB, an allow-listed type recognised by its content) with its SHA-256. */
  async addAttachment(
    principal: Principal,
    id: string,
    file: UploadedFile | undefined,
    meta: { internal?: boolean; tlp?: IncidentAttachment['tlp'] },
    address?: string,
  ): Promise<AttachmentView> {
    const scope = this.access.incidentScope(principal);
    if (!file) throw incidentFieldError('file', 'is required (multipart/form-data)', 'REQUIRED');
    if (file.size > MAX_ATTACHMENT_BYTES) throw new AttachmentTooLargeException(MAX_ATTACHMENT_BYTES);
    const mediaType = sniffMediaType(file.buffer);
    if (!mediaType) throw new AttachmentTypeRefusedException();
    this.access.requireAccess(principal, Permission.IncidentInternalWrite, {
      internal: meta.internal ?? false,
      tlp: meta.tlp ?? null,
      what: 'attachments',
    });
    return this.incidents.transaction(async (m) => {
      const incident = await this.found(await this.incidents.findInScope(id, scope, m), id);
      const actor = actorOf(principal, address);
      const sha256 = createHash('sha256').update(file.buffer).digest('hex');
      const saved = await this.incidents.addAttachment(m, {
        incidentId: incident.id,
        fileName: file.originalname.slice(0, 255) || 'attachment',
        mediaType,
        size: file.buffer.length,
        sha256,
        content: file.buffer,
        internal: meta.internal ?? false,
        tlp: meta.tlp ?? null,
        uploadedById: actor.id,
        uploadedBy: actor.label,
      });
      await this.incidents.addEvents(m, [
        this.event(incident, principal, 'attachment-added', {
          internal: isRestrictedIncidentItem(saved),
          after: { attachmentId: saved.id, fileName: saved.fileName, mediaType, size: saved.size, sha256 },
        }),
      ]);
      await this.audit.record(
        actor,
        {
          action: 'incident.attachment-added',
          targetType: 'incident',
          targetId: incident.id,
          details: { reference: incident.reference, attachmentId: saved.id, sha256, size: saved.size },
        },
        m,
      );
      const { content: _content, ...view } = saved;
      return view;
    });
  }

  async attachment(principal: Principal, id: string, attachmentId: string): Promise<IncidentAttachment> {
    const incident = await this.visible(principal, id);
    const attachment = await this.incidents.attachmentWithContent(incident.id, attachmentId);
    if (!attachment) throw new IncidentAttachmentNotFoundException(attachmentId);
    this.access.requireAccess(principal, Permission.IncidentRestrictedRead, attachment);
    return attachment;
  }

  // ---- helpers ----

  private async reportingMunicipality(scope: IncidentScope, given: number | undefined): Promise<number> {
    if (!scope.all) {
      if (given !== undefined && given !== scope.municipalityCode) {
        throw incidentFieldError(
          'municipalityCode',
          `must be your own municipality (${scope.municipalityCode}) or left out`,
          'NOT_OWN_MUNICIPALITY',
        );
      }
      return scope.municipalityCode;
    }
    if (given === undefined)
      throw incidentFieldError('municipalityCode', 'is required when KommuneCERT reports', 'REQUIRED');
    if (!(await this.incidents.municipalityExists(given)))
      throw incidentFieldError('municipalityCode', 'is not a municipality', 'INVALID');
    return given;
  }

  private intakeKey(header: string | undefined, reporterReference: string | undefined) {
    if (header !== undefined) {
      if (!/^[\x21-\x7e]{1,200}$/.test(header)) {
        throw incidentFieldError('Idempotency-Key', 'must be 1 to 200 visible ASCII characters', 'INVALID');
      }
      return { field: 'Idempotency-Key', value: `idempotency-key:${header}` };
    }
    if (reporterReference !== undefined) {
      return { field: 'reporterReference', value: `reporter-reference:${reporterReference}` };
    }
    return null;
  }

  private checkRsit(rsitClass: string, rsitType: string): void {
    const problem = rsitProblem(rsitClass, rsitType);
    if (problem) throw fieldProblemError(problem);
  }

  private checkTimes(times: Parameters<typeof incidentTimesProblem>[0], now: Date): void {
    const problem = incidentTimesProblem(times, now);
    if (problem) throw fieldProblemError(problem);
  }

  /**
   * A submission is never before awareAt (submitObligation checks it); a correction of awareAt may
   * not move it past one either, or a late notification would quietly stop being late.
   */
  private async checkAwareBeforeSubmissions(m: EntityManager, incidentId: string, awareAt: Date) {
    const earlier = (await this.incidents.obligations(incidentId, m)).find(
      (o) => o.submittedAt !== null && o.submittedAt < awareAt,
    );
    if (earlier) {
      throw incidentFieldError(
        'awareAt',
        `must not be after the submission of ${earlier.kind} (${earlier.submittedAt!.toISOString()})`,
        'BEFORE_AWARE',
      );
    }
  }

  private clockInput(i: Incident) {
    return {
      awareAt: i.awareAt,
      breachNotifiable: i.pdbNotifiable === true,
      nis2Significant: i.nis2Significant,
    };
  }

  /** Replans the obligations from the incident's current inputs; a timeline entry when a due moved. */
  private async recomputeObligations(m: EntityManager, incident: Incident, principal: Principal) {
    const stored = await this.incidents.obligations(incident.id, m);
    const planned = planObligations(
      this.clockInput(incident),
      Object.fromEntries(stored.map((o) => [o.kind, { submittedAt: o.submittedAt }])),
    );
    const dues = (list: Array<{ kind: ObligationKind; dueAt: Date }>) =>
      Object.fromEntries(list.map((o) => [o.kind, o.dueAt.toISOString()]));
    const before = dues(stored);
    await this.incidents.replaceObligations(m, incident.id, planned);
    const after = dues(await this.incidents.obligations(incident.id, m));
    return canonicalJson(before) === canonicalJson(after)
      ? []
      : [this.event(incident, principal, 'obligations-recomputed', { before, after })];
  }

  private event(
    incident: Incident,
    principal: Principal,
    kind: IncidentEventKind,
    entry: { field?: string; before?: unknown; after?: unknown; internal?: boolean },
  ): NewIncidentEvent {
    const actor = actorOf(principal);
    return {
      incidentId: incident.id,
      kind,
      field: entry.field ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      actorId: actor.id,
      actor: actor.label,
      internal: entry.internal ?? false,
    };
  }

  /**
   * The reason, disposition and original of a transition. The original's reference is kept from the
   * municipality when the original is another municipality's incident: that part is internal.
   */
  private statusReasonEvents(
    incident: Incident,
    principal: Principal,
    dto: TransitionDto,
    original: Incident | null,
  ): NewIncidentEvent[] {
    const foreign = original !== null && original.municipalityCode !== incident.municipalityCode;
    const entry = (reason: string | null, duplicateOf: string | null, internal = false) =>
      this.event(incident, principal, 'field-changed', {
        field: 'statusReason',
        after: { reason, disposition: dto.disposition ?? null, duplicateOf },
        internal,
      });
    const reason = dto.reason ?? null;
    if (!foreign)
      return reason || dto.disposition || original ? [entry(reason, original?.reference ?? null)] : [];
    return [...(reason ? [entry(reason, null)] : []), entry(null, original.reference, true)];
  }

  private async original(m: EntityManager, incident: Incident, idOrReference: string): Promise<Incident> {
    const original = await this.incidents.findByIdOrReference(m, idOrReference);
    if (!original) throw incidentFieldError('duplicateOf', 'is not an incident', 'DUPLICATE_NOT_FOUND');
    if (original.id === incident.id)
      throw incidentFieldError('duplicateOf', 'must be another incident', 'DUPLICATE_OF_ITSELF');
    if (original.status === 'duplicate') {
      throw incidentFieldError(
        'duplicateOf',
        'is itself a duplicate; point to the original',
        'DUPLICATE_OF_DUPLICATE',
      );
    }
    return original;
  }

  private found(incident: Incident | null, id: string): Incident {
    if (!incident) throw new IncidentNotFoundException(id);
    return incident;
  }

  private async visible(principal: Principal, id: string): Promise<Incident> {
    return this.found(await this.incidents.findInScope(id, this.access.incidentScope(principal)), id);
  }

  private async locked(m: EntityManager, id: string, scope: IncidentScope): Promise<Incident> {
    return this.found(await this.incidents.findInScope(id, scope, m, true), id);
  }

  private async view(incident: Incident, now: Date, m?: EntityManager): Promise<IncidentView> {
    return mapIncident(incident, await this.incidents.obligations(incident.id, m), now);
  }
}
