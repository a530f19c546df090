/** The sign-in page's SSO button: its text, and a link that keeps the page to return to. */
export function ssoButton(label: string | null, next: string | null): { label: string; href: string } | null {
  if (label === null) return null;
  return { label, href: next ? `/auth/oidc/start?next=${encodeURIComponent(next)}` : '/auth/oidc/start' };
}
