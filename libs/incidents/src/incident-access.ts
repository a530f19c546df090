import type { Principal } from '@app/auth';
import { IncidentAccessDeniedException } from './incidents.exceptions';
import type { Tlp } from './rsit';

/**
 * Who may see and do what with incidents, in one place (to move into the central access policy):
 * a KommuneCERT analyst sees and works all incidents; a municipality's officer, or its API key, only
 * the municipality's own; KL and the platform administrator see none.
 */
export type IncidentScope = { all: true } | { all: false; municipalityCode: number };

export function incidentScope(principal: Principal): IncidentScope {
  if (principal.kind === 'api_key') return { all: false, municipalityCode: principal.municipalityCode };
  if (principal.role === 'cert_analyst') return { all: true };
  if (principal.role === 'municipality_officer' && principal.municipalityCode !== null) {
    return { all: false, municipalityCode: principal.municipalityCode };
  }
  throw new IncidentAccessDeniedException(
    'Incidents are for KommuneCERT and the municipalities’ own officers',
  );
}

export function isCert(principal: Principal): boolean {
  return principal.kind === 'user' && principal.role === 'cert_analyst';
}

/** Triage, assignment, classification and status changes are KommuneCERT's. */
export function requireCert(principal: Principal, what: string): void {
  if (!isCert(principal)) throw new IncidentAccessDeniedException(`Only KommuneCERT ${what}`);
}

export function inScope(scope: IncidentScope, municipalityCode: number): boolean {
  return scope.all || scope.municipalityCode === municipalityCode;
}

/** Internal and TLP:RED material (comments, attachments, their timeline entries) is KommuneCERT's alone. */
export function isRestricted(item: { internal: boolean; tlp: Tlp | null }): boolean {
  return item.internal || item.tlp === 'red';
}

export function seesRestricted(principal: Principal): boolean {
  return isCert(principal);
}

/** Fields of an incident that only KommuneCERT sets after intake (assessment and assignment). */
export const CERT_ONLY_FIELDS = ['assigneeId', 'rsitClass', 'rsitType', 'severity'] as const;
