import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * What the callback must check against the provider's answer, kept in the browser between the
 * start and the callback (no server state, so any API instance can finish a sign-in). Encrypted
 * and authenticated: the PKCE verifier stays secret, and a changed value fails to open.
 */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The same-site page to go to afterwards. */
  next: string | null;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** How long the provider's sign-in may take before the callback refuses it. */
export const PENDING_SIGN_IN_TTL_MS = 10 * 60 * 1000;

/** A key of its own, derived from the JWT secret, so that no other token can pass for this one. */
const keyFrom = (secret: string) =>
  createHash('sha256').update('baseline:oidc-pending:').update(secret).digest();

export function sealPendingSignIn(pending: PendingSignIn, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(pending), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The pending sign-in, or null when the value is missing, changed, from another key or expired. */
export function openPendingSignIn(
  sealed: string | undefined,
  secret: string,
  now: number,
): PendingSignIn | null {
  if (!sealed || sealed.length > 4096) return null;
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const pending = JSON.parse(json) as PendingSignIn;
    return typeof pending.expiresAt === 'number' && pending.expiresAt > now ? pending : null;
  } catch {
    return null;
  }
}
