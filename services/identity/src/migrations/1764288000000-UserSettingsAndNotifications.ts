import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserSettingsAndNotifications1764288000000 implements MigrationInterface {
  name = 'UserSettingsAndNotifications1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // What the administrator's user list shows; kept on the account so the list needs no joins.
    await queryRunner.query(`ALTER TABLE identity.users ADD COLUMN activated_at timestamptz, ADD COLUMN last_login_at timestamptz`);
    await queryRunner.query(`
      UPDATE identity.users u
         SET activated_at = COALESCE(
               (SELECT min(i.used_at) FROM identity.invitations i WHERE i.user_id = u.id AND i.purpose = 'ACTIVATION'),
               u.created_at),
             last_login_at = (SELECT max(s.created_at) FROM identity.sessions s WHERE s.user_id = u.id)
       WHERE u.password_hash IS NOT NULL`);

    // Personal settings ("Mijn instellingen"); a missing row means the defaults.
    await queryRunner.query(`
      CREATE TABLE identity.user_settings (
        user_id uuid PRIMARY KEY REFERENCES identity.users (id) ON DELETE CASCADE,
        action_list_days_ahead integer NOT NULL DEFAULT 28 CHECK (action_list_days_ahead BETWEEN 1 AND 365),
        daily_digest boolean NOT NULL DEFAULT true,
        locale text NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // One row per event that produced mail: a redelivered job (pg-boss retries) sends nothing twice.
    await queryRunner.query(`
      CREATE TABLE identity.notification_deliveries (
        key text PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX outbox_recipient ON identity.outbox (recipient, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX identity.outbox_recipient`);
    await queryRunner.query(`DROP TABLE identity.notification_deliveries`);
    await queryRunner.query(`DROP TABLE identity.user_settings`);
    await queryRunner.query(`ALTER TABLE identity.users DROP COLUMN last_login_at, DROP COLUMN activated_at`);
  }
}
