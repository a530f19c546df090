import { idpSatisfiesMfa } from './idp-mfa';

describe('idpSatisfiesMfa', () => {
  it('accepts an amr that names multi-factor authentication or a second factor', () => {
    expect(idpSatisfiesMfa(['pwd', 'mfa'])).toBe(true);
    expect(idpSatisfiesMfa(['pwd', 'otp'])).toBe(true);
    expect(idpSatisfiesMfa(['hwk'])).toBe(true);
    expect(idpSatisfiesMfa(['sc'])).toBe(true);
    expect(idpSatisfiesMfa(['fido'])).toBe(true);
    expect(idpSatisfiesMfa(['ngcmfa'])).toBe(true);
    expect(idpSatisfiesMfa(['MFA'])).toBe(true);
  });

  it('refuses a password alone, other single factors and an empty amr', () => {
    expect(idpSatisfiesMfa(['pwd'])).toBe(false);
    expect(idpSatisfiesMfa(['pwd', 'kba'])).toBe(false);
    expect(idpSatisfiesMfa(['wia'])).toBe(false);
    expect(idpSatisfiesMfa([])).toBe(false);
  });

  it('refuses a missing or malformed claim', () => {
    expect(idpSatisfiesMfa(undefined)).toBe(false);
    expect(idpSatisfiesMfa(null)).toBe(false);
    expect(idpSatisfiesMfa('mfa')).toBe(false);
    expect(idpSatisfiesMfa([{ mfa: true }, 1])).toBe(false);
  });
});
