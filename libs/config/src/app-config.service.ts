import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from './environment-variables';

/** Typed access to the validated environment; the only place that knows variable names. */
@Injectable()
export class AppConfigService {
  constructor(private readonly config: ConfigService<EnvironmentVariables, true>) {}

  private get<K extends keyof EnvironmentVariables>(key: K): EnvironmentVariables[K] {
    return this.config.get(key, { infer: true });
  }

  get nodeEnv() {
    return this.get('NODE_ENV');
  }
  get isProduction() {
    return this.nodeEnv === 'production';
  }
  get port() {
    return this.get('PORT');
  }
  get databaseUrl() {
    return this.get('DATABASE_URL');
  }
  get databaseLimits() {
    return {
      poolMax: this.get('DATABASE_POOL_MAX'),
      connectTimeoutMs: this.get('DATABASE_CONNECT_TIMEOUT_MS'),
      statementTimeoutMs: this.get('DATABASE_STATEMENT_TIMEOUT_MS'),
      idleInTransactionTimeoutMs: this.get('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS'),
    };
  }
  /** The schema owner's URL for migrations; DATABASE_URL in single-URL mode. */
  get migrationDatabaseUrl(): string {
    return this.get('MIGRATION_DATABASE_URL') || this.databaseUrl;
  }
  get redisUrl(): string | undefined {
    return this.get('REDIS_URL') || undefined;
  }
  get jwt() {
    return { secret: this.get('JWT_SECRET'), ttlSeconds: this.get('JWT_TTL_SECONDS') };
  }
  get session() {
    return {
      ttlSeconds: this.get('SESSION_TTL_SECONDS'),
      idleSeconds: this.get('SESSION_IDLE_SECONDS'),
      secureCookie: this.get('COOKIE_SECURE'),
    };
  }
  /** The roles that must use a second factor (see MFA_REQUIRED_ROLES). */
  get mfaRequiredRoles(): string[] {
    const raw = this.get('MFA_REQUIRED_ROLES');
    if (raw === undefined) return this.isProduction ? ['platform_admin', 'kl_analyst', 'cert_analyst'] : [];
    return raw
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
  }
  get webauthn() {
    const origin = this.publicUrl;
    return { origin, rpId: this.get('WEBAUTHN_RP_ID') || new URL(origin).hostname };
  }
  get signInThrottle() {
    return {
      freePerPair: this.get('SIGNIN_FREE_FAILURES_PER_PAIR'),
      delayBaseSeconds: this.get('SIGNIN_DELAY_BASE_SECONDS'),
      delayMaxSeconds: this.get('SIGNIN_DELAY_MAX_SECONDS'),
      maxPerAccount: this.get('SIGNIN_MAX_FAILURES_PER_ACCOUNT'),
      maxPerAddress: this.get('SIGNIN_MAX_FAILURES_PER_ADDRESS'),
      windowSeconds: this.get('SIGNIN_WINDOW_SECONDS'),
      unlockLinkTtlSeconds: this.get('SIGNIN_UNLOCK_LINK_TTL_SECONDS'),
    };
  }
  get anonymityK() {
    return this.get('ANONYMITY_K');
  }
  get demoPassword() {
    return this.get('DEMO_PASSWORD');
  }
  get runMigrations() {
    return this.get('MIGRATIONS_RUN');
  }
  get logLevel() {
    return this.get('LOG_LEVEL');
  }
  get auditVerifyCron() {
    return this.get('AUDIT_VERIFY_CRON');
  }
  get audit() {
    return {
      key: this.get('AUDIT_KEY'),
      headFile: this.get('AUDIT_HEAD_FILE') || undefined,
      headUrl: this.get('AUDIT_HEAD_URL') || undefined,
      sealIntervalSeconds: this.get('AUDIT_SEAL_INTERVAL_SECONDS'),
    };
  }
  get workerShutdownGraceSeconds() {
    return this.get('WORKER_SHUTDOWN_GRACE_SECONDS');
  }
  get reminders() {
    return {
      scanCron: this.get('REMINDER_SCAN_CRON'),
      daysBefore: this.get('REMINDER_DAYS_BEFORE')
        .split(',')
        .map(Number)
        .sort((a, b) => b - a),
    };
  }
  get mail() {
    return { smtpUrl: this.get('SMTP_URL') || undefined, from: this.get('MAIL_FROM') };
  }
  get publicUrl() {
    return this.get('PUBLIC_URL').replace(/\/$/, '');
  }
  /** OpenID Connect sign-in, or null when OIDC_ISSUER is unset (no SSO). */
  get oidc(): OidcSettings | null {
    const issuer = this.get('OIDC_ISSUER');
    if (!issuer) return null;
    return {
      issuer,
      clientId: this.get('OIDC_CLIENT_ID')!,
      clientSecret: this.get('OIDC_CLIENT_SECRET')!,
      redirectUri: this.get('OIDC_REDIRECT_URI') || `${this.publicUrl}/auth/oidc/callback`,
      label: this.get('OIDC_LABEL'),
      accountClaim: this.get('OIDC_ACCOUNT_CLAIM'),
    };
  }
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** The button's text on the sign-in page. */
  label: string;
  /** The claim with the account's e-mail address; `email` needs `email_verified: true`. */
  accountClaim: string;
}
