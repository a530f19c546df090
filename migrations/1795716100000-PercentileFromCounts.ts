import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * percentile_cont for values given as (level, count) pairs. Scale answers take five values, so the
 * recompute aggregates answers to counts per level in one pass and derives medians and quartiles
 * from those few rows instead of sorting every answer once per scope.
 * Same method as percentile_cont: position p·(n−1) over the sorted values, linear interpolation.
 */
export class PercentileFromCounts1795716100000 implements MigrationInterface {
  name = 'PercentileFromCounts1795716100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION percentile_from_counts(levels numeric[], counts bigint[], p double precision) RETURNS numeric
      LANGUAGE plpgsql IMMUTABLE STRICT AS $$
      DECLARE
        n bigint := 0;
        cum bigint := 0;
        pos double precision;
        lo bigint;
        hi bigint;
        v_lo numeric;
        v_hi numeric;
      BEGIN
        FOR i IN 1 .. coalesce(array_length(levels, 1), 0) LOOP n := n + counts[i]; END LOOP;
        IF n = 0 THEN RETURN NULL; END IF;
        pos := p * (n - 1);
        lo := floor(pos);
        hi := ceil(pos);
        FOR i IN 1 .. array_length(levels, 1) LOOP
          IF v_lo IS NULL AND lo < cum + counts[i] THEN v_lo := levels[i]; END IF;
          IF v_hi IS NULL AND hi < cum + counts[i] THEN v_hi := levels[i]; END IF;
          cum := cum + counts[i];
        END LOOP;
        RETURN v_lo + (v_hi - v_lo) * (pos - lo)::numeric;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION percentile_from_counts(numeric[], bigint[], double precision)`);
  }
}
