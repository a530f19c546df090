import type { ErrorBody } from '@app/http';
import { html } from '@app/ui';
import { danishError } from '../danish-errors';
import { layout } from './layout.view';

/** Danish error page, its words chosen by the error's code; never the message of a 5xx. */
export function errorView(error: ErrorBody): string {
  const { heading, text } = danishError(error);
  return layout({
    title: heading,
    body: html`<h1>${heading}</h1>
      <p class="font-lead">${text}</p>
      ${error.requestId ? html`<p class="form-hint">Fejl-id: <code>${error.requestId}</code> (HTTP ${error.statusCode})</p>` : null}
      <p><a href="/" class="button button-secondary">Til forsiden</a></p>`,
  });
}
