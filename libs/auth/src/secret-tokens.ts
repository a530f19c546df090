import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh high-entropy secret for sessions and API keys. */
export function newSecretToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * SHA-256 is enough for server-generated 256-bit secrets (no guessing to slow down), and unlike
 * argon2 it lets the database find a key by its hash in one indexed lookup.
 */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function hmac(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
