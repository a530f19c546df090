import type { Request, Response } from 'express';
import type { ErrorBody, HtmlErrorResponder } from '@app/http';
import { errorView } from './views/error.view';

/** Browsers that are not signed in go to the sign-in page; every other error gets a Danish page. */
export const respondWithErrorPage: HtmlErrorResponder = (req: Request, res: Response, error: ErrorBody) => {
  if (error.statusCode === 401) {
    res.redirect(303, '/login');
    return;
  }
  res.status(error.statusCode).type('html').send(errorView(error));
};
