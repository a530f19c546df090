import type { MfaFactors } from '@app/auth';

/** A user's sign-in factors in Danish: "Godkendelsesapp", "2 passkeys", both, or `none`. */
export function mfaLabel(f: MfaFactors, none = 'Ingen'): string {
  const parts = [
    ...(f.app ? ['Godkendelsesapp'] : []),
    ...(f.passkeys > 0 ? [f.passkeys === 1 ? '1 passkey' : `${f.passkeys} passkeys`] : []),
  ];
  return parts.length === 0 ? none : parts.join(' og ');
}
