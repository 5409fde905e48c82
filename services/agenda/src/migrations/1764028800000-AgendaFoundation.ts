import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgendaFoundation1764028800000 implements MigrationInterface {
  name = 'AgendaFoundation1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE agenda.agenda (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL,
        user_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE agenda.appointment (
        id uuid PRIMARY KEY,
        agenda_id uuid NOT NULL REFERENCES agenda.agenda (id),
        person_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        kind text NOT NULL,
        location text,
        video_url text,
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'CANCELLED', 'DONE')),
        activity_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appointment_ends_after_start CHECK (ends_at > starts_at)
      )`);
    await queryRunner.query(`CREATE INDEX appointment_person_starts ON agenda.appointment (person_id, starts_at)`);
    await queryRunner.query(`CREATE INDEX appointment_starts ON agenda.appointment (starts_at)`);
    await queryRunner.query(`CREATE INDEX appointment_agenda_starts ON agenda.appointment (agenda_id, starts_at)`);

    await queryRunner.query(`
      CREATE TABLE agenda.person_placement (
        person_id uuid PRIMARY KEY,
        employer_id uuid,
        division_id uuid,
        department_id uuid,
        active boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX person_placement_employer ON agenda.person_placement (employer_id)`);
    await queryRunner.query(`CREATE INDEX person_placement_division ON agenda.person_placement (division_id)`);
    await queryRunner.query(`CREATE INDEX person_placement_department ON agenda.person_placement (department_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE agenda.person_placement`);
    await queryRunner.query(`DROP TABLE agenda.appointment`);
    await queryRunner.query(`DROP TABLE agenda.agenda`);
  }
}
