import { confirmPageView, ConfirmPageModel } from './administration/views/admin-components.view';
import { HtmlPage, page } from './page';

/** A confirmation page for the signed-in user, with the page's CSRF token. */
export const confirmPage = (model: Omit<ConfirmPageModel, 'user' | 'csrfToken'>, status?: number): HtmlPage =>
  page(({ user, csrfToken }) => confirmPageView({ user: user!, csrfToken, ...model }), status);
