import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('accepts a long password that is on no list', () => {
    expect(passwordProblem('violet-tugboat-ascends-7')).toBeNull();
  });

  it('refuses fewer than 12 characters, counting letters such as æ as one', () => {
    expect(passwordProblem('kort-kode')).toBe('too-short');
    expect(passwordProblem('æøåæøåæøåæø')).toBe('too-short');
    expect(passwordProblem('æøåæøåæøåæøq')).toBeNull();
  });

  it('refuses a password from the shipped common list, whatever its case', () => {
    expect(passwordProblem('1q2w3e4r5t6y')).toBe('common');
    expect(passwordProblem('QWERTY123456')).toBe('common');
  });

  it('refuses a common word repeated or with digits and symbols added', () => {
    expect(passwordProblem('dragondragon')).toBe('common');
    expect(passwordProblem('password2024!')).toBe('common');
  });

  it('refuses a password made of the e-mail address', () => {
    expect(passwordProblem('hanne.larsen-kode', 'hanne.larsen@ballerup.dk')).toBe('contains-email');
  });

  it('refuses more than 256 characters', () => {
    expect(passwordProblem('x7'.repeat(129))).toBe('too-long');
  });
});
