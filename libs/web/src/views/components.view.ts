import { html, SafeHtml } from '@app/ui';

export type AlertVariant = 'info' | 'success' | 'warning' | 'error';

const ICONS: Record<AlertVariant, { name: string; label: string }> = {
  info: { name: 'info', label: 'Information' },
  success: { name: 'success', label: 'Succes' },
  warning: { name: 'warning', label: 'Advarsel' },
  error: { name: 'error', label: 'Fejl' },
};

/** A DKFDS icon from the shipped sprite (the layout does not inline it). */
export function icon(name: string, label?: string, classes = ''): SafeHtml {
  return html`<svg
    class="icon-svg ${classes}"
    focusable="false"
    ${label ? html`aria-label="${label}" role="img"` : html`aria-hidden="true"`}
  >
    <use href="/assets/dkfds/img/all-svg-icons.svg#${name}"></use>
  </svg>`;
}

/** DKFDS alert; warnings and errors are announced (role="alert"). */
export function alert(
  variant: AlertVariant,
  heading: string,
  content?: SafeHtml | string | null,
  options: { id?: string } = {},
): SafeHtml {
  const announce = variant === 'error' || variant === 'warning';
  const body = typeof content === 'string' ? html`<p class="alert-text">${content}</p>` : content;
  return html`<div
    class="alert alert-${variant}"
    ${announce ? html`role="alert"` : html`role="status"`}
    ${options.id ? html`id="${options.id}"` : null}
  >
    ${icon(ICONS[variant].name, ICONS[variant].label, 'alert-icon')}
    <div class="alert-body">
      <h2 class="alert-heading">${heading}</h2>
      ${body}
    </div>
  </div>`;
}

export interface ErrorSummaryItem {
  href: string;
  text: string;
}

/**
 * The error summary at the top of a form that failed validation. It takes focus on load (the
 * `autofocus` attribute, with app.js as fallback) so screen-reader users hear what went wrong.
 */
export function errorSummary(heading: string, intro: string, items: ErrorSummaryItem[]): SafeHtml {
  return html`<div
    class="alert alert-error"
    role="alert"
    id="error-summary"
    tabindex="-1"
    autofocus
    data-focus-on-load
    aria-labelledby="error-summary-heading"
  >
    ${icon('error', 'Fejl', 'alert-icon')}
    <div class="alert-body">
      <h2 class="alert-heading" id="error-summary-heading">${heading}</h2>
      <p class="alert-text">${intro}</p>
      ${
        items.length
          ? html`<ul class="alert-text nobullet-list">
              ${items.map((i) => html`<li><a href="${i.href}" class="function-link">${i.text}</a></li>`)}
            </ul>`
          : null
      }
    </div>
  </div>`;
}

/** The DKFDS error message placed inside a failing form group. */
export function errorMessage(id: string, text: string): SafeHtml {
  return html`<span class="form-error-message" id="${id}"><span class="sr-only">Fejl: </span>${text}</span>`;
}

export interface Crumb {
  text: string;
  href?: string;
}

/** DKFDS breadcrumbs; the last crumb is the current page. */
export function breadcrumbs(crumbs: Crumb[]): SafeHtml {
  return html`<nav class="breadcrumbs" aria-label="Brødkrumme">
    <ol class="breadcrumbs__list">
      ${crumbs.map((c, i) =>
        c.href
          ? html`<li class="breadcrumbs__list-item">
              ${i > 0 ? icon('chevron-right') : null}<a class="breadcrumbs__link" href="${c.href}"
                >${c.text}</a
              >
            </li>`
          : html`<li class="breadcrumbs__list-item" aria-current="page">
              ${icon('chevron-right')}${c.text}
            </li>`,
      )}
    </ol>
  </nav>`;
}

/** A hidden CSRF field for a form. */
export const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}" />`;
