import { formatNumber, html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs, Crumb, csrfField } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';

export const ADMINISTRATION_PATH = '/administration';

/** "Forrige side", "Side 2 af 5", "Næste side"; nothing when everything fits on one page. */
export function pager(page: number, total: number, pageSize: number, hrefOf: (page: number) => string) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return html`<nav aria-label="Sider" class="admin-pagination">
    ${page > 1 ? html`<a class="button button-secondary" href="${hrefOf(page - 1)}">Forrige side</a>` : null}
    <span>Side ${formatNumber(page)} af ${formatNumber(pages)}</span>
    ${page < pages ? html`<a class="button button-secondary" href="${hrefOf(page + 1)}">Næste side</a>` : null}
  </nav>`;
}

/** A path with its query, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export interface ConfirmPageModel {
  user: PageUser;
  csrfToken: string;
  crumbs: Crumb[];
  /** The H1, a question: "Deaktivér Jens Hansen?". */
  heading: string;
  /** What will happen, concretely. */
  consequences: SafeHtml;
  /** Where the form posts. */
  action: string;
  submitLabel: string;
  destructive?: boolean;
  /** Where "Fortryd" goes. */
  back: string;
  /** Why the action was not done, in Danish (the page is then shown again). */
  error?: string;
  /** The action cannot be done at all: the page explains, without a form. */
  blocked?: boolean;
}

/**
 * An administrative action is confirmed on its own page (GET): it states what will happen, and only
 * its form (POST, with the CSRF token) acts, so it works without JavaScript.
 */
export function confirmPageView(m: ConfirmPageModel): string {
  return layout({
    title: m.heading,
    user: m.user,
    csrfToken: m.csrfToken,
    body: html`${breadcrumbs([...m.crumbs, { text: m.heading }])}
      <h1>${m.heading}</h1>
      ${m.error ? alert('error', 'Handlingen blev ikke udført', m.error) : null}
      ${
        m.blocked
          ? html`<p><a href="${m.back}">Tilbage</a></p>`
          : html`<div class="row">
                <div class="col-12 col-md-10 col-lg-8" id="consequences">${m.consequences}</div>
              </div>
              <form method="post" action="${m.action}" class="mt-6">
                ${csrfField(m.csrfToken)}
                <button type="submit" class="button ${m.destructive ? 'button-warning' : 'button-primary'}">
                  ${m.submitLabel}
                </button>
                <a href="${m.back}" class="button button-secondary ml-4">Fortryd</a>
              </form>`
      }`,
  });
}

/** The breadcrumbs down to an administration page (the page itself is added by the page). */
export const adminCrumbs = (...trail: Crumb[]): Crumb[] => [
  { text: 'Forside', href: '/' },
  { text: 'Administration', href: ADMINISTRATION_PATH },
  ...trail,
];
