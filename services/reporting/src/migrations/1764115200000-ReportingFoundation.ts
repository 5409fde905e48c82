import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportingFoundation1764115200000 implements MigrationInterface {
  name = 'ReportingFoundation1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reporting.absence_fact (
        sick_case_id uuid PRIMARY KEY,
        person_id uuid,
        employer_id uuid,
        division_id uuid,
        department_id uuid,
        first_sick_day date,
        recovered_on date,
        absence_percentage int CHECK (absence_percentage BETWEEN 0 AND 100),
        percentage_as_of timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Open absence per employer is the dashboard's question.
    await queryRunner.query(
      `CREATE INDEX absence_fact_employer_open ON reporting.absence_fact (employer_id, first_sick_day) WHERE recovered_on IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX absence_fact_employer_period ON reporting.absence_fact (employer_id, first_sick_day, recovered_on)`,
    );
    await queryRunner.query(`CREATE INDEX absence_fact_person ON reporting.absence_fact (person_id)`);

    await queryRunner.query(`
      CREATE TABLE reporting.org_unit (
        unit_id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('DIVISION', 'DEPARTMENT')),
        employer_id uuid NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS reporting.org_unit`);
    await queryRunner.query(`DROP TABLE IF EXISTS reporting.absence_fact`);
  }
}
