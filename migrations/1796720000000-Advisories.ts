import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KommuneCERT's advisories (varsler, issue 12 item 1): the advisory with its versions, the
 * municipalities it was sent to (fixed at send time), their answers, the linked incidents, and the
 * records that keep the fan-out and the reminders idempotent (advisory_deliveries: one row per
 * version and officer; advisory_reminders_sent: one per municipality and respond-by time). The app
 * role gets its grants from the default privileges (libs/database/src/app-role.ts), as for incidents.
 */
export class Advisories1796720000000 implements MigrationInterface {
  name = 'Advisories1796720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "advisories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "summary" text NOT NULL, "body" text NOT NULL, "severity" text NOT NULL, "tlp" text NOT NULL, "products" text array NOT NULL DEFAULT '{}', "cve_ids" text array NOT NULL DEFAULT '{}', "recommended_actions" text NOT NULL, "respond_by" TIMESTAMP WITH TIME ZONE NOT NULL, "audience_all" boolean NOT NULL, "audience_municipalities" smallint array NOT NULL DEFAULT '{}', "audience_regions" smallint array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'active', "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawal_reason" text, "version" integer NOT NULL DEFAULT '1', "author_id" uuid, "author" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_advisories_withdrawn" CHECK (("status" = 'withdrawn') = ("withdrawn_at" IS NOT NULL)), CONSTRAINT "CHK_advisories_tlp" CHECK ("tlp" IN ('clear','green','amber','amber+strict','red')), CONSTRAINT "CHK_advisories_severity" CHECK ("severity" IN ('low','medium','high','critical')), CONSTRAINT "CHK_advisories_status" CHECK ("status" IN ('active','withdrawn')), CONSTRAINT "PK_d7296456a2d94b0ec905412c5b2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_advisories_active_respond_by" ON "advisories"  ("respond_by") WHERE "status" = 'active'`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_advisories_created" ON "advisories"  ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "advisory_incidents" ("advisory_id" uuid NOT NULL, "incident_id" uuid NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ec6ab76b65afdcdfd0b90c69fdc" PRIMARY KEY ("advisory_id", "incident_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_advisory_incidents_incident" ON "advisory_incidents"  ("incident_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "advisory_targets" ("advisory_id" uuid NOT NULL, "municipality_code" smallint NOT NULL, CONSTRAINT "PK_bbf08b0c2ef71c996a5f4d4b79d" PRIMARY KEY ("advisory_id", "municipality_code"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_advisory_targets_municipality" ON "advisory_targets"  ("municipality_code", "advisory_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "advisory_responses" ("advisory_id" uuid NOT NULL, "municipality_code" smallint NOT NULL, "status" text NOT NULL, "comment" text, "status_at" TIMESTAMP WITH TIME ZONE NOT NULL, "first_read_at" TIMESTAMP WITH TIME ZONE NOT NULL, "responded_by" text NOT NULL, CONSTRAINT "CHK_advisory_responses_status" CHECK ("status" IN ('read','not_affected','mitigating','mitigated')), CONSTRAINT "PK_f5a03aa42e5fbb28ef540c48419" PRIMARY KEY ("advisory_id", "municipality_code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "advisory_versions" ("advisory_id" uuid NOT NULL, "version" integer NOT NULL, "kind" text NOT NULL, "content" jsonb NOT NULL, "changed_fields" text array NOT NULL DEFAULT '{}', "note" text, "changed_by" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_advisory_versions_kind" CHECK ("kind" IN ('published','updated','withdrawn')), CONSTRAINT "PK_7ee435935fa80081ff28452554c" PRIMARY KEY ("advisory_id", "version"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "advisory_deliveries" ("advisory_id" uuid NOT NULL, "version" integer NOT NULL, "user_id" uuid NOT NULL, "municipality_code" smallint NOT NULL, "mailed" boolean NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f055adcb32a85739c3619da4d65" PRIMARY KEY ("advisory_id", "version", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "advisory_reminders_sent" ("advisory_id" uuid NOT NULL, "municipality_code" smallint NOT NULL, "respond_by" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4b2732c292f09f2a1fdecbd07fb" PRIMARY KEY ("advisory_id", "municipality_code", "respond_by"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_incidents" ADD CONSTRAINT "FK_45c1fc92e2cef42a52d51af014b" FOREIGN KEY ("advisory_id") REFERENCES "advisories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_incidents" ADD CONSTRAINT "FK_ed497fcb7bda3ec1fc168fdb247" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_targets" ADD CONSTRAINT "FK_695a01f12d0ba118d6911436446" FOREIGN KEY ("advisory_id") REFERENCES "advisories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_targets" ADD CONSTRAINT "FK_c4086280011ea78b208df43fbb5" FOREIGN KEY ("municipality_code") REFERENCES "municipalities"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_responses" ADD CONSTRAINT "FK_f5a03aa42e5fbb28ef540c48419" FOREIGN KEY ("advisory_id", "municipality_code") REFERENCES "advisory_targets"("advisory_id","municipality_code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_versions" ADD CONSTRAINT "FK_5f0381aaa1e80d3bfcc607768e4" FOREIGN KEY ("advisory_id") REFERENCES "advisories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_deliveries" ADD CONSTRAINT "FK_4685d48e9f187435374c721b245" FOREIGN KEY ("advisory_id") REFERENCES "advisories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_deliveries" ADD CONSTRAINT "FK_98b2d04a646338c9c583a9cd5ec" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_reminders_sent" ADD CONSTRAINT "FK_a71345bb974cdde5b31d7618d58" FOREIGN KEY ("advisory_id") REFERENCES "advisories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "advisory_reminders_sent" DROP CONSTRAINT "FK_a71345bb974cdde5b31d7618d58"`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_deliveries" DROP CONSTRAINT "FK_98b2d04a646338c9c583a9cd5ec"`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_deliveries" DROP CONSTRAINT "FK_4685d48e9f187435374c721b245"`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_versions" DROP CONSTRAINT "FK_5f0381aaa1e80d3bfcc607768e4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_responses" DROP CONSTRAINT "FK_f5a03aa42e5fbb28ef540c48419"`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_targets" DROP CONSTRAINT "FK_c4086280011ea78b208df43fbb5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_targets" DROP CONSTRAINT "FK_695a01f12d0ba118d6911436446"`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_incidents" DROP CONSTRAINT "FK_ed497fcb7bda3ec1fc168fdb247"`,
    );
    await queryRunner.query(
      `ALTER TABLE "advisory_incidents" DROP CONSTRAINT "FK_45c1fc92e2cef42a52d51af014b"`,
    );
    await queryRunner.query(`DROP TABLE "advisory_reminders_sent"`);
    await queryRunner.query(`DROP TABLE "advisory_deliveries"`);
    await queryRunner.query(`DROP TABLE "advisory_versions"`);
    await queryRunner.query(`DROP TABLE "advisory_responses"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_advisory_targets_municipality"`);
    await queryRunner.query(`DROP TABLE "advisory_targets"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_advisory_incidents_incident"`);
    await queryRunner.query(`DROP TABLE "advisory_incidents"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_advisories_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_advisories_active_respond_by"`);
    await queryRunner.query(`DROP TABLE "advisories"`);
  }
}
