import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `user_directory` is dossier's read model of identity's `user.changed`: only what names an author
 * (display name and role), so notes and documents show who wrote them instead of a role label.
 * Correction requests get the reviewer's answer, so the employee sees why and when it was handled.
 */
export class AuthorsAndCorrections1767484800000 implements MigrationInterface {
  name = 'AuthorsAndCorrections1767484800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dossier.user_directory (
        user_id text PRIMARY KEY,
        display_name text NOT NULL CHECK (length(btrim(display_name)) > 0 AND char_length(display_name) <= 200),
        role text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      ALTER TABLE dossier.correction_request
        ADD COLUMN response text CHECK (char_length(response) <= 2000),
        ADD COLUMN resolved_at timestamptz,
        ADD COLUMN resolved_by_user_id text,
        ADD COLUMN resolved_by_name text,
        ADD CONSTRAINT correction_request_resolved_when_closed CHECK ((status = 'OPEN') = (resolved_at IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE dossier.correction_request
        DROP CONSTRAINT correction_request_resolved_when_closed,
        DROP COLUMN resolved_by_name,
        DROP COLUMN resolved_by_user_id,
        DROP COLUMN resolved_at,
        DROP COLUMN response`);
    await queryRunner.query(`DROP TABLE dossier.user_directory`);
  }
}
