import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Steps handled in a previous system before a case was imported are closed as IMPORTED. */
export class ImportedHistory1764201600000 implements MigrationInterface {
  name = 'ImportedHistory1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE activities.activity DROP CONSTRAINT IF EXISTS activity_closed_reason_check`);
    await queryRunner.query(
      `ALTER TABLE activities.activity ADD CONSTRAINT activity_closed_reason_check CHECK (closed_reason IN ('RECOVERY', 'IMPORTED'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE activities.activity SET closed_reason = NULL WHERE closed_reason = 'IMPORTED'`);
    await queryRunner.query(`ALTER TABLE activities.activity DROP CONSTRAINT IF EXISTS activity_closed_reason_check`);
    await queryRunner.query(
      `ALTER TABLE activities.activity ADD CONSTRAINT activity_closed_reason_check CHECK (closed_reason IN ('RECOVERY'))`,
    );
  }
}
