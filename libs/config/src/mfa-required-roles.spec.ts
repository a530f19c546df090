import { AppConfigService } from './app-config.service';
import { validateEnvironment } from './environment-variables';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/baseline',
  JWT_SECRET: 'x'.repeat(32),
  AUDIT_KEY: 'k'.repeat(32),
};

/** The config service over a validated environment, as the app builds it. */
function configOf(raw: Record<string, string>): AppConfigService {
  const env = validateEnvironment({ ...valid, ...raw }) as unknown as Record<string, unknown>;
  return new AppConfigService({ get: (key: string) => env[key] } as never);
}

describe('MFA_REQUIRED_ROLES', () => {
  it('requires MFA of the three central roles in production when unset, and of nobody elsewhere', () => {
    expect(configOf({ NODE_ENV: 'production' }).mfaRequiredRoles).toEqual([
      'platform_admin',
      'kl_analyst',
      'cert_analyst',
    ]);
    expect(configOf({ NODE_ENV: 'development' }).mfaRequiredRoles).toEqual([]);
    expect(configOf({ NODE_ENV: 'test' }).mfaRequiredRoles).toEqual([]);
  });

  it('takes an explicit list, or an empty one, in any environment', () => {
    expect(
      configOf({ NODE_ENV: 'production', MFA_REQUIRED_ROLES: 'platform_admin, municipality_officer' })
        .mfaRequiredRoles,
    ).toEqual(['platform_admin', 'municipality_officer']);
    expect(configOf({ NODE_ENV: 'production', MFA_REQUIRED_ROLES: '' }).mfaRequiredRoles).toEqual([]);
    expect(configOf({ MFA_REQUIRED_ROLES: 'kl_analyst' }).mfaRequiredRoles).toEqual(['kl_analyst']);
  });

  it('refuses an unknown role by name', () => {
    expect(() => validateEnvironment({ ...valid, MFA_REQUIRED_ROLES: 'platform_admin,admin' })).toThrow(
      /MFA_REQUIRED_ROLES/,
    );
  });

  it('defaults the session limits to 30 idle minutes and 8 hours', () => {
    expect(configOf({}).session).toMatchObject({ idleSeconds: 1800, ttlSeconds: 28800 });
  });
});
