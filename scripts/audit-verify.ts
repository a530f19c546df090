import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { AuditModule, AuditService } from '@app/audit';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';

@Module({ imports: [AppConfigModule, DatabaseModule, AuditModule] })
class AuditVerifyModule {}

/**
 * `npm run audit:verify`: recomputes the keyed chain and compares it with the newest signed head;
 * exit 0 when intact, 1 naming the first broken entry. It only reads, so it runs as the app role.
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AuditVerifyModule, { logger: ['error', 'warn'] });
  try {
    const result = await app.get(AuditService).verifyChain();
    const head = result.head ? `head of ${result.head.at} (${result.head.count} entries)` : 'no signed head';
    if (result.ok) {
      process.stdout.write(
        `Audit chain intact: ${result.entries} entries verified against ${head}; ${result.unsealed} not sealed yet.\n`,
      );
    } else {
      process.stdout.write(
        `Audit chain BROKEN at entry ${result.firstBreak!.seq} (${result.firstBreak!.problem}); ${result.entries} entries, ${head}.\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
