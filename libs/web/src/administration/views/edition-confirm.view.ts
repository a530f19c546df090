import type { Edition } from '@app/surveys';
import { html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs, csrfField, errorMessage } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { ADMIN_EDITIONS_PATH } from './editions-admin.view';

/** A free-text reason asked for on the confirmation page, and kept in the audit log. */
export interface ReasonField {
  required: boolean;
  label: string;
  hint: string;
  value?: string;
  error?: string;
}

/**
 * A lifecycle action that cannot be undone by a click: the page states what will happen, and only
 * its form (POST, with the CSRF token) acts.
 */
export interface EditionConfirmModel {
  user: PageUser;
  csrfToken: string;
  edition: Edition;
  /** The H1, e.g. "Luk Baseline 2026?". */
  heading: string;
  /** The consequences, concretely (who, how many, what becomes visible). */
  consequences: SafeHtml;
  /** Path segment the form posts to, e.g. `luk`. */
  action: string;
  submitLabel: string;
  /** A destructive action gets the warning button. */
  destructive?: boolean;
  reason?: ReasonField;
  hidden?: Record<string, string>;
  /** Why the action cannot be done (the edition's status), in Danish. */
  error?: string;
  /** The status does not allow the action: the page explains and offers no form. */
  blocked?: boolean;
}

function reasonField(reason: ReasonField): SafeHtml {
  const describedBy = ['reason-hint', reason.error ? 'reason-error' : ''].filter(Boolean).join(' ');
  return html`<div class="form-group ${reason.error ? 'form-error' : ''}">
    <label class="form-label" for="reason"
      >${reason.label}${reason.required ? null : html` <span class="weight-normal">(valgfri)</span>`}</label
    >
    <span class="form-hint" id="reason-hint">${reason.hint}</span>
    ${reason.error ? errorMessage('reason-error', reason.error) : null}
    <textarea
      class="form-input"
      id="reason"
      name="reason"
      rows="4"
      maxlength="2000"
      aria-describedby="${describedBy}"
      ${reason.required ? html`required` : null}
      ${reason.error ? html`aria-invalid="true"` : null}
    >
${reason.value ?? ''}</textarea>
  </div>`;
}

export function editionConfirmView(model: EditionConfirmModel): string {
  const { user, csrfToken } = model;
  return layout({
    title: model.heading,
    user,
    csrfToken,
    body: html`${breadcrumbs([
        { text: 'Forside', href: '/' },
        { text: 'Udgaver', href: ADMIN_EDITIONS_PATH },
        { text: model.heading },
      ])}
      <h1>${model.heading}</h1>
      ${model.error ? alert('error', 'Handlingen blev ikke udført', model.error) : null}
      ${
        model.blocked
          ? null
          : html`<div class="row">
              <div class="col-12 col-md-10 col-lg-8" id="consequences">${model.consequences}</div>
            </div>`
      }
      ${
        model.blocked
          ? html`<p><a href="${ADMIN_EDITIONS_PATH}">Tilbage til udgaverne</a></p>`
          : confirmForm(model)
      }`,
  });
}

function confirmForm(model: EditionConfirmModel): SafeHtml {
  const { csrfToken, edition } = model;
  return html`<div class="row">
    <div class="col-12 col-md-8 col-lg-6">
      <form method="post" action="${ADMIN_EDITIONS_PATH}/${edition.id}/${model.action}" novalidate>
        ${csrfField(csrfToken)}
        ${Object.entries(model.hidden ?? {}).map(
          ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
        )}
        ${model.reason ? reasonField(model.reason) : null}
        <div class="mt-6">
          <button type="submit" class="button ${model.destructive ? 'button-warning' : 'button-primary'}">
            ${model.submitLabel}
          </button>
          <a href="${ADMIN_EDITIONS_PATH}" class="button button-secondary ml-4">Fortryd</a>
        </div>
      </form>
    </div>
  </div>`;
}
