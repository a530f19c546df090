import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { isEmail } from 'class-validator';
import { AccountsModule, InvitationsService } from '@app/accounts';
import { AuditModule } from '@app/audit';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { MunicipalitiesModule, parseMunicipalityCode } from '@app/municipalities';
import { Role, ROLES } from '@app/users';

// MunicipalitiesModule loads the 98 municipalities at start, so an officer can be created on an empty database.
@Module({ imports: [AppConfigModule, DatabaseModule, AuditModule, MunicipalitiesModule, AccountsModule] })
class UserCreateModule {}

const USAGE =
  'usage: npm run user:create -- --email ADDRESS --role ROLE [--municipality CODE] [--name NAME] [--force]\n' +
  `  ROLE: ${ROLES.join(', ')}; --municipality for a municipality_officer only;\n` +
  '  --force: create a platform_admin although one exists\n';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}`);
  process.exit(2);
}

/**
 * `npm run user:create` (or `node dist/scripts/user-create.js`): creates a user without a password
 * and prints a one-time link (72 h) that sets it. It never prints or takes a password. Migrates
 * first, as the apps do, so it works on an empty database.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      municipality: { type: 'string' },
      name: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const email = values.email?.trim() ?? '';
  if (!isEmail(email)) fail(`--email: "${email}" is not an e-mail address`);
  if (!ROLES.includes(values.role as Role)) fail(`--role: "${values.role ?? ''}" is not a role`);
  const municipalityCode =
    values.municipality === undefined ? null : parseMunicipalityCode(values.municipality);
  if (values.municipality !== undefined && municipalityCode === null) {
    fail(`--municipality: "${values.municipality}" is not a municipality code`);
  }
  const app = await NestFactory.createApplicationContext(UserCreateModule, { logger: ['error', 'warn'] });
  try {
    const { invitation, link } = await app
      .get(InvitationsService)
      .bootstrap(
        { email, role: values.role as Role, municipalityCode, displayName: values.name ?? null },
        values.force ?? false,
      );
    process.stdout.write(
      `Created ${invitation.role} ${invitation.email} (id ${invitation.id}) without a password.\n` +
        `Open this one-time link to set the password; it expires at ${invitation.expiresAt?.toISOString()}:\n\n` +
        `${link}\n`,
    );
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
