import type { Principal } from '@app/auth';
import type { Edition } from './edition.entity';
import { EditionNotFoundException } from './surveys.exceptions';

/** A draft is KL's work in progress; only KL analysts know it exists. */
export function seesDrafts(principal: Principal): boolean {
  return principal.kind === 'user' && principal.role === 'kl_analyst';
}

export function isVisibleTo(edition: Edition, principal: Principal): boolean {
  return edition.status !== 'draft' || seesDrafts(principal);
}

/**
 * The edition, if the caller may know of it. Anyone but KL gets for a draft exactly the 404 of an
 * unknown id, so neither its existence nor its year leaks.
 */
export function requireVisible(edition: Edition | null, id: string, principal: Principal): Edition {
  if (!edition || !isVisibleTo(edition, principal)) throw new EditionNotFoundException(id);
  return edition;
}
