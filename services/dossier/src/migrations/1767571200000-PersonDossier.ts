import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person dossier of the employer portal (issue 11):
 * - person: BSN, partner's surname ("zoeken in persoon en partner") and a generated sort key, the
 *   surname without its tussenvoegsel, so "de Vries" files under V in every list;
 * - employer: whether a new employee gets an invitation for the employee portal;
 * - employment: contact person and the text tabs of the Dienstverband folder;
 * - hr_note: the P&O dossier, never medical;
 * - document: the activity a document was imported for, and the template of a generated report.
 */
export class PersonDossier1767571200000 implements MigrationInterface {
  name = 'PersonDossier1767571200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Dutch tussenvoegsels (one or more, e.g. "van der", "in 't") at the start of the surname.
    const prefixes = `^((van|von|de|der|den|het|''t|ter|ten|te|in|op|aan|bij|uit|voor|d''|la|le|du|da|dos|del|della|di|l''|vd)\\s+)+`;
    await queryRunner.query(`
      ALTER TABLE dossier.person
        ADD COLUMN bsn text CHECK (bsn ~ '^[0-9]{9}$'),
        ADD COLUMN partner_last_name text CHECK (char_length(partner_last_name) <= 200),
        ADD COLUMN sort_name text GENERATED ALWAYS AS (
          lower(regexp_replace(btrim(last_name), '${prefixes}', '', 'i')) || ' ' || lower(first_name)
        ) STORED`);
    await queryRunner.query(`CREATE UNIQUE INDEX person_bsn_idx ON dossier.person (bsn) WHERE bsn IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX person_sort_name_idx ON dossier.person (sort_name, id)`);
    await queryRunner.query(`CREATE INDEX person_last_name_trgm_idx ON dossier.person USING gin (last_name gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX person_partner_last_name_trgm_idx ON dossier.person USING gin (partner_last_name gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX person_identity_idx ON dossier.person (lower(last_name), date_of_birth)`);

    await queryRunner.query(`ALTER TABLE dossier.employer ADD COLUMN invite_employees_on_creation boolean NOT NULL DEFAULT false`);

    await queryRunner.query(`
      ALTER TABLE dossier.employment
        ADD COLUMN contact_person text CHECK (char_length(contact_person) <= 200),
        ADD COLUMN functioning text CHECK (char_length(functioning) <= 10000),
        ADD COLUMN job_content text CHECK (char_length(job_content) <= 10000),
        ADD COLUMN tasks text CHECK (char_length(tasks) <= 10000),
        ADD COLUMN remarks text CHECK (char_length(remarks) <= 10000),
        ADD COLUMN other text CHECK (char_length(other) <= 10000)`);

    await queryRunner.query(`
      CREATE TABLE dossier.hr_note (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES dossier.person (id),
        employer_id uuid NOT NULL REFERENCES dossier.employer (id),
        division_id uuid,
        department_id uuid,
        folder text NOT NULL CHECK (folder IN ('EMPLOYEE_EMPLOYER_MEETING', 'ABSENCE_MEETING', 'MANAGEMENT_MEETING', 'BACKGROUND')),
        title text NOT NULL CHECK (length(btrim(title)) > 0 AND char_length(title) <= 200),
        text text NOT NULL CHECK (length(btrim(text)) > 0 AND char_length(text) <= 10000),
        author_user_id text,
        author_name text NOT NULL,
        updated_by_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX hr_note_person_idx ON dossier.hr_note (person_id, created_at)`);

    await queryRunner.query(`
      ALTER TABLE dossier.document
        ADD COLUMN activity_id uuid,
        ADD COLUMN template text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE dossier.document DROP COLUMN template, DROP COLUMN activity_id`);
    await queryRunner.query(`DROP TABLE dossier.hr_note`);
    await queryRunner.query(`
      ALTER TABLE dossier.employment
        DROP COLUMN other, DROP COLUMN remarks, DROP COLUMN tasks, DROP COLUMN job_content, DROP COLUMN functioning, DROP COLUMN contact_person`);
    await queryRunner.query(`ALTER TABLE dossier.employer DROP COLUMN invite_employees_on_creation`);
    await queryRunner.query(`DROP INDEX dossier.person_identity_idx`);
    await queryRunner.query(`DROP INDEX dossier.person_partner_last_name_trgm_idx`);
    await queryRunner.query(`DROP INDEX dossier.person_last_name_trgm_idx`);
    await queryRunner.query(`DROP INDEX dossier.person_sort_name_idx`);
    await queryRunner.query(`DROP INDEX dossier.person_bsn_idx`);
    await queryRunner.query(`ALTER TABLE dossier.person DROP COLUMN sort_name, DROP COLUMN partner_last_name, DROP COLUMN bsn`);
  }
}
