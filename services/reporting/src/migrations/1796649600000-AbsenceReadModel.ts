import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statistics read model. Every event reporting receives is kept in `event_log` (deduplicated
 * by content), and the tables below are a pure function of that log: the newest state of each
 * subject (sick case, employment, org unit) wins, ties broken by arrival. That makes a rebuild
 * from the log give exactly what incremental handling gave.
 */
export class AbsenceReadModel1796649600000 implements MigrationInterface {
  name = 'AbsenceReadModel1796649600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS reporting.absence_fact`);
    await queryRunner.query(`
      CREATE TABLE reporting.event_log (
        seq bigserial PRIMARY KEY,
        event text NOT NULL,
        subject_id uuid NOT NULL,
        person_id uuid,
        occurred_at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        digest text NOT NULL UNIQUE,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX event_log_subject ON reporting.event_log (subject_id, occurred_at DESC, seq DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE reporting.employment (
        employment_id uuid PRIMARY KEY,
        person_id uuid NOT NULL,
        employer_id uuid NOT NULL,
        division_id uuid,
        department_id uuid,
        start_date date NOT NULL,
        end_date date,
        part_time_factor numeric(6,4) NOT NULL CHECK (part_time_factor > 0 AND part_time_factor <= 1),
        as_of timestamptz NOT NULL,
        source_seq bigint NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX employment_person ON reporting.employment (person_id, start_date)`);
    await queryRunner.query(`CREATE INDEX employment_period ON reporting.employment (start_date, end_date)`);

    await queryRunner.query(`
      CREATE TABLE reporting.sick_case (
        sick_case_id uuid PRIMARY KEY,
        person_id uuid NOT NULL,
        employment_id uuid,
        employer_id uuid NOT NULL,
        division_id uuid,
        department_id uuid,
        first_sick_day date NOT NULL,
        recovered_on date,
        absence_percentage int NOT NULL CHECK (absence_percentage BETWEEN 0 AND 100),
        work_accident boolean NOT NULL DEFAULT false,
        course jsonb NOT NULL DEFAULT '[]',
        as_of timestamptz NOT NULL,
        source_seq bigint NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX sick_case_first_day ON reporting.sick_case (first_sick_day)`);
    await queryRunner.query(`CREATE INDEX sick_case_recovered ON reporting.sick_case (recovered_on)`);
    await queryRunner.query(
      `CREATE INDEX sick_case_open ON reporting.sick_case (employer_id, first_sick_day) WHERE recovered_on IS NULL`,
    );

    // One row per step of the absence course: [from_day, to_day] at a constant absence fraction.
    await queryRunner.query(`
      CREATE TABLE reporting.absence_segment (
        sick_case_id uuid NOT NULL,
        from_day date NOT NULL,
        to_day date,
        person_id uuid NOT NULL,
        fraction numeric(5,4) NOT NULL,
        work_accident boolean NOT NULL,
        PRIMARY KEY (sick_case_id, from_day)
      )`);
    await queryRunner.query(`CREATE INDEX absence_segment_person ON reporting.absence_segment (person_id, from_day)`);
    await queryRunner.query(
      `CREATE INDEX absence_segment_period ON reporting.absence_segment (from_day, to_day) INCLUDE (person_id, fraction, work_accident)`,
    );

    await queryRunner.query(`ALTER TABLE reporting.org_unit ADD COLUMN division_id uuid`);
    await queryRunner.query(`ALTER TABLE reporting.org_unit ADD COLUMN as_of timestamptz`);
    await queryRunner.query(`ALTER TABLE reporting.org_unit ADD COLUMN source_seq bigint`);

    await queryRunner.query(`
      CREATE TABLE reporting.saved_selection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        input jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, name)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS reporting.saved_selection`);
    await queryRunner.query(`ALTER TABLE reporting.org_unit DROP COLUMN IF EXISTS source_seq`);
    await queryRunner.query(`ALTER TABLE reporting.org_unit DROP COLUMN IF EXISTS as_of`);
    await queryRunner.query(`ALTER TABLE reporting.org_unit DROP COLUMN IF EXISTS division_id`);
    await queryRunner.query(`DROP TABLE IF EXISTS reporting.absence_segment`);
    await queryRunner.query(`DROP TABLE IF EXISTS reporting.sick_case`);
    await queryRunner.query(`DROP TABLE IF EXISTS reporting.employment`);
    await queryRunner.query(`DROP TABLE IF EXISTS reporting.event_log`);
  }
}
