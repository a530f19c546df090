import { verifiedEmail } from './oidc-account';

describe('verifiedEmail', () => {
  it('returns a verified address, lower-cased', () => {
    expect(verifiedEmail({ sub: 'x', email: ' Officer@Kommune.DK ', email_verified: true })).toEqual({
      email: 'officer@kommune.dk',
    });
  });

  it('refuses an unverified address, also "true" as a string', () => {
    expect(verifiedEmail({ email: 'a@b.dk', email_verified: false })).toEqual({
      refusal: 'email-unverified',
    });
    expect(verifiedEmail({ email: 'a@b.dk' })).toEqual({ refusal: 'email-unverified' });
    expect(verifiedEmail({ email: 'a@b.dk', email_verified: 'true' })).toEqual({
      refusal: 'email-unverified',
    });
  });

  it('refuses a token without an address', () => {
    expect(verifiedEmail({ sub: 'x' })).toEqual({ refusal: 'email-missing' });
    expect(verifiedEmail({ email: 42, email_verified: true })).toEqual({ refusal: 'email-missing' });
    expect(verifiedEmail({ email: 'no-at-sign', email_verified: true })).toEqual({
      refusal: 'email-missing',
    });
  });
});
