import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** ASVS 5.0 6.2.1: at least 12 characters; 6.2.9: long passphrases are welcome, up to this. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Why a new password is refused; the API sends it as `details.reason`, the web says it in Danish. */
export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'contains-email';

/** 49,233 leaked passwords, most common first (see scripts/generate-common-passwords.js). */
export const COMMON_PASSWORDS_FILE = join(__dirname, '..', 'data', 'common-passwords.txt');

let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
  common ??= new Set(readFileSync(COMMON_PASSWORDS_FILE, 'utf8').split('\n').filter(Boolean));
  return common;
}

/**
 * A long password is rarely on the list as it is, so its usual disguises are taken off too: a
 * word repeated ("qwertyqwerty"), and digits or symbols added at the end ("password2024!").
 */
function disguisedForms(lower: string): string[] {
  const forms = [lower];
  const repeated = /^(.+?)\1+$/.exec(lower);
  if (repeated) forms.push(repeated[1]);
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (stem.length >= 4 && stem !== lower) forms.push(stem);
  return forms;
}

/** The first rule a new password breaks, or null. Characters are counted as code points (ASVS 6.2.1). */
export function passwordProblem(password: string, email?: string | null): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (length > PASSWORD_MAX_LENGTH) return 'too-long';
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (disguisedForms(lower).some((form) => list.has(form))) return 'common';
  const local = email?.toLowerCase().split('@')[0] ?? '';
  if (email && (lower.includes(email.toLowerCase()) || (local.length >= 4 && lower.includes(local)))) {
    return 'contains-email';
  }
  return null;
}
