import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityFoundation1764028800000 implements MigrationInterface {
  name = 'IdentityFoundation1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity.users (
        id uuid PRIMARY KEY,
        username text NOT NULL,
        display_name text NOT NULL,
        email text,
        password_hash text,
        role text NOT NULL CHECK (role IN ('EMPLOYEE', 'EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'PLANNER', 'ADMIN')),
        person_id uuid,
        blocked boolean NOT NULL DEFAULT false,
        employer_ids uuid[] NOT NULL DEFAULT '{}',
        division_ids uuid[] NOT NULL DEFAULT '{}',
        department_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_username_key UNIQUE (username),
        CONSTRAINT users_username_length CHECK (char_length(username) BETWEEN 1 AND 200),
        -- An employee account exists to reach one person's own data.
        CONSTRAINT users_employee_has_person CHECK (role <> 'EMPLOYEE' OR person_id IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_person_id_key ON identity.users (person_id) WHERE person_id IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE identity.access_log_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        event text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
        user_id uuid,
        role text,
        on_behalf_of text,
        purpose text NOT NULL,
        access_point text NOT NULL,
        person_id uuid,
        source text NOT NULL,
        source_key text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT access_log_entry_source_key_key UNIQUE (source_key)
      )`);
    await queryRunner.query(`CREATE INDEX access_log_entry_person_at ON identity.access_log_entry (person_id, at DESC, id DESC) WHERE person_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX access_log_entry_user_at ON identity.access_log_entry (user_id, at DESC) WHERE user_id IS NOT NULL`);

    // NEN 7513: the log must not be alterable. Refuse it in the database itself.
    await queryRunner.query(`
      CREATE FUNCTION identity.refuse_access_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'identity.access_log_entry is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER access_log_entry_no_update_delete BEFORE UPDATE OR DELETE ON identity.access_log_entry
      FOR EACH ROW EXECUTE FUNCTION identity.refuse_access_log_change()`);
    await queryRunner.query(`
      CREATE TRIGGER access_log_entry_no_truncate BEFORE TRUNCATE ON identity.access_log_entry
      FOR EACH STATEMENT EXECUTE FUNCTION identity.refuse_access_log_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE identity.access_log_entry`);
    await queryRunner.query(`DROP FUNCTION identity.refuse_access_log_change()`);
    await queryRunner.query(`DROP TABLE identity.users`);
  }
}
