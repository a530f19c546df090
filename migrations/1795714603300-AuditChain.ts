import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Makes audit_log append-only and hash-chained inside PostgreSQL, so the guarantee holds for every
 * writer (API, worker, scripts) and cannot be skipped by application code.
 *
 * - Inserts take a transaction-level advisory lock, draw `seq` under it and link to the previous
 *   entry's hash, so concurrent writers produce one unbroken chain in `seq` order.
 * - The hash covers every column as a JSON array (unambiguous, unlike joined strings), with the
 *   timestamp rendered in UTC so the session time zone cannot change it.
 * - UPDATE, DELETE and TRUNCATE are refused.
 */
export class AuditChain1795714603300 implements MigrationInterface {
  name = 'AuditChain1795714603300';

  public async up(queryRunner: QueryRunner): Promise<void> {
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
    await queryRunner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await queryRunner.query(`DROP TRIGGER audit_log_chain ON audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`DROP FUNCTION audit_log_chain()`);
    await queryRunner.query(`DROP FUNCTION audit_log_entry_hash(audit_log)`);
  }
}
