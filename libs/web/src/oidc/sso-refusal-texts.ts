import type { OidcRefusal } from '@app/auth';

/** What the sign-in page says when an SSO sign-in is refused; `label` is the button's text. */
export function ssoRefusalText(reason: OidcRefusal, label: string): string {
  switch (reason) {
    case 'sso-link-conflict':
      return `Dit login ved »${label}« er knyttet til en anden konto i Baseline end din e-mailadresse. Kontakt din administrator.`;
    case 'unknown-account':
    case 'inactive-account':
      return 'Din konto findes ikke i Baseline — kontakt din administrator.';
    case 'email-missing':
      return 'Dit login sendte ingen e-mailadresse, så vi kan ikke finde din konto i Baseline. Kontakt din administrator.';
    case 'email-unverified':
      return 'Din e-mailadresse er ikke bekræftet hos dit login, så vi kan ikke bruge den til at finde din konto i Baseline. Kontakt din administrator.';
    case 'idp-error':
      return `Log ind blev afbrudt eller afvist ved »${label}«. Prøv igen.`;
    case 'idp-unavailable':
      return `»${label}« svarer ikke lige nu. Prøv igen om lidt, eller log ind med e-mail og adgangskode.`;
    case 'not-pending':
    case 'state-mismatch':
    case 'token-rejected':
      return `Log ind med »${label}« kunne ikke gennemføres, fordi svaret var udløbet eller ugyldigt. Prøv igen.`;
  }
}

/** The status of the sign-in page that explains a refusal. */
export function ssoRefusalStatus(reason: OidcRefusal): number {
  if (reason === 'idp-unavailable') return 503;
  if (reason === 'unknown-account' || reason === 'inactive-account' || reason === 'sso-link-conflict')
    return 403;
  return 400;
}
