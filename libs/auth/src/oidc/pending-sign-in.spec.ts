import { openPendingSignIn, PendingSignIn, sealPendingSignIn } from './pending-sign-in';

const secret = 's'.repeat(40);
const now = 1_800_000_000_000;
const pending: PendingSignIn = {
  state: 'st',
  nonce: 'no',
  codeVerifier: 'verifier-that-must-stay-secret',
  next: '/haendelser',
  expiresAt: now + 60_000,
};

describe('pending OIDC sign-in cookie', () => {
  it('opens what it sealed, and hides the PKCE verifier', () => {
    const sealed = sealPendingSignIn(pending, secret);
    expect(sealed).not.toContain('verifier');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('verifier');
    expect(openPendingSignIn(sealed, secret, now)).toEqual(pending);
  });

  it('refuses a changed value, another key, an expired one and garbage', () => {
    const sealed = sealPendingSignIn(pending, secret);
    const raw = Buffer.from(sealed, 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(openPendingSignIn(raw.toString('base64url'), secret, now)).toBeNull();
    expect(openPendingSignIn(sealed, 't'.repeat(40), now)).toBeNull();
    expect(openPendingSignIn(sealed, secret, now + 60_000)).toBeNull();
    expect(openPendingSignIn(undefined, secret, now)).toBeNull();
    expect(openPendingSignIn('', secret, now)).toBeNull();
    expect(openPendingSignIn('not-a-sealed-value', secret, now)).toBeNull();
    expect(openPendingSignIn('x'.repeat(5000), secret, now)).toBeNull();
  });
});
