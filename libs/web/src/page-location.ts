import { AsyncLocalStorage } from 'node:async_hooks';

const location = new AsyncLocalStorage<string>();

/**
 * The path of the page being rendered, for the layout's menu (which section is current). Views
 * are plain functions that each build their own `PageUser` and call `layout(...)`; handing the path
 * down through every view's parameters would touch all of them for one header detail, so the
 * interceptor and the error page render inside `renderingAt`, and the layout asks `pagePath()`.
 */
export function renderingAt<T>(path: string, render: () => T): T {
  return location.run(path, render);
}

/** The path given to the enclosing `renderingAt`, or undefined outside one (unit tests of views). */
export function pagePath(): string | undefined {
  return location.getStore();
}
