import type { ErrorBody } from '@app/http';
import { html } from '@app/ui';
import { danishError } from '../danish-errors';
import { layout, PageUser } from './layout.view';

/**
 * Danish error page, its words chosen by the error's code; never the message of a 5xx. A
 * signed-in user keeps the header and menu, so an unknown address is not a dead end.
 */
export function errorView(error: ErrorBody, user: PageUser | null = null, csrfToken?: string): string {
  const { heading, text } = danishError(error);
  return layout({
    title: heading,
    user,
    csrfToken,
    breadcrumbs: user ? [{ text: 'Forside', href: '/' }, { text: heading }] : undefined,
    body: html`<h1>${heading}</h1>
      <p class="font-lead">${text}</p>
      ${error.requestId ? html`<p class="form-hint">Fejl-id: <code>${error.requestId}</code> (HTTP ${error.statusCode})</p>` : null}
      <p><a href="/" class="button button-secondary">Til forsiden</a></p>`,
  });
}
