import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The KommuneCERT work queue lists "mine" and "unassigned" newest first: an index on
 * (assignee_id, created_at) reads the first page in order instead of sorting every unassigned
 * incident (bench/incidents.bench.ts, 100,000 incidents).
 */
export class IncidentQueueIndexes1796410000000 implements MigrationInterface {
  name = 'IncidentQueueIndexes1796410000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_incidents_assignee_created" ON "incidents" ("assignee_id", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_incidents_assignee_created"`);
  }
}
