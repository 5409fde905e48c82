import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation, persons, employment, sick cases and their absence course. Hand-written so the
 * constraints that keep the data honest live in the database, not only in the resolvers.
 */
export class DossierCore1767225600000 implements MigrationInterface {
  name = 'DossierCore1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram indexes make the partial name search (ILIKE '%…%') an index scan at 50,000 persons.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await queryRunner.query(`
      CREATE TABLE dossier.employer (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE dossier.division (
        id uuid PRIMARY KEY,
        employer_id uuid NOT NULL REFERENCES dossier.employer (id),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, employer_id)
      )`);
    await queryRunner.query(`CREATE INDEX division_employer_idx ON dossier.division (employer_id)`);
    await queryRunner.query(`
      CREATE TABLE dossier.department (
        id uuid PRIMARY KEY,
        division_id uuid NOT NULL,
        employer_id uuid NOT NULL,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, division_id),
        FOREIGN KEY (division_id, employer_id) REFERENCES dossier.division (id, employer_id)
      )`);
    await queryRunner.query(`CREATE INDEX department_division_idx ON dossier.department (division_id)`);
    await queryRunner.query(`CREATE INDEX department_employer_idx ON dossier.department (employer_id)`);

    await queryRunner.query(`
      CREATE TABLE dossier.person (
        id uuid PRIMARY KEY,
        first_name text NOT NULL CHECK (length(btrim(first_name)) > 0),
        last_name text NOT NULL CHECK (length(btrim(last_name)) > 0),
        initials text,
        date_of_birth date,
        gender text CHECK (gender IN ('FEMALE', 'MALE', 'OTHER')),
        email text,
        phone text,
        street text,
        house_number text,
        postal_code text,
        city text,
        personnel_number text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The list order of the persons overview.
    await queryRunner.query(`CREATE INDEX person_name_order_idx ON dossier.person (last_name, first_name, id)`);
    await queryRunner.query(
      `CREATE INDEX person_full_name_trgm_idx ON dossier.person USING gin ((first_name || ' ' || last_name) gin_trgm_ops)`,
    );
    await queryRunner.query(`CREATE INDEX person_personnel_number_trgm_idx ON dossier.person USING gin (personnel_number gin_trgm_ops)`);

    await queryRunner.query(`
      CREATE TABLE dossier.employment (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES dossier.person (id),
        employer_id uuid NOT NULL REFERENCES dossier.employer (id),
        division_id uuid,
        department_id uuid,
        job_title text,
        start_date date NOT NULL,
        end_date date,
        hours_per_week numeric(5, 2) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 168),
        full_time_hours_per_week numeric(5, 2) NOT NULL CHECK (full_time_hours_per_week > 0 AND full_time_hours_per_week <= 168),
        work_pattern jsonb CHECK (work_pattern IS NULL OR jsonb_typeof(work_pattern -> 'weeks') = 'array'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date IS NULL OR end_date >= start_date),
        CHECK (department_id IS NULL OR division_id IS NOT NULL),
        FOREIGN KEY (division_id, employer_id) REFERENCES dossier.division (id, employer_id),
        FOREIGN KEY (department_id, division_id) REFERENCES dossier.department (id, division_id)
      )`);
    await queryRunner.query(`CREATE INDEX employment_person_idx ON dossier.employment (person_id, start_date)`);
    // Scope filters: EXISTS (employment in one of the caller's units).
    await queryRunner.query(`CREATE INDEX employment_employer_idx ON dossier.employment (employer_id, person_id)`);
    await queryRunner.query(`CREATE INDEX employment_division_idx ON dossier.employment (division_id, person_id)`);
    await queryRunner.query(`CREATE INDEX employment_department_idx ON dossier.employment (department_id, person_id)`);

    await queryRunner.query(`
      CREATE TABLE dossier.sick_case (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES dossier.person (id),
        employment_id uuid REFERENCES dossier.employment (id),
        employer_id uuid NOT NULL REFERENCES dossier.employer (id),
        division_id uuid REFERENCES dossier.division (id),
        department_id uuid REFERENCES dossier.department (id),
        first_sick_day date NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'RECOVERED')),
        absence_percentage smallint NOT NULL CHECK (absence_percentage BETWEEN 0 AND 100),
        expected_recovery_date date,
        recovered_on date,
        term_start_day date NOT NULL,
        term_gap_days integer NOT NULL DEFAULT 0 CHECK (term_gap_days >= 0),
        work_accident boolean NOT NULL DEFAULT false,
        safety_net boolean NOT NULL DEFAULT false,
        third_party_liable boolean NOT NULL DEFAULT false,
        reported_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'OPEN') = (recovered_on IS NULL)),
        CHECK (recovered_on IS NULL OR recovered_on > first_sick_day),
        CHECK (expected_recovery_date IS NULL OR expected_recovery_date > first_sick_day),
        CHECK (term_start_day <= first_sick_day)
      )`);
    // At most one open case per person: the last line of defence against a double sick report.
    await queryRunner.query(`CREATE UNIQUE INDEX sick_case_one_open_per_person ON dossier.sick_case (person_id) WHERE status = 'OPEN'`);
    await queryRunner.query(`CREATE INDEX sick_case_person_idx ON dossier.sick_case (person_id, first_sick_day DESC)`);
    await queryRunner.query(`CREATE INDEX sick_case_list_idx ON dossier.sick_case (first_sick_day DESC, id)`);
    await queryRunner.query(`CREATE INDEX sick_case_employer_idx ON dossier.sick_case (employer_id, status, first_sick_day DESC)`);
    await queryRunner.query(`CREATE INDEX sick_case_division_idx ON dossier.sick_case (division_id, status)`);
    await queryRunner.query(`CREATE INDEX sick_case_department_idx ON dossier.sick_case (department_id, status)`);

    await queryRunner.query(`
      CREATE TABLE dossier.absence_course_point (
        id uuid PRIMARY KEY,
        sick_case_id uuid NOT NULL REFERENCES dossier.sick_case (id) ON DELETE CASCADE,
        from_date date NOT NULL,
        absence_percentage smallint NOT NULL CHECK (absence_percentage BETWEEN 0 AND 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (sick_case_id, from_date)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE dossier.absence_course_point`);
    await queryRunner.query(`DROP TABLE dossier.sick_case`);
    await queryRunner.query(`DROP TABLE dossier.employment`);
    await queryRunner.query(`DROP TABLE dossier.person`);
    await queryRunner.query(`DROP TABLE dossier.department`);
    await queryRunner.query(`DROP TABLE dossier.division`);
    await queryRunner.query(`DROP TABLE dossier.employer`);
  }
}
