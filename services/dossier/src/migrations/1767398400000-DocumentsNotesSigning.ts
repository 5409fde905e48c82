import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents (metadata; the bytes live in the document storage), signature requests, notes and the
 * employee's correction requests. The privacy rules that can be stated as data are CHECKs here, so
 * no code path can store, say, a medical document visible to the employer.
 */
export class DocumentsNotesSigning1767398400000 implements MigrationInterface {
  name = 'DocumentsNotesSigning1767398400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dossier.document (
        id uuid PRIMARY KEY,
        sick_case_id uuid NOT NULL REFERENCES dossier.sick_case (id),
        person_id uuid NOT NULL REFERENCES dossier.person (id),
        title text NOT NULL CHECK (length(btrim(title)) > 0 AND char_length(title) <= 200),
        description text CHECK (char_length(description) <= 1000),
        category text NOT NULL CHECK (category IN ('PROBLEM_ANALYSIS', 'PLAN_OF_ACTION', 'EVALUATION', 'UWV_OTHER', 'INVITATION',
          'CORRESPONDENCE', 'MEDICAL_INFO', 'OTHER', 'SIGNED')),
        source text NOT NULL CHECK (source IN ('EMPLOYEE', 'EMPLOYER', 'OCCUPATIONAL_HEALTH', 'UWV')),
        uploaded_by_user_id text,
        uploaded_by_name text,
        file_name text NOT NULL CHECK (length(btrim(file_name)) > 0 AND char_length(file_name) <= 255),
        mime_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key uuid NOT NULL UNIQUE,
        shared_with_employee boolean NOT NULL,
        visible_to_employer boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Medical information never reaches the employer, whoever uploads it.
        CHECK (NOT (category = 'MEDICAL_INFO' AND visible_to_employer))
      )`);
    await queryRunner.query(`CREATE INDEX document_sick_case_idx ON dossier.document (sick_case_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX document_person_idx ON dossier.document (person_id)`);

    await queryRunner.query(`
      CREATE TABLE dossier.signature_request (
        id uuid PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES dossier.document (id),
        status text NOT NULL CHECK (status IN ('PENDING', 'SIGNED', 'DECLINED')),
        requested_at timestamptz NOT NULL DEFAULT now(),
        requested_by_user_id text,
        requested_by_name text,
        signed_at timestamptz,
        declined_at timestamptz,
        decline_reason text CHECK (char_length(decline_reason) <= 1000),
        signed_document_id uuid REFERENCES dossier.document (id),
        original_sha256 text NOT NULL CHECK (original_sha256 ~ '^[0-9a-f]{64}$'),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'SIGNED') = (signed_at IS NOT NULL AND signed_document_id IS NOT NULL)),
        CHECK ((status = 'DECLINED') = (declined_at IS NOT NULL AND decline_reason IS NOT NULL))
      )`);
    // One live request per document: a declined one may be followed by a new request.
    await queryRunner.query(
      `CREATE UNIQUE INDEX signature_request_one_live_per_document ON dossier.signature_request (document_id) WHERE status <> 'DECLINED'`,
    );
    await queryRunner.query(`CREATE INDEX signature_request_document_idx ON dossier.signature_request (document_id, requested_at DESC)`);
    await queryRunner.query(`CREATE INDEX signature_request_pending_idx ON dossier.signature_request (status) WHERE status = 'PENDING'`);

    await queryRunner.query(`
      CREATE TABLE dossier.note (
        id uuid PRIMARY KEY,
        sick_case_id uuid NOT NULL REFERENCES dossier.sick_case (id),
        person_id uuid NOT NULL REFERENCES dossier.person (id),
        author_user_id text,
        author_name text NOT NULL CHECK (length(btrim(author_name)) > 0),
        author_role text NOT NULL,
        text text NOT NULL CHECK (length(btrim(text)) > 0 AND char_length(text) <= 5000),
        medical boolean NOT NULL DEFAULT false,
        shared_with_employee boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Only the bedrijfsarts writes medical notes.
        CHECK (NOT medical OR author_role = 'OCCUPATIONAL_PHYSICIAN')
      )`);
    await queryRunner.query(`CREATE INDEX note_sick_case_idx ON dossier.note (sick_case_id, created_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE dossier.correction_request (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES dossier.person (id),
        field text NOT NULL CHECK (field IN ('FIRST_NAME', 'LAST_NAME', 'INITIALS', 'DATE_OF_BIRTH', 'ADDRESS', 'PERSONNEL_NUMBER',
          'EMPLOYMENT', 'OTHER')),
        current_value text,
        proposed_value text NOT NULL CHECK (length(btrim(proposed_value)) > 0 AND char_length(proposed_value) <= 500),
        explanation text CHECK (char_length(explanation) <= 2000),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED', 'REJECTED')),
        requested_by_user_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX correction_request_person_idx ON dossier.correction_request (person_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX correction_request_status_idx ON dossier.correction_request (status, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE dossier.correction_request`);
    await queryRunner.query(`DROP TABLE dossier.note`);
    await queryRunner.query(`DROP TABLE dossier.signature_request`);
    await queryRunner.query(`DROP TABLE dossier.document`);
  }
}
