import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moves the audit chain out of the database's reach and out of the request path.
 *
 * The old chain was an unkeyed SHA-256 computed by a trigger under a global advisory lock: anyone
 * who could write the table could recompute it with `audit_log_entry_hash()`, and every audited
 * request queued on the lock. Now appends are plain INSERTs, and the app's sealer links committed
 * entries into `audit_seals` with an HMAC under AUDIT_KEY, which the database never sees.
 * Existing entries are sealed by the first sealer run. Both tables stay append-only by trigger
 * as well as by the app role's privileges (SELECT and INSERT only).
 */
export class AuditSeals1796300000000 implements MigrationInterface {
  name = 'AuditSeals1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_chain ON audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_chain()`);
    await queryRunner.query(`DROP FUNCTION audit_log_entry_hash(audit_log)`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "prev_hash"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "hash"`);
    await queryRunner.query(
      `CREATE TABLE "audit_seals" ("position" bigint NOT NULL, "seq" bigint NOT NULL, "prev_hash" text NOT NULL, "hash" text NOT NULL, "sealed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "REL_984a8f9a6be3eecbe41144634a" UNIQUE ("seq"), CONSTRAINT "PK_2aa95f8d9d4716f0001ed5b5b77" PRIMARY KEY ("position"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_seals" ADD CONSTRAINT "FK_984a8f9a6be3eecbe41144634af" FOREIGN KEY ("seq") REFERENCES "audit_log"("seq") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_seals_append_only BEFORE UPDATE OR DELETE ON audit_seals FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_seals"`);
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "hash" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "prev_hash" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_entry_hash(e audit_log) RETURNS text
      LANGUAGE sql STABLE AS $$
        SELECT encode(sha256(convert_to(jsonb_build_array(
          e.prev_hash, e.seq::text,
          to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          e.actor_id::text, e.actor, e.action, e.target_type, e.target_id, e.address, e.details
        )::text, 'UTF8')), 'hex')
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_chain() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(7311845022);
        NEW.seq := nextval(pg_get_serial_sequence('audit_log', 'seq'));
        NEW.occurred_at := clock_timestamp();
        NEW.prev_hash := coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '');
        NEW.hash := audit_log_entry_hash(NEW);
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`,
    );
  }
}
