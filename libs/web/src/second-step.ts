import type { Response } from 'express';
import type { SignInOutcome, WebCookies } from '@app/auth';
import { redirect } from './page';

type SecondFactor = Extract<SignInOutcome, { kind: 'second-factor' }>;

/**
 * Sends the browser to the second sign-in step (or to enrolling one), after a password or a single
 * sign-on. The ticket rides in its own HTTP-only cookie, never in the URL.
 */
export function toSecondStep(res: Response, cookies: WebCookies, outcome: SecondFactor, next: string | null) {
  cookies.set(res, 'baseline_mfa', outcome.challengeToken, outcome.expiresAt.getTime() - Date.now());
  const step = outcome.enrolment ? '/login/mfa/tilmeld' : '/login/mfa';
  return redirect(next ? `${step}?next=${encodeURIComponent(next)}` : step);
}
