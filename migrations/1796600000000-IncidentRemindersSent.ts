import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The incident reminders already sent (obligation, stage, due time), so that a restarted worker or a
 * reconciliation never sends one twice. The app role gets its grants from the default privileges.
 */
export class IncidentRemindersSent1796600000000 implements MigrationInterface {
  name = 'IncidentRemindersSent1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "incident_reminders_sent" ("incident_id" uuid NOT NULL, "kind" text NOT NULL, "stage" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_incident_reminders_sent_stage" CHECK ("stage" IN ('12h','2h','overdue')), CONSTRAINT "PK_439c92eebfdecb0119d3199dbb5" PRIMARY KEY ("incident_id", "kind", "stage", "due_at"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "incident_reminders_sent" ADD CONSTRAINT "FK_0b5f9be611036cd24c2b82714e6" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "incident_reminders_sent" DROP CONSTRAINT "FK_0b5f9be611036cd24c2b82714e6"`,
    );
    await queryRunner.query(`DROP TABLE "incident_reminders_sent"`);
  }
}
