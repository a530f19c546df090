import type { ErrorBody } from '@app/http';
import { html } from '@app/ui';
import { layout } from './layout.view';

const HEADINGS: Record<number, string> = {
  400: 'Forespørgslen kunne ikke behandles',
  401: 'Du skal logge ind',
  403: 'Du har ikke adgang til siden',
  404: 'Siden findes ikke',
  409: 'Siden er blevet ændret af en anden',
  429: 'For mange forsøg',
  500: 'Der opstod en fejl',
  503: 'Tjenesten er midlertidigt utilgængelig',
};

const TEXTS: Record<number, string> = {
  403: 'Din rolle giver ikke adgang til denne side. Kontakt en administrator, hvis du mener, det er en fejl.',
  404: 'Tjek adressen, eller gå til forsiden.',
  500: 'Prøv igen om lidt. Oplys fejl-id, hvis du kontakter support.',
};

/** Danish error page; the technical message is shown only for client errors, never for 5xx. */
export function errorView(error: ErrorBody): string {
  const heading = HEADINGS[error.statusCode] ?? (error.statusCode >= 500 ? HEADINGS[500] : HEADINGS[400]);
  const text = TEXTS[error.statusCode] ?? (error.statusCode >= 500 ? TEXTS[500] : error.message);
  return layout({
    title: heading,
    body: html`<h1>${heading}</h1>
      <p class="font-lead">${text}</p>
      ${error.requestId ? html`<p class="form-hint">Fejl-id: <code>${error.requestId}</code> (HTTP ${error.statusCode})</p>` : null}
      <p><a href="/" class="button button-secondary">Til forsiden</a></p>`,
  });
}
