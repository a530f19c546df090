import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The KommuneCERT incident log: incidents with their gap-free per-year reference counter, the
 * timeline, comments, attachments (bytea), regulatory obligations and intake idempotency keys.
 * The app role gets its grants from the default privileges (libs/database/src/app-role.ts).
 * Work-queue indexes on incidents: (created_at, id) for newest first, (status, created_at),
 * (assignee_id, status), (municipality_code, created_at), and next_due_at (partial, not null) for
 * overdue and soon-due; the open obligations by due_at (partial, submitted_at IS NULL) for reminders.
 */
export class Incidents1796400000000 implements MigrationInterface {
  name = 'Incidents1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "incidents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "municipality_code" smallint NOT NULL, "source" text NOT NULL, "reporter_user_id" uuid, "reporter_api_key_id" uuid, "reporter_label" text NOT NULL, "reporter_reference" text, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "status" text NOT NULL DEFAULT 'new', "rsit_class" text NOT NULL, "rsit_type" text NOT NULL, "tlp" text NOT NULL DEFAULT 'amber', "severity" text NOT NULL DEFAULT 'medium', "nis2_significant" text NOT NULL DEFAULT 'not-assessed', "nis2_impact" text, "root_cause" text, "affected_systems" text array NOT NULL DEFAULT '{}', "affected_services" text array NOT NULL DEFAULT '{}', "assignee_id" uuid, "disposition" text, "duplicate_of_id" uuid, "occurred_at" TIMESTAMP WITH TIME ZONE, "detected_at" TIMESTAMP WITH TIME ZONE, "aware_at" TIMESTAMP WITH TIME ZONE NOT NULL, "contained_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "pdb_type" text, "pdb_nature" text array, "pdb_approx_subjects" integer, "pdb_approx_records" integer, "pdb_special_categories" text array, "pdb_notifiable" boolean, "pdb_documented_only_reason" text, "pdb_subjects_informed" boolean, "next_due_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_incidents_duplicate" CHECK (("status" = 'duplicate') = ("duplicate_of_id" IS NOT NULL)), CONSTRAINT "CHK_incidents_counts" CHECK ("pdb_approx_subjects" >= 0 AND "pdb_approx_records" >= 0), CONSTRAINT "CHK_incidents_nis2" CHECK ("nis2_significant" IN ('yes','no','not-assessed')), CONSTRAINT "CHK_incidents_tlp" CHECK ("tlp" IN ('clear','green','amber','amber+strict','red')), CONSTRAINT "CHK_incidents_severity" CHECK ("severity" IN ('low','medium','high','critical')), CONSTRAINT "CHK_incidents_source" CHECK ("source" IN ('web','api','cert')), CONSTRAINT "CHK_incidents_status" CHECK ("status" IN ('new','triage','in_progress','contained','resolved','closed','not_an_incident','duplicate')), CONSTRAINT "PK_ccb34c01719889017e2246469f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_incidents_municipality_created" ON "incidents" ("municipality_code", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_incidents_assignee_status" ON "incidents" ("assignee_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_incidents_status_created" ON "incidents" ("status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_incidents_next_due" ON "incidents" ("next_due_at") WHERE "next_due_at" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_incidents_created" ON "incidents" ("created_at", "id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_incidents_reporter_reference" ON "incidents" ("municipality_code", "reporter_reference") WHERE "reporter_reference" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_incidents_reference" ON "incidents" ("reference") `);
    await queryRunner.query(
      `CREATE TABLE "incident_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "file_name" text NOT NULL, "media_type" text NOT NULL, "size" integer NOT NULL, "sha256" text NOT NULL, "content" bytea NOT NULL, "internal" boolean NOT NULL DEFAULT false, "tlp" text, "uploaded_by_id" uuid, "uploaded_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c4cdf0dc167f160d5a997fbbbd6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_incident_attachments_incident" ON "incident_attachments" ("incident_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "body" text NOT NULL, "internal" boolean NOT NULL DEFAULT false, "tlp" text, "author_id" uuid, "author" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a17275da5243738996bbba7327d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_incident_comments_incident_created" ON "incident_comments" ("incident_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_events" ("id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, "incident_id" uuid NOT NULL, "kind" text NOT NULL, "field" text, "before" jsonb, "after" jsonb, "actor_id" uuid, "actor" text NOT NULL, "internal" boolean NOT NULL DEFAULT false, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1230e0a50df3503eed115634297" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_incident_events_incident_at" ON "incident_events" ("incident_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_intake_keys" ("municipality_code" smallint NOT NULL, "key" text NOT NULL, "body_hash" text NOT NULL, "incident_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_47e3ebb26bb30083d79870d3c8c" PRIMARY KEY ("municipality_code", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_obligations" ("incident_id" uuid NOT NULL, "kind" text NOT NULL, "anchor_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "reference" text, "reason_for_delay" text, "submitted_by_id" uuid, CONSTRAINT "CHK_incident_obligations_kind" CHECK ("kind" IN ('gdpr-art33','nis2-early-warning','nis2-notification','nis2-final-report')), CONSTRAINT "PK_025c4b67c458e9e87b7618efcd7" PRIMARY KEY ("incident_id", "kind"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_incident_obligations_open_due" ON "incident_obligations" ("due_at") WHERE "submitted_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "incident_reference_counters" ("year" smallint NOT NULL, "last" integer NOT NULL, CONSTRAINT "PK_e4f42bbd7e52474ee149db20f7a" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_bb1f08f7156624817fead97c27f" FOREIGN KEY ("municipality_code") REFERENCES "municipalities"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_d861d05238870037db269d4e5e2" FOREIGN KEY ("reporter_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_f5b7bac47f440e29157ddf91ffd" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "FK_32bd6581a97bddcca3ea8636a9b" FOREIGN KEY ("duplicate_of_id") REFERENCES "incidents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_attachments" ADD CONSTRAINT "FK_83caa236f28b5bdd35322bf4446" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_comments" ADD CONSTRAINT "FK_5575c3f58b513060955586187ea" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_events" ADD CONSTRAINT "FK_390f216bd2d62482f4a2602b5e8" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_intake_keys" ADD CONSTRAINT "FK_a0a59079c64d9aa7ba06b2637a9" FOREIGN KEY ("municipality_code") REFERENCES "municipalities"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_intake_keys" ADD CONSTRAINT "FK_7dbc9b1373b676cc6d59e0db0dc" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_obligations" ADD CONSTRAINT "FK_d1afa5810dd040f370dd8998bb9" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "incident_obligations" DROP CONSTRAINT "FK_d1afa5810dd040f370dd8998bb9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_intake_keys" DROP CONSTRAINT "FK_7dbc9b1373b676cc6d59e0db0dc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_intake_keys" DROP CONSTRAINT "FK_a0a59079c64d9aa7ba06b2637a9"`,
    );
    await queryRunner.query(`ALTER TABLE "incident_events" DROP CONSTRAINT "FK_390f216bd2d62482f4a2602b5e8"`);
    await queryRunner.query(
      `ALTER TABLE "incident_comments" DROP CONSTRAINT "FK_5575c3f58b513060955586187ea"`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_attachments" DROP CONSTRAINT "FK_83caa236f28b5bdd35322bf4446"`,
    );
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_32bd6581a97bddcca3ea8636a9b"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_f5b7bac47f440e29157ddf91ffd"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_d861d05238870037db269d4e5e2"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_bb1f08f7156624817fead97c27f"`);
    await queryRunner.query(`DROP TABLE "incident_reference_counters"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_incident_obligations_open_due"`);
    await queryRunner.query(`DROP TABLE "incident_obligations"`);
    await queryRunner.query(`DROP TABLE "incident_intake_keys"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_incident_events_incident_at"`);
    await queryRunner.query(`DROP TABLE "incident_events"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_incident_comments_incident_created"`);
    await queryRunner.query(`DROP TABLE "incident_comments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_incident_attachments_incident"`);
    await queryRunner.query(`DROP TABLE "incident_attachments"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_incidents_reference"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_incidents_reporter_reference"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_incidents_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_incidents_next_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_incidents_status_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_incidents_assignee_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_incidents_municipality_created"`);
    await queryRunner.query(`DROP TABLE "incidents"`);
  }
}
