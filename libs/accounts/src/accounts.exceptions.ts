import { DomainError, ErrorCode } from '@app/http';
import type { PasswordProblem } from '@app/users';

export type PasswordLinkProblem = 'unknown' | 'expired' | 'used';

/** A reused, expired, revoked or made-up link; `reason` lets the page say which. */
export class PasswordLinkInvalidException extends DomainError<{ reason: PasswordLinkProblem }> {
  constructor(reason: PasswordLinkProblem) {
    const why = { unknown: 'is not valid', expired: 'has expired', used: 'has already been used' }[reason];
    super(ErrorCode.PASSWORD_LINK_INVALID, `The password link ${why}`, { reason });
  }
}

export class PasswordTooWeakException extends DomainError<{ field: string; reason: PasswordProblem }> {
  constructor(field: string, reason: PasswordProblem) {
    const why = {
      'too-short': 'must be at least 12 characters',
      'too-long': 'must be at most 256 characters',
      common: 'is on the list of common or leaked passwords',
      'contains-email': 'must not contain the e-mail address',
    }[reason];
    super(ErrorCode.PASSWORD_TOO_WEAK, `${field} ${why}`, { field, reason });
  }
}

export class CurrentPasswordWrongException extends DomainError<{ field: string }> {
  constructor() {
    super(ErrorCode.CURRENT_PASSWORD_WRONG, 'currentPassword is not the current password', {
      field: 'currentPassword',
    });
  }
}

export class UserEmailTakenException extends DomainError<{ field: string }> {
  constructor(email: string) {
    super(ErrorCode.USER_EMAIL_TAKEN, `A user with email ${email} already exists`, { field: 'email' });
  }
}

export class MunicipalityUnknownException extends DomainError<{ field: string }> {
  constructor(code: number) {
    super(ErrorCode.MUNICIPALITY_UNKNOWN, `municipalityCode ${code} is not a municipality`, {
      field: 'municipalityCode',
    });
  }
}

export class MunicipalityRequiredException extends DomainError<{ field: string }> {
  constructor() {
    super(ErrorCode.MUNICIPALITY_REQUIRED, 'municipalityCode is required for a municipality_officer', {
      field: 'municipalityCode',
    });
  }
}

export class MunicipalityNotAllowedException extends DomainError<{ field: string }> {
  constructor() {
    super(ErrorCode.MUNICIPALITY_NOT_ALLOWED, 'municipalityCode is only allowed for a municipality_officer', {
      field: 'municipalityCode',
    });
  }
}

export class InvitationRoleNotAllowedException extends DomainError<{ field: string }> {
  constructor(role: string) {
    super(ErrorCode.INVITATION_ROLE_NOT_ALLOWED, `Your role may not invite a ${role}`, { field: 'role' });
  }
}

export class InvitationNotFoundException extends DomainError {
  constructor(id: string) {
    super(ErrorCode.INVITATION_NOT_FOUND, `Invitation ${id} not found`);
  }
}

export class InvitationAcceptedException extends DomainError {
  constructor() {
    super(ErrorCode.INVITATION_ACCEPTED, 'The invitation has been accepted: the user has set a password');
  }
}

/** The bootstrap command refuses a second platform admin unless told `--force`. */
export class PlatformAdminExistsException extends DomainError<{ count: number }> {
  constructor(count: number) {
    super(
      ErrorCode.CONFLICT,
      `There is already ${count} platform admin${count === 1 ? '' : 's'}; add --force to create another`,
      { count },
    );
  }
}

/** True for PostgreSQL's unique violation (another request took the same e-mail address first). */
export function isUniqueViolation(e: unknown): boolean {
  return (e as { driverError?: { code?: string } })?.driverError?.code === '23505';
}
