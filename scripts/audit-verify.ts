import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { AuditModule, AuditService } from '@app/audit';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';

@Module({ imports: [AppConfigModule, DatabaseModule, AuditModule] })
class AuditVerifyModule {}

/** `npm run audit:verify`: exit 0 when the chain is intact, 1 naming the first broken entry. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AuditVerifyModule, { logger: ['error', 'warn'] });
  try {
    const result = await app.get(AuditService).verifyChain();
    if (result.ok) {
      process.stdout.write(`Audit chain intact: ${result.entries} entries verified.\n`);
    } else {
      process.stdout.write(
        `Audit chain BROKEN at entry ${result.firstBreak!.seq} (${result.firstBreak!.problem}); ${result.entries} entries.\n`,
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
