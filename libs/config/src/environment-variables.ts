import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateIf,
} from 'class-validator';

/** Reads the raw value: implicit conversion would turn the string 'false' into true. */
const toBool = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  return typeof raw === 'string' ? ['1', 'true', 'yes'].includes(raw.toLowerCase()) : raw;
};

/**
 * Every setting the platform reads from the environment. Validated once at boot so that a typo
 * fails fast with the variable's name instead of surfacing later as an odd runtime error.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  /** PostgreSQL connection string. Unset only under the launcher, which starts embedded PostgreSQL. */
  @IsString()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL!: string;

  /** Connections per process (API and worker each have a pool). */
  @IsInt()
  @Min(2)
  DATABASE_POOL_MAX: number = 10;

  /** How long a request waits for a pooled or new connection before it is answered 503. */
  @IsInt()
  @Min(100)
  DATABASE_CONNECT_TIMEOUT_MS: number = 5_000;

  /** PostgreSQL cancels a statement that runs longer (statement_timeout). */
  @IsInt()
  @Min(100)
  DATABASE_STATEMENT_TIMEOUT_MS: number = 30_000;

  /** PostgreSQL ends a session left idle inside a transaction this long (idle_in_transaction_session_timeout). */
  @IsInt()
  @Min(100)
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: number = 15_000;

  /**
   * The owner of the schema, for migrations only. Without it the app migrates and runs with
   * DATABASE_URL (single-URL mode), so the app role owns audit_log and could rewrite it.
   */
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  MIGRATION_DATABASE_URL?: string;

  /** With it, BullMQ runs on Redis; without it, on PostgreSQL in the same database. */
  @IsOptional()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL?: string;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS: number = 900;

  /** Absolute lifetime of a web session (ASVS: re-authenticate after at most this long). */
  @IsInt()
  @Min(300)
  SESSION_TTL_SECONDS: number = 8 * 3600;

  /** A web session without a request for this long is over. */
  @IsInt()
  @Min(60)
  SESSION_IDLE_SECONDS: number = 30 * 60;

  /**
   * Roles that must sign in with a second factor (comma list, may be empty). Unset: the three
   * central roles in production, none elsewhere (so the embedded demo signs in with passwords).
   */
  @IsOptional()
  @Matches(
    /^\s*$|^(platform_admin|kl_analyst|cert_analyst|municipality_officer)(\s*,\s*(platform_admin|kl_analyst|cert_analyst|municipality_officer))*$/,
    {
      message:
        'MFA_REQUIRED_ROLES must be a comma-separated list of platform_admin, kl_analyst, cert_analyst, municipality_officer (or empty)',
    },
  )
  MFA_REQUIRED_ROLES?: string;

  /** The WebAuthn relying party id (the site's host name); default: PUBLIC_URL's host. */
  @IsOptional()
  @IsString()
  WEBAUTHN_RP_ID?: string;

  @IsBoolean()
  @Transform(toBool)
  COOKIE_SECURE: boolean = false;

  /**
   * Failed sign-ins for one account from one address before each further attempt from there waits;
   * the wait doubles per failure. Per pair, so a guesser elsewhere does not lock the owner out.
   */
  @IsInt()
  @Min(1)
  SIGNIN_FREE_FAILURES_PER_PAIR: number = 5;

  @IsInt()
  @Min(1)
  SIGNIN_DELAY_BASE_SECONDS: number = 30;

  @IsInt()
  @Min(1)
  SIGNIN_DELAY_MAX_SECONDS: number = 900;

  /** Failed sign-ins for one account from all addresses before it locks until the window ends. */
  @IsInt()
  @Min(1)
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: number = 100;

  @IsInt()
  @Min(1)
  SIGNIN_MAX_FAILURES_PER_ADDRESS: number = 30;

  @IsInt()
  @Min(60)
  SIGNIN_WINDOW_SECONDS: number = 900;

  /** Lifetime of an e-mailed one-time unlock link. */
  @IsInt()
  @Min(60)
  SIGNIN_UNLOCK_LINK_TTL_SECONDS: number = 1800;

  /** Smallest group a published statistic may describe (design: default 5, never below 3). */
  @IsInt()
  @Min(3)
  ANONYMITY_K: number = 5;

  @IsString()
  @MinLength(8)
  DEMO_PASSWORD: string = 'baseline-demo';

  @IsBoolean()
  @Transform(toBool)
  MIGRATIONS_RUN: boolean = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsString()
  AUDIT_VERIFY_CRON: string = '0 3 * * *';

  /** HMAC key of the audit chain; kept outside the database so that the database cannot forge it. */
  @IsString()
  @MinLength(32, { message: 'AUDIT_KEY must be at least 32 characters' })
  AUDIT_KEY!: string;

  /** Where the signed chain head is appended (one JSON line per head); empty: no file. */
  @IsString()
  AUDIT_HEAD_FILE: string = '.data/audit-head.jsonl';

  /** Where the signed chain head is POSTed as JSON, e.g. a write-once log on another host. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  AUDIT_HEAD_URL?: string;

  /** How often the worker seals new audit entries into the chain. */
  @IsInt()
  @Min(1)
  AUDIT_SEAL_INTERVAL_SECONDS: number = 5;

  /** How long a stopping worker waits for active jobs before exiting (they are then retried). */
  @IsInt()
  @Min(1)
  WORKER_SHUTDOWN_GRACE_SECONDS: number = 30;

  /** How often the worker looks for survey reminders that are due. */
  @IsString()
  REMINDER_SCAN_CRON: string = '15 * * * *';

  /** Days before an edition's deadline at which non-submitted municipalities are reminded. */
  @Matches(/^\d+(,\d+)*$/, {
    message: 'REMINDER_DAYS_BEFORE must be a comma-separated list of whole days, e.g. 14,3',
  })
  REMINDER_DAYS_BEFORE: string = '14,3';

  /** e.g. smtp://user:pass@mail.example:587; without it reminders are in-app only. */
  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM: string = 'Baseline <baseline@kl.dk>';

  /** Public address of the web UI, used in links in e-mails. */
  @IsString()
  PUBLIC_URL: string = 'http://localhost:3000';

  /**
   * OpenID Connect sign-in (optional): the issuer's URL. Without it there is no SSO button and the
   * /auth/oidc routes answer 404; with it, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required.
   */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  OIDC_ISSUER?: string;

  @ValidateIf((env: EnvironmentVariables) => !!env.OIDC_ISSUER)
  @IsString()
  @MinLength(1, { message: 'OIDC_CLIENT_ID is required when OIDC_ISSUER is set' })
  OIDC_CLIENT_ID?: string;

  @ValidateIf((env: EnvironmentVariables) => !!env.OIDC_ISSUER)
  @IsString()
  @MinLength(1, { message: 'OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set' })
  OIDC_CLIENT_SECRET?: string;

  /** Where the provider sends the browser back; default PUBLIC_URL + /auth/oidc/callback. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  OIDC_REDIRECT_URI?: string;

  /**
   * The ID-token claim that holds the Baseline account's e-mail address: `email` (trusted only
   * with `email_verified: true`), or a claim the provider's directory sets and users cannot
   * change, e.g. `sub` or `upn` where that is the address.
   */
  @Matches(/^[A-Za-z_][A-Za-z0-9_.:-]{0,99}$/, {
    message: 'OIDC_ACCOUNT_CLAIM must be a claim name, e.g. email',
  })
  OIDC_ACCOUNT_CLAIM: string = 'email';

  /** The SSO button's text on the sign-in page. */
  @IsString()
  @MinLength(1)
  OIDC_LABEL: string = 'Log ind med din organisations login';
}

/** ConfigModule's `validate` hook: coerces numbers and booleans, then names every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ') || 'invalid'}`,
    );
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}
