import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * `npm run bench` (second part): renders every report of the demo's 2024 edition (each
 * participating municipality and the national one), timing PDF and HTML per report in the same
 * run, and prints the medians and their ratio.
 */
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'baseline_bench_reports';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB}`;
  // The config lib validates the environment on import, so it is set before the modules load.
  process.env.DATABASE_URL = url.toString();
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  process.env.AUDIT_KEY ??= randomBytes(32).toString('hex');
  process.env.LOG_LEVEL = 'error';
  delete process.env.REDIS_URL;

  const { NestFactory } = await import('@nestjs/core');
  const { Module } = await import('@nestjs/common');
  const { AppConfigModule } = await import('@app/config');
  const { DatabaseModule } = await import('@app/database');
  const { AuditModule } = await import('@app/audit');
  const { QueueModule } = await import('@app/queue');
  const { SeedModule, DemoSeedService } = await import('@app/seed');
  const { StatisticsModule, StatisticsRecomputeService } = await import('@app/statistics');
  const { ReportsModule, ReportRendererService, ReportDataService, ReportsRepository } =
    await import('@app/reports');
  const { EditionsService } = await import('@app/surveys');

  @Module({
    imports: [
      AppConfigModule,
      DatabaseModule,
      AuditModule,
      QueueModule,
      SeedModule,
      StatisticsModule,
      ReportsModule,
    ],
  })
  class BenchModule {}

  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  try {
    await app.get(DemoSeedService).seedDemo();
    const editions = app.get(EditionsService);
    const all = await editions.findAll();
    const edition = all.find((e) => e.year === 2024)!;
    const previous = all.find((e) => e.year === 2023)!;
    await app.get(StatisticsRecomputeService).run(previous.id);
    await app.get(StatisticsRecomputeService).run(edition.id);
    const renderer = app.get(ReportRendererService);
    const data = app.get(ReportDataService);
    const participants = await app.get(ReportsRepository).participants(edition.id);

    const pdf: number[] = [];
    const htmlTimes: number[] = [];
    const time = async (fn: () => Promise<unknown>) => {
      const start = process.hrtime.bigint();
      await fn();
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const models = [
      await data.national(edition),
      ...(await Promise.all(participants.map((m) => data.municipality(edition, m.code, m.name)))),
    ];
    await renderer.render(models[1], 'pdf'); // warm-up: fonts, chart.js registration
    const started = Date.now();
    for (const model of models) {
      pdf.push(await time(() => renderer.render(model, 'pdf')));
      htmlTimes.push(await time(() => renderer.render(model, 'html')));
    }
    const result = {
      reports: models.length,
      municipalReports: participants.length,
      pdfMedianMs: Math.round(median(pdf) * 10) / 10,
      htmlMedianMs: Math.round(median(htmlTimes) * 10) / 10,
      pdfToHtmlRatio: Math.round((median(pdf) / median(htmlTimes)) * 10) / 10,
      allReportsSeconds: Math.round((Date.now() - started) / 100) / 10,
    };
    process.stdout.write('\nreports  per-report median PDF ms  per-report median HTML ms  PDF/HTML\n');
    process.stdout.write(
      `${String(result.reports).padStart(7)}${String(result.pdfMedianMs).padStart(27)}${String(result.htmlMedianMs).padStart(28)}${String(result.pdfToHtmlRatio).padStart(10)}\n`,
    );
    process.stdout.write(`all ${result.reports} reports in both formats: ${result.allReportsSeconds} s\n`);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(
      join('bench-results', 'reports.json'),
      JSON.stringify({ measuredAt: new Date().toISOString(), ...result }, null, 2),
    );
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
