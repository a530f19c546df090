import { generateSecret, generateURI, verify } from 'otplib';
import { randomBytes } from 'node:crypto';
import { hashSecretToken } from '../secret-tokens';

/** The issuer shown in authenticator apps. */
export const TOTP_ISSUER = 'Baseline';
/** Codes one 30-second step early or late are accepted (clock drift, typing time). */
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/**
 * The RFC 6238 time step `code` belongs to, or null when it is wrong. A step at or before
 * `afterStep` (the last one used) is refused as a replay: `{ replayed: true }`.
 */
export async function checkTotp(
  secret: string,
  code: string,
  now: Date,
  afterStep: number | null,
): Promise<{ step: number } | { replayed: true } | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: TOLERANCE_SECONDS });
  // The result type also covers HOTP; a TOTP result always names its time step.
  if (!result.valid || !('timeStep' in result)) return null;
  if (afterStep !== null && result.timeStep <= afterStep) return { replayed: true };
  return { step: result.timeStep };
}

/** Ten recovery codes like `k7qd-2mxw-9fhc`: 60 random bits each, easy to type from paper. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** Codes are compared without case, spaces or dashes, so what the user types need not be exact. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '');
}

/** Salted with the user's id, so one table of precomputed hashes does not fit every account. */
export function hashRecoveryCode(userId: string, code: string): string {
  return hashSecretToken(`recovery:${userId}:${normaliseRecoveryCode(code)}`);
}
