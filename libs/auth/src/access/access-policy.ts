import { ForbiddenException, HttpException, Injectable, NotFoundException } from '@nestjs/common';
import { DomainError, ErrorCode } from '@app/http';
import type { Principal } from '../principal';
import {
  AdvisoryScope,
  IncidentItemTarget,
  IncidentScope,
  IncidentStatisticsView,
  Permission,
  PermissionTargets,
  UserRoleFact,
} from './permission';

interface Rule<T> {
  allows(principal: Principal, target: T): boolean;
  /** The refusal; a 404 where the target's existence must not leak, as an unknown id would answer. */
  denial(target: T, principal: Principal): HttpException | DomainError;
}

const isKl = (p: Principal) => p.kind === 'user' && p.role === 'kl_analyst';

/** A signed-in security officer of exactly that municipality (API keys never count). */
const isOwnOfficer = (p: Principal, code: number | null) =>
  p.kind === 'user' &&
  p.role === 'municipality_officer' &&
  p.municipalityCode !== null &&
  p.municipalityCode === code;

const isCert = (p: Principal) => p.kind === 'user' && p.role === 'cert_analyst';

/**
 * The one municipality whose incidents the caller works with: an officer's or an API key's. KL and
 * the administrator have none: they see only the national aggregates, never an incident.
 */
const incidentMunicipality = (p: Principal): number | null =>
  p.kind === 'api_key' || p.role === 'municipality_officer' ? p.municipalityCode : null;

const seesIncidentLog = (p: Principal) => isCert(p) || incidentMunicipality(p) !== null;

/** Advisories go to municipalities as incidents come from them: an officer's or an API key's. */
const advisoryMunicipality = incidentMunicipality;

/** Internal and TLP:RED material (comments, attachments, their timeline entries) is KommuneCERT's alone. */
export const isRestrictedIncidentItem = (item: IncidentItemTarget) => item.internal || item.tlp === 'red';

const certOnly = (refusal: string) => new DomainError(ErrorCode.FORBIDDEN, refusal);

const EXPORT_REFUSALS: Record<PermissionTargets[Permission.IncidentExport]['what'], string> = {
  list: 'Only KommuneCERT exports the incident list',
  misp: 'Only KommuneCERT exports an incident as a MISP event',
  statistics: 'Only KommuneCERT exports the incident statistics',
  mapping: 'Only KommuneCERT gets the yearly mapping of incidents',
};

const RULES: { [P in Permission]: Rule<PermissionTargets[P]> } = {
  [Permission.EditionRead]: {
    // Anyone but KL gets for a draft exactly the 404 of an unknown id: neither existence nor year leaks.
    allows: (p, { edition }) => edition.status !== 'draft' || isKl(p),
    denial: ({ edition }) => new NotFoundException(`Edition ${edition.id} not found`),
  },
  [Permission.StatisticsRead]: {
    // KL checks the figures of a closed edition before publishing it.
    allows: (p, { edition }) => edition.status === 'published' || (edition.status === 'closed' && isKl(p)),
    denial: ({ edition }) => new NotFoundException(`No published statistics for edition ${edition.year}`),
  },
  [Permission.ReportRead]: {
    allows: (_p, { edition }) => edition.status === 'published',
    denial: ({ edition }) => new NotFoundException(`Edition ${edition.year} has no published reports`),
  },
  [Permission.MunicipalityStatisticsRead]: {
    allows: (p, { municipalityCode }) => isOwnOfficer(p, municipalityCode),
    denial: () => new ForbiddenException("Only the municipality's own security officers can see its scores"),
  },
  [Permission.MunicipalityReportRead]: {
    allows: (p, { municipalityCode }) => isOwnOfficer(p, municipalityCode),
    denial: () => new ForbiddenException("Only the municipality's own security officers can get its report"),
  },
  [Permission.MunicipalityResponseWrite]: {
    allows: (p, { municipalityCode }) => isOwnOfficer(p, municipalityCode),
    denial: () =>
      new ForbiddenException("Only the municipality's own security officers can read or change its response"),
  },
  [Permission.MunicipalityOfficersRead]: {
    // The route admits officers and platform administrators; an officer sees only their own.
    allows: (p, { municipalityCode }) =>
      !(p.kind === 'user' && p.role === 'municipality_officer' && p.municipalityCode !== municipalityCode),
    denial: () => new ForbiddenException('You can only see your own municipality'),
  },
  [Permission.IncidentRead]: {
    allows: (p, { municipalityCode }) =>
      isCert(p) ||
      (incidentMunicipality(p) !== null &&
        (municipalityCode === null || incidentMunicipality(p) === municipalityCode)),
    // Another municipality's incident answers as an unknown id would; KL and the administrator are
    // told that incidents are not theirs.
    denial: (_t, p) =>
      seesIncidentLog(p)
        ? new DomainError(ErrorCode.INCIDENT_NOT_FOUND, 'No such incident')
        : certOnly('Incidents are for KommuneCERT and the municipalities’ own officers'),
  },
  [Permission.IncidentReport]: {
    allows: (p, { municipalityCode }) => isCert(p) || incidentMunicipality(p) === municipalityCode,
    denial: () => certOnly('You can only report incidents of your own municipality'),
  },
  [Permission.IncidentTriage]: {
    allows: isCert,
    denial: ({ field }) => certOnly(`Only KommuneCERT sets ${field}`),
  },
  [Permission.IncidentAssign]: {
    allows: isCert,
    denial: () => certOnly('Only KommuneCERT sets assigneeId'),
  },
  [Permission.IncidentTransition]: {
    allows: isCert,
    denial: () => certOnly('Only KommuneCERT changes the status of an incident'),
  },
  [Permission.IncidentInternalWrite]: {
    allows: (p, item) => !item.internal || isCert(p),
    denial: ({ what }) =>
      certOnly(
        `Only KommuneCERT ${what === 'comments' ? 'writes internal comments' : 'adds internal attachments'}`,
      ),
  },
  [Permission.IncidentRestrictedRead]: {
    allows: (p, item) => !isRestrictedIncidentItem(item) || isCert(p),
    denial: () => new DomainError(ErrorCode.INCIDENT_ATTACHMENT_NOT_FOUND, 'No such attachment'),
  },
  [Permission.IncidentExport]: {
    allows: isCert,
    denial: ({ what }) => certOnly(EXPORT_REFUSALS[what]),
  },
  [Permission.AdvisoryRead]: {
    allows: (p, { sentToCaller }) =>
      isCert(p) || (advisoryMunicipality(p) !== null && sentToCaller !== false),
    // An advisory not sent to the caller's municipality answers as an unknown id would (its title,
    // even its existence, may be TLP:AMBER for others); KL and the administrator are told that
    // advisories are not theirs, as for incidents.
    denial: (_t, p) =>
      isCert(p) || advisoryMunicipality(p) !== null
        ? new DomainError(ErrorCode.ADVISORY_NOT_FOUND, 'No such advisory')
        : certOnly('Advisories are for KommuneCERT and the municipalities’ own officers'),
  },
  [Permission.AdvisoryWrite]: {
    allows: isCert,
    denial: ({ action }) => certOnly(`Only KommuneCERT ${action}`),
  },
  [Permission.AdvisoryRespond]: {
    // An API key reads its municipality's advisories but does not answer for it: a person does.
    allows: (p, { sentToCaller }) => p.kind === 'user' && p.role === 'municipality_officer' && sentToCaller,
    denial: ({ sentToCaller }, p) =>
      advisoryMunicipality(p) !== null && !sentToCaller
        ? new DomainError(ErrorCode.ADVISORY_NOT_FOUND, 'No such advisory')
        : certOnly("Only the municipality's own security officers answer an advisory"),
  },
  [Permission.AdvisoryResponsesRead]: {
    allows: isCert,
    denial: () => certOnly('Only KommuneCERT sees the municipalities’ answers to an advisory'),
  },
  [Permission.IncidentStatisticsRead]: {
    // A municipal system pushes incidents; the figures are for people. The administrator reads as KL.
    allows: (p) => p.kind === 'user',
    denial: () => new ForbiddenException('Incident statistics are for signed-in users, not API keys'),
  },
  [Permission.IncidentStatisticsAllRead]: {
    allows: isCert,
    denial: () => certOnly('Only KommuneCERT sees unsuppressed incident figures'),
  },
  [Permission.UserManage]: {
    // KL onboards and looks after the municipalities' officers; every other account is the administrator's.
    allows: (p, { role }) =>
      p.kind === 'user' && (p.role === 'platform_admin' || (isKl(p) && role === 'municipality_officer')),
    denial: ({ role }) => new DomainError(ErrorCode.FORBIDDEN, `You cannot manage ${role} accounts`),
  },
};

const USER_ROLES: readonly UserRoleFact[] = [
  'platform_admin',
  'kl_analyst',
  'cert_analyst',
  'municipality_officer',
];

/**
 * Who may see or change which municipal data: every rule in one table, called first by each service
 * that reads municipal data (in the way of immich's `requireAccess`). Route guards (`@Auth(role)`)
 * still decide who reaches a route at all; this decides on the particular edition or municipality.
 */
@Injectable()
export class AccessPolicy {
  canAccess<P extends Permission>(
    principal: Principal,
    permission: P,
    target: PermissionTargets[P],
  ): boolean {
    return (RULES[permission] as Rule<PermissionTargets[P]>).allows(principal, target);
  }

  /** Throws the permission's refusal (403, or 404 where existence must not leak) unless allowed. */
  requireAccess<P extends Permission>(
    principal: Principal,
    permission: P,
    target: PermissionTargets[P],
  ): void {
    const rule = RULES[permission] as Rule<PermissionTargets[P]>;
    if (!rule.allows(principal, target)) throw rule.denial(target, principal);
  }

  /**
   * The incidents the caller works with, for the repository to scope its queries by; refused (403)
   * for those who see no incident. Another municipality's incident is then simply not found.
   */
  incidentScope(principal: Principal): IncidentScope {
    this.requireAccess(principal, Permission.IncidentRead, { municipalityCode: null });
    return isCert(principal)
      ? { all: true }
      : { all: false, municipalityCode: incidentMunicipality(principal)! };
  }

  /**
   * The advisories the caller reads, for the repository to scope its queries by; refused (403) for
   * KL and the administrator. An advisory not sent to the caller's municipality is then not found.
   */
  advisoryScope(principal: Principal): AdvisoryScope {
    this.requireAccess(principal, Permission.AdvisoryRead, { sentToCaller: null });
    return isCert(principal)
      ? { all: true }
      : { all: false, municipalityCode: advisoryMunicipality(principal)! };
  }

  /**
   * Which incident figures the caller reads: KommuneCERT all, unsuppressed; everyone else the
   * K-suppressed national and regional ones, and an officer beside them its own municipality's.
   */
  incidentStatisticsView(principal: Principal): IncidentStatisticsView {
    this.requireAccess(principal, Permission.IncidentStatisticsRead, {});
    if (this.canAccess(principal, Permission.IncidentStatisticsAllRead, {})) return { all: true };
    const own =
      principal.kind === 'user' && principal.role === 'municipality_officer'
        ? principal.municipalityCode
        : null;
    return { all: false, ownMunicipality: own };
  }

  /** Whether the caller sees internal and TLP:RED items (the repository leaves the others out). */
  seesRestrictedIncidentItems(principal: Principal): boolean {
    return this.canAccess(principal, Permission.IncidentRestrictedRead, { internal: true, tlp: 'red' });
  }

  /** The roles of the accounts the caller manages (and sees in the user list); 403 for none. */
  manageableUserRoles(principal: Principal): UserRoleFact[] {
    const roles = USER_ROLES.filter((role) => this.canAccess(principal, Permission.UserManage, { role }));
    if (roles.length === 0) throw new DomainError(ErrorCode.FORBIDDEN, 'You manage no user accounts');
    return roles;
  }

  /**
   * The caller's own municipality, if the permission allows it there; for routes where the
   * municipality is not in the request but comes from the sign-in.
   */
  requireOwnMunicipality(principal: Principal, permission: Permission.MunicipalityResponseWrite): number {
    this.requireAccess(principal, permission, { municipalityCode: principal.municipalityCode });
    return principal.municipalityCode!;
  }
}
