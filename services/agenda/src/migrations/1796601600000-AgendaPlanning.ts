import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Planning: working hours, locations and absences per agenda, which employers a professional
 * serves, the full appointment life cycle, and a database guarantee against double booking.
 */
export class AgendaPlanning1796601600000 implements MigrationInterface {
  name = 'AgendaPlanning1796601600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trusted extension (PostgreSQL 13+): a database owner may create it. Gives uuid `=` in GiST.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await queryRunner.query(`ALTER TABLE agenda.agenda ADD COLUMN employer_ids uuid[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`UPDATE agenda.agenda SET role = 'OTHER' WHERE role NOT IN ('OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER')`);
    await queryRunner.query(
      `ALTER TABLE agenda.agenda ADD CONSTRAINT agenda_role_known CHECK (role IN ('OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'OTHER'))`,
    );
    await queryRunner.query(`CREATE INDEX agenda_employers ON agenda.agenda USING gin (employer_ids)`);
    await queryRunner.query(`CREATE UNIQUE INDEX agenda_user ON agenda.agenda (user_id) WHERE user_id IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE agenda.working_hours (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agenda_id uuid NOT NULL REFERENCES agenda.agenda (id) ON DELETE CASCADE,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start_minute smallint NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
        end_minute smallint NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
        CONSTRAINT working_hours_ends_after_start CHECK (end_minute > start_minute)
      )`);
    await queryRunner.query(`CREATE INDEX working_hours_agenda ON agenda.working_hours (agenda_id, weekday)`);

    await queryRunner.query(`
      CREATE TABLE agenda.location (
        id uuid PRIMARY KEY,
        agenda_id uuid NOT NULL REFERENCES agenda.agenda (id) ON DELETE CASCADE,
        name text NOT NULL,
        address text,
        video boolean NOT NULL DEFAULT false,
        position int NOT NULL DEFAULT 0,
        CONSTRAINT location_has_address_or_video CHECK (video OR address IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX location_agenda ON agenda.location (agenda_id, position)`);

    await queryRunner.query(`
      CREATE TABLE agenda.absence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agenda_id uuid NOT NULL REFERENCES agenda.agenda (id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        CONSTRAINT absence_ends_after_start CHECK (ends_at > starts_at)
      )`);
    await queryRunner.query(`CREATE INDEX absence_agenda ON agenda.absence (agenda_id, starts_at)`);

    await queryRunner.query(`ALTER TABLE agenda.appointment DROP CONSTRAINT IF EXISTS appointment_status_check`);
    await queryRunner.query(`UPDATE agenda.appointment SET status = 'HELD' WHERE status = 'DONE'`);
    await queryRunner.query(`
      ALTER TABLE agenda.appointment
        ALTER COLUMN status SET DEFAULT 'PLANNED',
        ADD CONSTRAINT appointment_status_known
          CHECK (status IN ('PLANNED', 'CONFIRMED', 'MOVED', 'CANCELLED', 'HELD', 'NO_SHOW')),
        ADD COLUMN version int NOT NULL DEFAULT 1,
        ADD COLUMN sequence int NOT NULL DEFAULT 0,
        ADD COLUMN location_id uuid REFERENCES agenda.location (id),
        ADD COLUMN what_to_bring text,
        ADD COLUMN planned_by uuid`);
    await queryRunner.query(`CREATE INDEX appointment_activity ON agenda.appointment (activity_id) WHERE activity_id IS NOT NULL`);

    // Rows from before this guarantee may overlap; the later-created of two overlapping ones is
    // cancelled so the constraint can hold (only demo data existed then).
    await queryRunner.query(`
      UPDATE agenda.appointment later SET status = 'CANCELLED'
        FROM agenda.appointment earlier
       WHERE later.agenda_id = earlier.agenda_id AND later.id <> earlier.id
         AND later.status IN ('PLANNED', 'CONFIRMED', 'MOVED') AND earlier.status IN ('PLANNED', 'CONFIRMED', 'MOVED')
         AND (later.created_at, later.id) > (earlier.created_at, earlier.id)
         AND tstzrange(later.starts_at, later.ends_at) && tstzrange(earlier.starts_at, earlier.ends_at)`);
    // The last word against double booking: two planners committing the same slot at the same
    // moment cannot both succeed, whatever the application checked before.
    await queryRunner.query(`
      ALTER TABLE agenda.appointment ADD CONSTRAINT appointment_no_double_booking
        EXCLUDE USING gist (agenda_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (status IN ('PLANNED', 'CONFIRMED', 'MOVED'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE agenda.appointment DROP CONSTRAINT appointment_no_double_booking`);
    await queryRunner.query(`DROP INDEX agenda.appointment_activity`);
    await queryRunner.query(`
      ALTER TABLE agenda.appointment DROP CONSTRAINT appointment_status_known,
        DROP COLUMN version, DROP COLUMN sequence, DROP COLUMN location_id, DROP COLUMN what_to_bring, DROP COLUMN planned_by`);
    await queryRunner.query(`UPDATE agenda.appointment SET status = 'DONE' WHERE status IN ('HELD', 'NO_SHOW')`);
    await queryRunner.query(`UPDATE agenda.appointment SET status = 'PLANNED' WHERE status IN ('CONFIRMED', 'MOVED')`);
    await queryRunner.query(
      `ALTER TABLE agenda.appointment ADD CONSTRAINT appointment_status_check CHECK (status IN ('PLANNED', 'CANCELLED', 'DONE'))`,
    );
    await queryRunner.query(`DROP TABLE agenda.absence`);
    await queryRunner.query(`DROP TABLE agenda.location`);
    await queryRunner.query(`DROP TABLE agenda.working_hours`);
    await queryRunner.query(`DROP INDEX agenda.agenda_user`);
    await queryRunner.query(`DROP INDEX agenda.agenda_employers`);
    await queryRunner.query(`ALTER TABLE agenda.agenda DROP CONSTRAINT agenda_role_known, DROP COLUMN employer_ids`);
  }
}
