import { DomainError, ErrorCode } from '@app/http';

export class MfaCodeInvalidException extends DomainError {
  constructor() {
    super(ErrorCode.MFA_CODE_INVALID, 'The code is wrong or has expired');
  }
}

export class MfaCodeReplayedException extends DomainError {
  constructor() {
    super(ErrorCode.MFA_CODE_REPLAYED, 'This code has already been used; wait for the next one');
  }
}

export class MfaChallengeInvalidException extends DomainError {
  constructor() {
    super(ErrorCode.MFA_CHALLENGE_INVALID, 'The sign-in step has expired or was already used; sign in again');
  }
}

export class MfaStateConflictException extends DomainError {
  constructor(message: string) {
    super(ErrorCode.MFA_STATE_CONFLICT, message);
  }
}

export class MfaReauthFailedException extends DomainError {
  constructor() {
    super(ErrorCode.MFA_REAUTH_FAILED, 'Confirm with your password or a current code');
  }
}

export class PasskeyRejectedException extends DomainError {
  constructor(reason: string) {
    super(ErrorCode.PASSKEY_REJECTED, `The passkey response was not accepted: ${reason}`);
  }
}
