import type { Edition } from '@app/surveys';
import { html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs, csrfField, errorMessage } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import type { EditEditionFormState } from '../edition-forms';
import { ADMIN_EDITIONS_PATH } from './editions-admin.view';

export interface EditionEditModel {
  user: PageUser;
  csrfToken: string;
  edition: Edition;
  form: EditEditionFormState;
  error?: string;
}

/** KL changes a draft's or an open edition's title and deadline; a draft can also be deleted. */
export function editionEditView({ user, csrfToken, edition, form, error }: EditionEditModel): string {
  const heading = `Redigér ${edition.title}`;
  const field = (name: 'title' | 'closesAt', label: string, input: SafeHtml, hint?: string) => {
    const message = form.errors[name];
    return html`<div class="form-group ${message ? 'form-error' : ''}">
      <label class="form-label" for="edit-${name}">${label}</label>
      ${hint ? html`<span class="form-hint" id="edit-${name}-hint">${hint}</span>` : null}
      ${message ? errorMessage(`edit-${name}-error`, message) : null} ${input}
    </div>`;
  };
  const described = (name: 'title' | 'closesAt', hint: boolean) =>
    [hint ? `edit-${name}-hint` : '', form.errors[name] ? `edit-${name}-error` : '']
      .filter(Boolean)
      .join(' ');
  const invalid = (name: 'title' | 'closesAt') => (form.errors[name] ? html`aria-invalid="true"` : null);
  return layout({
    title: heading,
    user,
    csrfToken,
    body: html`${breadcrumbs([
        { text: 'Forside', href: '/' },
        { text: 'Udgaver', href: ADMIN_EDITIONS_PATH },
        { text: heading },
      ])}
      <h1>${heading}</h1>
      ${error ? alert('error', 'Ændringen blev ikke gemt', error) : null}
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <form method="post" action="${ADMIN_EDITIONS_PATH}/${edition.id}/rediger" novalidate>
            ${csrfField(csrfToken)}
            ${field(
              'title',
              'Titel',
              html`<input
                class="form-input"
                id="edit-title"
                name="title"
                value="${form.values.title}"
                maxlength="200"
                ${described('title', false) ? html`aria-describedby="${described('title', false)}"` : null}
                ${invalid('title')}
              />`,
            )}
            ${field(
              'closesAt',
              'Svarfrist',
              html`<input
                type="date"
                class="form-input"
                id="edit-closesAt"
                name="closesAt"
                value="${form.values.closesAt}"
                aria-describedby="${described('closesAt', true)}"
                ${invalid('closesAt')}
              />`,
              edition.status === 'open'
                ? 'Kommunerne kan svare til og med denne dag. Fristen skal ligge i fremtiden.'
                : 'Foreslået frist, når udgaven åbnes. Den skal ligge i fremtiden.',
            )}
            <div class="mt-6">
              <button type="submit" class="button button-primary">Gem ændringer</button>
              <a href="${ADMIN_EDITIONS_PATH}" class="button button-secondary ml-4">Fortryd</a>
            </div>
          </form>
        </div>
      </div>
      ${
        edition.status === 'draft'
          ? html`<h2 class="mt-8">Slet kladden</h2>
              <p>En kladde er kun synlig for KL. Den kan slettes med sit spørgeskema, før den åbnes.</p>
              <a class="button button-secondary" href="${ADMIN_EDITIONS_PATH}/${edition.id}/slet"
                >Slet ${edition.title}</a
              >`
          : null
      }`,
  });
}
