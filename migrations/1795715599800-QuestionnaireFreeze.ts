import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Once an edition leaves draft its questionnaire is frozen: answers and statistics refer to it.
 * The service checks this too; the trigger makes it hold for every writer.
 */
export class QuestionnaireFreeze1795715599800 implements MigrationInterface {
  name = 'QuestionnaireFreeze1795715599800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION questionnaire_refuse_when_frozen() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        edition uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.edition_id ELSE NEW.edition_id END;
        edition_status text;
      BEGIN
        SELECT status INTO edition_status FROM editions WHERE id = edition;
        IF edition_status IS DISTINCT FROM 'draft' AND edition_status IS NOT NULL THEN
          RAISE EXCEPTION 'questionnaire of edition % is frozen (status %)', edition, edition_status
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const table of ['areas', 'questions', 'scale_levels']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_frozen BEFORE INSERT OR UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION questionnaire_refuse_when_frozen()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['areas', 'questions', 'scale_levels']) {
      await queryRunner.query(`DROP TRIGGER ${table}_frozen ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION questionnaire_refuse_when_frozen()`);
  }
}
