import { HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';

export class InvalidCredentialsException extends UnauthorizedException {
  constructor() {
    super('Invalid email or password');
  }
}

/** 429 with the seconds until the oldest counted failure leaves the window. */
export class TooManySignInAttemptsException extends HttpException {
  constructor(
    scope: 'account' | 'address',
    readonly retryAfterSeconds: number,
  ) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: `Too many failed sign-ins for this ${scope}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        details: { scope, retryAfterSeconds },
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
