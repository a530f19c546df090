import { generate } from 'otplib';
import { SecretBox } from './secret-box';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri } from './totp';

const at = (seconds: number) => new Date(seconds * 1000);
const codeAt = (secret: string, seconds: number) => generate({ secret, epoch: seconds });

describe('TOTP checks (RFC 6238)', () => {
  const secret = newTotpSecret();
  const t = 1_800_000_000; // a step boundary: 1_800_000_000 / 30 = 60_000_000

  it('accepts the current code and one step either side, naming its step', async () => {
    expect(await checkTotp(secret, await codeAt(secret, t), at(t + 5), null)).toEqual({ step: 60_000_000 });
    expect(await checkTotp(secret, await codeAt(secret, t - 30), at(t + 5), null)).toEqual({
      step: 59_999_999,
    });
    expect(await checkTotp(secret, await codeAt(secret, t + 30), at(t + 5), null)).toEqual({
      step: 60_000_001,
    });
    expect(await checkTotp(secret, await codeAt(secret, t - 90), at(t + 5), null)).toBeNull();
  });

  it('refuses a code of the last used step or an earlier one as a replay', async () => {
    const code = await codeAt(secret, t);
    expect(await checkTotp(secret, code, at(t + 10), 60_000_000)).toEqual({ replayed: true });
    expect(await checkTotp(secret, await codeAt(secret, t - 30), at(t + 10), 60_000_000)).toEqual({
      replayed: true,
    });
    expect(await checkTotp(secret, await codeAt(secret, t + 30), at(t + 10), 60_000_000)).toEqual({
      step: 60_000_001,
    });
  });

  it('refuses anything but six digits', async () => {
    expect(await checkTotp(secret, '12345', at(t), null)).toBeNull();
    expect(await checkTotp(secret, 'abcdef', at(t), null)).toBeNull();
  });

  it('puts issuer, account and secret in the otpauth URI', () => {
    const uri = new URL(totpUri(secret, 'kl@baseline.local'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Baseline');
    expect(decodeURIComponent(uri.pathname)).toContain('kl@baseline.local');
  });
});

describe('recovery codes', () => {
  it('makes ten different codes, hashed per user and without regard to case or dashes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(hashRecoveryCode('u1', codes[0])).toBe(
      hashRecoveryCode('u1', codes[0].toUpperCase().replace(/-/g, ' ')),
    );
    expect(hashRecoveryCode('u1', codes[0])).not.toBe(hashRecoveryCode('u2', codes[0]));
  });
});

describe(SecretBox.name, () => {
  it('opens what it sealed, with a fresh nonce each time, and refuses another key or a changed text', () => {
    const box = new SecretBox('k'.repeat(32));
    const a = box.seal('JBSWY3DPEHPK3PXP');
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(a);
    expect(box.open(a)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => new SecretBox('o'.repeat(32)).open(a)).toThrow();
    const tampered = a.slice(0, -2) + (a.endsWith('A') ? 'BB' : 'AA');
    expect(() => box.open(tampered)).toThrow();
  });
});
