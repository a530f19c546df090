import { Clock } from '@app/config';
import { DemoEditionsSeeder } from '@app/seed';
import { StatisticsRecomputeService } from '@app/statistics';
import { EditionsService } from '@app/surveys';
import { resetData, TestApp } from './test-app';

/** Empties the database, seeds the demo editions and recomputes 2023 and 2024; returns id per year. */
export async function seedDemoStatistics(t: TestApp): Promise<Record<number, string>> {
  await resetData(t.db);
  await new DemoEditionsSeeder(t.app.get(EditionsService), t.db, t.app.get(Clock)).seed();
  const ids: Record<number, string> = {};
  for (const row of await t.db.query('SELECT id, year FROM editions')) ids[row.year] = row.id;
  const recompute = t.app.get(StatisticsRecomputeService);
  await recompute.run(ids[2023]);
  await recompute.run(ids[2024]);
  return ids;
}
