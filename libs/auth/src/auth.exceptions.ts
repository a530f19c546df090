import { DomainError, ErrorCode } from '@app/http';
import type { ThrottleScope } from './sign-in-throttle';

export class InvalidCredentialsException extends DomainError {
  constructor() {
    super(ErrorCode.INVALID_CREDENTIALS, 'Invalid email or password');
  }
}

const SCOPE_TEXT: Record<ThrottleScope, string> = {
  pair: 'this account from this address',
  account: 'this account',
  address: 'this address',
};

/** 429 with the seconds until an attempt is let through again (also sent as `Retry-After`). */
export class TooManySignInAttemptsException extends DomainError<{
  scope: ThrottleScope;
  retryAfterSeconds: number;
}> {
  constructor(
    scope: ThrottleScope,
    readonly retryAfterSeconds: number,
  ) {
    const wait =
      retryAfterSeconds < 60
        ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`
        : `${Math.ceil(retryAfterSeconds / 60)} minute${Math.ceil(retryAfterSeconds / 60) === 1 ? '' : 's'}`;
    super(
      ErrorCode.SIGN_IN_THROTTLED,
      `Too many failed sign-ins for ${SCOPE_TEXT[scope]}. Try again in ${wait}.`,
      { scope, retryAfterSeconds },
    );
  }
}

export class InvalidUnlockLinkException extends DomainError {
  constructor() {
    super(ErrorCode.UNLOCK_LINK_INVALID, 'The unlock link is invalid, expired or already used');
  }
}

export class SessionNotFoundException extends DomainError {
  constructor() {
    super(ErrorCode.SESSION_NOT_FOUND, 'No such live session of yours');
  }
}
