import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DemoSeedService, SeedAppModule } from '@app/seed';

/** `npm run seed:demo`: migrate, then load reference data and the demo accounts. Refused in production. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedAppModule, { logger: ['error', 'warn', 'log'] });
  try {
    await app.get(DemoSeedService).seedDemo();
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
