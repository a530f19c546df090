import { accountEmail } from './oidc-account';

describe('accountEmail', () => {
  it('returns a verified address, lower-cased', () => {
    expect(accountEmail({ sub: 'x', email: ' Officer@Kommune.DK ', email_verified: true })).toEqual({
      email: 'officer@kommune.dk',
    });
  });

  it('refuses an unverified address, also "true" as a string', () => {
    expect(accountEmail({ email: 'a@b.dk', email_verified: false })).toEqual({
      refusal: 'email-unverified',
    });
    expect(accountEmail({ email: 'a@b.dk' })).toEqual({ refusal: 'email-unverified' });
    expect(accountEmail({ email: 'a@b.dk', email_verified: 'true' })).toEqual({
      refusal: 'email-unverified',
    });
  });

  it('refuses a token without an address', () => {
    expect(accountEmail({ sub: 'x' })).toEqual({ refusal: 'email-missing' });
    expect(accountEmail({ email: 42, email_verified: true })).toEqual({ refusal: 'email-missing' });
    expect(accountEmail({ email: 'no-at-sign', email_verified: true })).toEqual({
      refusal: 'email-missing',
    });
  });

  it('with another account claim, takes its value as the address without email_verified', () => {
    const claims = { sub: 'Officer@Kommune.dk', email: 'other@x.dk', email_verified: false };
    expect(accountEmail(claims, 'sub')).toEqual({ email: 'officer@kommune.dk' });
    expect(accountEmail({ sub: 'opaque-id-123' }, 'sub')).toEqual({ refusal: 'email-missing' });
    expect(accountEmail({ sub: 'x' }, 'upn')).toEqual({ refusal: 'email-missing' });
  });
});
