import { applyDecorators, Res, UseInterceptors } from '@nestjs/common';
import { PageInterceptor } from './page.interceptor';

/**
 * Marks a handler that returns a `HtmlPage` or `Redirect`: the interceptor writes it, wrapped in
 * the user and the CSRF token. Nest sends a handler's return value itself with a status chosen
 * by the HTTP method (201 for every POST); a response parameter tells it that the handler's
 * side writes the response instead, so one is declared here, after the handler's own. A handler
 * that sets a cookie or header takes `@Res()` (never `passthrough`, which would hand the
 * response back to Nest).
 */
export function RendersPage(): MethodDecorator {
  return applyDecorators(UseInterceptors(PageInterceptor), (target: object, key: string | symbol) => {
    const declared = (Reflect.getMetadata('design:paramtypes', target, key) as unknown[] | undefined) ?? [];
    Res()(target, key, declared.length);
  });
}
