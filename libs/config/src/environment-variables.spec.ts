import { validateEnvironment } from './environment-variables';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/baseline',
  JWT_SECRET: 'x'.repeat(32),
  AUDIT_KEY: 'k'.repeat(32),
};

describe('validateEnvironment', () => {
  it('applies defaults and coerces numbers and booleans', () => {
    const env = validateEnvironment({ ...valid, PORT: '4000', COOKIE_SECURE: 'true' });
    expect(env.PORT).toBe(4000);
    expect(env.COOKIE_SECURE).toBe(true);
    expect(env.ANONYMITY_K).toBe(5);
    expect(validateEnvironment({ ...valid, COOKIE_SECURE: 'false', MIGRATIONS_RUN: 'false' })).toMatchObject({
      COOKIE_SECURE: false,
      MIGRATIONS_RUN: false,
    });
  });

  it('accepts its own output as strings, as child processes inherit it', () => {
    const env = validateEnvironment({ ...valid, PORT: '3000', ANONYMITY_K: '5', JWT_TTL_SECONDS: '900' });
    expect(env).toMatchObject({ PORT: 3000, ANONYMITY_K: 5, JWT_TTL_SECONDS: 900 });
  });

  it('names a missing variable', () => {
    expect(() => validateEnvironment({ JWT_SECRET: valid.JWT_SECRET })).toThrow(/DATABASE_URL/);
  });

  it('refuses an anonymity threshold below 3', () => {
    expect(() => validateEnvironment({ ...valid, ANONYMITY_K: '2' })).toThrow(/ANONYMITY_K/);
  });

  it('bounds every wait on the database by default, and refuses a timeout of 0 (no bound)', () => {
    expect(validateEnvironment(valid)).toMatchObject({
      DATABASE_POOL_MAX: 10,
      DATABASE_CONNECT_TIMEOUT_MS: 5000,
      DATABASE_STATEMENT_TIMEOUT_MS: 30000,
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 15000,
    });
    expect(() => validateEnvironment({ ...valid, DATABASE_STATEMENT_TIMEOUT_MS: '0' })).toThrow(
      /DATABASE_STATEMENT_TIMEOUT_MS/,
    );
    expect(() => validateEnvironment({ ...valid, DATABASE_POOL_MAX: '1' })).toThrow(/DATABASE_POOL_MAX/);
  });

  it('refuses a missing or short AUDIT_KEY', () => {
    expect(() => validateEnvironment({ ...valid, AUDIT_KEY: undefined })).toThrow(/AUDIT_KEY/);
    expect(() => validateEnvironment({ ...valid, AUDIT_KEY: 'short' })).toThrow(
      /AUDIT_KEY must be at least 32 characters/,
    );
  });

  it('refuses a non-redis REDIS_URL', () => {
    expect(() => validateEnvironment({ ...valid, REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
  });

  it('needs the OIDC client id and secret only when OIDC_ISSUER is set', () => {
    expect(validateEnvironment(valid).OIDC_ISSUER).toBeUndefined();
    expect(() => validateEnvironment({ ...valid, OIDC_ISSUER: 'https://idp.example' })).toThrow(
      /OIDC_CLIENT_ID.*OIDC_CLIENT_SECRET|OIDC_CLIENT_SECRET.*OIDC_CLIENT_ID/s,
    );
    const oidc = { OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'baseline', OIDC_CLIENT_SECRET: 's' };
    expect(validateEnvironment({ ...valid, ...oidc })).toMatchObject(oidc);
    expect(() => validateEnvironment({ ...valid, ...oidc, OIDC_ISSUER: 'idp.example' })).toThrow(
      /OIDC_ISSUER/,
    );
  });
});
