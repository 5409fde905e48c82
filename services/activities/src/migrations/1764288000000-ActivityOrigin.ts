import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activities added by users: which catalogue type they were made from, and which handled activity
 * they follow up, so a trajectory can be read back as the chain of decisions it was.
 */
export class ActivityOrigin1764288000000 implements MigrationInterface {
  name = 'ActivityOrigin1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE activities.activity
        ADD COLUMN activity_type_code text REFERENCES activities.activity_type (code),
        ADD COLUMN follow_up_of uuid REFERENCES activities.activity (id)`);
    await queryRunner.query(
      `CREATE INDEX activity_follow_up_of ON activities.activity (follow_up_of) WHERE follow_up_of IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE activities.activity DROP COLUMN follow_up_of, DROP COLUMN activity_type_code`);
  }
}
