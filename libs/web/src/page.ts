import type { PageUser } from './views/layout.view';

/** What every page needs and no controller should fetch by hand. */
export interface PageContext {
  /** The signed-in user for the header, or null on the sign-in pages. */
  user: PageUser | null;
  /** The CSRF token for the page's forms (also the one in the header's "Log af" form). */
  csrfToken: string;
}

/** A page to send: a view of the context, and a status (a re-shown form is 409 or 422). */
export class HtmlPage {
  constructor(
    readonly view: (page: PageContext) => string,
    readonly status = 200,
  ) {}
}

/** A 303 "see other" after a form, so that reloading does not post it again. */
export class Redirect {
  constructor(readonly location: string) {}
}

export type WebResult = HtmlPage | Redirect;

export const page = (view: (page: PageContext) => string, status?: number) => new HtmlPage(view, status);
export const redirect = (location: string) => new Redirect(location);
