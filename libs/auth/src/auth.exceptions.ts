import { BadRequestException, HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';
import type { ThrottleScope } from './sign-in-throttle';

export class InvalidCredentialsException extends UnauthorizedException {
  constructor() {
    super('Invalid email or password');
  }
}

const SCOPE_TEXT: Record<ThrottleScope, string> = {
  pair: 'this account from this address',
  account: 'this account',
  address: 'this address',
};

/** 429 with the seconds until an attempt is let through again (also sent as `Retry-After`). */
export class TooManySignInAttemptsException extends HttpException {
  constructor(
    scope: ThrottleScope,
    readonly retryAfterSeconds: number,
  ) {
    const wait =
      retryAfterSeconds < 60
        ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`
        : `${Math.ceil(retryAfterSeconds / 60)} minute${Math.ceil(retryAfterSeconds / 60) === 1 ? '' : 's'}`;
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: `Too many failed sign-ins for ${SCOPE_TEXT[scope]}. Try again in ${wait}.`,
        details: { scope, retryAfterSeconds },
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

export class InvalidUnlockLinkException extends BadRequestException {
  constructor() {
    super('The unlock link is invalid, expired or already used');
  }
}
