import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Protocol administration and the daily digest. A protocol version records who made it and what
 * changed, so the version history is the audit trail of the protocol. An employer's own version
 * holds only the rows in which it deviates from the standard (the rest follows the standard).
 * `digest_recipient` is the read model of `user.changed`; `digest_sent` makes the daily digest
 * idempotent per user and day.
 */
export class ProtocolAdministration1764460800000 implements MigrationInterface {
  name = 'ProtocolAdministration1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE activities.protocol
        ADD COLUMN created_by uuid,
        ADD COLUMN change_summary text`);
    await queryRunner.query(
      `UPDATE activities.protocol SET change_summary = 'Standaardprotocol (handleiding, bijlage II)' WHERE employer_id IS NULL AND version = 1`,
    );
    await queryRunner.query(`
      CREATE TABLE activities.digest_recipient (
        user_id uuid PRIMARY KEY,
        role text NOT NULL,
        person_id uuid,
        active boolean NOT NULL,
        daily_digest boolean NOT NULL,
        employer_ids uuid[] NOT NULL DEFAULT '{}',
        division_ids uuid[] NOT NULL DEFAULT '{}',
        department_ids uuid[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE activities.digest_sent (
        user_id uuid NOT NULL,
        digest_date date NOT NULL,
        overdue_count int NOT NULL,
        due_count int NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, digest_date)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS activities.digest_sent`);
    await queryRunner.query(`DROP TABLE IF EXISTS activities.digest_recipient`);
    await queryRunner.query(`ALTER TABLE activities.protocol DROP COLUMN change_summary, DROP COLUMN created_by`);
  }
}
