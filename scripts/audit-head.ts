import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { AuditModule, AuditService } from '@app/audit';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';

@Module({ imports: [AppConfigModule, DatabaseModule, AuditModule] })
class AuditHeadModule {}

/** `npm run audit:head`: seals, verifies, and writes a signed chain head to AUDIT_HEAD_FILE / _URL. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AuditHeadModule, { logger: ['error', 'warn'] });
  try {
    const { head } = await app.get(AuditService).publishHead();
    process.stdout.write(`Audit head written: ${head.count} entries, last ${head.lastSeq}, at ${head.at}.\n`);
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
