import { ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthOrApiKey } from '../decorators/auth.decorator';
import { ApiAuthGuard } from './api-auth.guard';

/** A request to `handler` on `controller`, as Nest hands it to a guard. */
const contextOf = (controller: new () => object, handler: () => void) =>
  ({ getHandler: () => handler, getClass: () => controller }) as unknown as ExecutionContext;

const refusal = (context: ExecutionContext) => {
  try {
    new ApiAuthGuard(new Reflector()).handleRequest(null, false, undefined, context);
  } catch (e) {
    return e;
  }
  throw new Error('expected the guard to refuse');
};

describe(ApiAuthGuard.name, () => {
  it('tells an anonymous caller that an API key works when the controller accepts one', () => {
    @AuthOrApiKey()
    class KeyedController {
      list() {}
    }
    const e = refusal(contextOf(KeyedController, KeyedController.prototype.list));
    expect(e).toBeInstanceOf(UnauthorizedException);
    expect((e as UnauthorizedException).message).toBe(
      'Sign in (Bearer token) or present an API key (X-API-Key)',
    );
  });

  it('asks for a bearer token where no API key is accepted', () => {
    class PlainController {
      list() {}
    }
    const e = refusal(contextOf(PlainController, PlainController.prototype.list));
    expect((e as UnauthorizedException).message).toBe('Sign in required (Bearer token)');
  });
});
