import { ForbiddenException, HttpException, Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '../principal';
import { Permission, PermissionTargets } from './permission';

interface Rule<T> {
  allows(principal: Principal, target: T): boolean;
  /** The refusal; a 404 where the target's existence must not leak, as an unknown id would answer. */
  denial(target: T): HttpException;
}

const isKl = (p: Principal) => p.kind === 'user' && p.role === 'kl_analyst';

/** A signed-in security officer of exactly that municipality (API keys never count). */
const isOwnOfficer = (p: Principal, code: number | null) =>
  p.kind === 'user' &&
  p.role === 'municipality_officer' &&
  p.municipalityCode !== null &&
  p.municipalityCode === code;

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
};

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
    if (!rule.allows(principal, target)) throw rule.denial(target);
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
