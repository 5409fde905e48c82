import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivitiesFoundation1764115200000 implements MigrationInterface {
  name = 'ActivitiesFoundation1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE activities.protocol (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        version int NOT NULL CHECK (version > 0),
        employer_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One version number per owner; NULLS NOT DISTINCT makes the standard protocol an owner too.
    await queryRunner.query(
      `CREATE UNIQUE INDEX protocol_owner_version_key ON activities.protocol (employer_id, version) NULLS NOT DISTINCT`,
    );

    await queryRunner.query(`
      CREATE TABLE activities.protocol_row (
        id uuid PRIMARY KEY,
        protocol_id uuid NOT NULL REFERENCES activities.protocol (id) ON DELETE CASCADE,
        position int NOT NULL,
        code text NOT NULL,
        title text NOT NULL,
        role text NOT NULL CHECK (role IN ('WG', 'BA', 'CM')),
        kind text NOT NULL CHECK (kind IN ('ACTION', 'REMINDER', 'UWV', 'SIGNAL')),
        signal_day int NOT NULL CHECK (signal_day >= 0),
        deadline_day int NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('SICK_REPORT', 'FREQUENT_3', 'FREQUENT_4')),
        CONSTRAINT protocol_row_code_key UNIQUE (protocol_id, code),
        CONSTRAINT protocol_row_deadline_after_signal CHECK (deadline_day >= signal_day)
      )`);

    await queryRunner.query(`
      CREATE TABLE activities.activity_type (
        code text PRIMARY KEY,
        category text NOT NULL CHECK (category IN ('WG_ACTION', 'WG_REMINDER', 'WG_REQUEST')),
        title text NOT NULL,
        role text NOT NULL CHECK (role IN ('WG', 'BA', 'CM')),
        kind text NOT NULL CHECK (kind IN ('ACTION', 'REMINDER', 'UWV', 'SIGNAL')),
        position int NOT NULL
      )`);

    await queryRunner.query(`
      CREATE TABLE activities.activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sick_case_id uuid,
        person_id uuid NOT NULL,
        protocol_row_id uuid REFERENCES activities.protocol_row (id),
        generation_key text,
        period_start date,
        title text NOT NULL,
        role text NOT NULL CHECK (role IN ('WG', 'BA', 'CM')),
        kind text NOT NULL CHECK (kind IN ('ACTION', 'REMINDER', 'UWV', 'SIGNAL')),
        signal_date date NOT NULL,
        deadline date NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'HANDLED', 'CANCELLED')),
        conclusion text,
        remarks text,
        handled_at timestamptz,
        closed_reason text CHECK (closed_reason IN ('RECOVERY')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT activity_generation_key_key UNIQUE (generation_key),
        CONSTRAINT activity_case_row_key UNIQUE (sick_case_id, protocol_row_id),
        CONSTRAINT activity_deadline_after_signal CHECK (deadline >= signal_date)
      )`);
    await queryRunner.query(`CREATE INDEX activity_sick_case ON activities.activity (sick_case_id)`);
    await queryRunner.query(`CREATE INDEX activity_person ON activities.activity (person_id, signal_date)`);
    await queryRunner.query(
      `CREATE INDEX activity_open_by_role ON activities.activity (role, signal_date) WHERE status = 'OPEN'`,
    );

    await queryRunner.query(`
      CREATE TABLE activities.sick_case_ref (
        sick_case_id uuid PRIMARY KEY,
        person_id uuid NOT NULL,
        employer_id uuid,
        division_id uuid,
        department_id uuid,
        first_sick_day date,
        term_start_day date,
        term_gap_days int,
        status text NOT NULL CHECK (status IN ('OPEN', 'RECOVERED')),
        recovered_on date,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX sick_case_ref_person ON activities.sick_case_ref (person_id, first_sick_day)`,
    );

    await queryRunner.query(`
      CREATE TABLE activities.person_placement (
        person_id uuid PRIMARY KEY,
        employer_id uuid,
        division_id uuid,
        department_id uuid,
        active boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The standard protocol (manual, Bijlage II): data, so a client version is rows, not code.
    await queryRunner.query(`
      INSERT INTO activities.protocol (id, name, version, employer_id)
      VALUES ('feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 'Standaard verzuimprotocol', 1, NULL)`);
    await queryRunner.query(`
      INSERT INTO activities.protocol_row (id, protocol_id, position, code, title, role, kind, signal_day, deadline_day, trigger) VALUES
        ('ab2badc6-87f7-409d-bb22-fbe57ce9168b', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 1, 'WG_INZETBAARHEIDSGESPREK', '(Inzetbaarheids)gesprek', 'WG', 'ACTION', 0, 1, 'SICK_REPORT'),
        ('41d2e157-7554-4574-a6b4-81788b558f44', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 2, 'CM_SCREENING_WEEK_1', 'Screening dossier week 1', 'CM', 'ACTION', 7, 9, 'SICK_REPORT'),
        ('cd5c1a53-4de1-4ee1-a1eb-40c59960cf5b', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 3, 'WG_REMINDER_SPREEKUUR_BA', 'Inplannen spreekuur BA', 'WG', 'REMINDER', 0, 35, 'SICK_REPORT'),
        ('523a40b1-63ab-4a0f-a7ad-cf98313b8d9d', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 4, 'WG_REMINDER_ONDERSTEUNING_CM', 'Ondersteuning CM', 'WG', 'REMINDER', 0, 35, 'SICK_REPORT'),
        ('a2c95864-f716-426c-88a5-4f594622ba42', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 5, 'BA_PROBLEEMANALYSE', 'Spreekuur probleemanalyse', 'BA', 'ACTION', 32, 42, 'SICK_REPORT'),
        ('0cf0f12e-55d5-4324-a89f-b935d37b7547', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 6, 'CM_SCREENING_PVA', 'Screening PvA week 5–6', 'CM', 'ACTION', 42, 56, 'SICK_REPORT'),
        ('bb9d18d3-ce83-43c5-87b2-85c42b7d84a4', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 7, 'WG_PLAN_VAN_AANPAK', 'Plan van aanpak', 'WG', 'UWV', 42, 56, 'SICK_REPORT'),
        ('9f25b2c5-175f-4b5c-9a74-90336a3c15cc', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 8, 'WG_REMINDER_42E_WEEKSMELDING', '42e-weeksmelding UWV', 'WG', 'REMINDER', 273, 287, 'SICK_REPORT'),
        ('d5b0a4b8-5976-42b0-8a75-591a07e524e6', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 9, 'BA_EERSTEJAARSEVALUATIE', 'Spreekuur eerstejaarsevaluatie', 'BA', 'ACTION', 330, 365, 'SICK_REPORT'),
        ('fd15f749-2c16-4679-8ffe-9ba83fda388f', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 10, 'WG_EERSTEJAARSEVALUATIE_PVA', 'Eerstejaarsevaluatie PvA', 'WG', 'UWV', 365, 379, 'SICK_REPORT'),
        ('c19c960d-0b46-4be9-a6c7-12c708d0c0b4', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 11, 'BA_ACTUEEL_OORDEEL', 'Rapportage PA actueel oordeel', 'BA', 'ACTION', 580, 610, 'SICK_REPORT'),
        ('e0ea09fd-ee07-4270-ab35-2d5c15a9db23', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 12, 'BA_MEDISCHE_INFORMATIE_WIA', 'Rapportage medische informatie WIA', 'BA', 'ACTION', 580, 610, 'SICK_REPORT'),
        ('1042565e-d0e7-4a1e-bdd1-6db121d0c6bc', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 13, 'BA_SPREEKUUR_WIA_AANVRAAG', 'Spreekuur WIA-aanvraag', 'BA', 'ACTION', 580, 610, 'SICK_REPORT'),
        ('a3301ec5-0af6-4a10-9f89-cee5456da0b6', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 14, 'WG_EINDEVALUATIE_PVA', 'Eindevaluatie PvA', 'WG', 'UWV', 580, 610, 'SICK_REPORT'),
        ('1c5f1b44-6e77-42df-a5a5-1554c12dd991', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 15, 'WG_REMINDER_CM_BIJ_PVA', 'Ondersteuning CM bij PvA', 'WG', 'REMINDER', 35, 800, 'SICK_REPORT'),
        ('b7cee045-db5f-466a-a2e4-7c037325c8c2', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 16, 'WG_FREQUENT_VERZUIM_3X', 'Frequent verzuim (3×)', 'WG', 'SIGNAL', 0, 5, 'FREQUENT_3'),
        ('881f2fb7-ccea-47e0-83ed-8360864fe466', 'feb9a479-c0f4-4c6c-9f59-1473f2e5bdde', 17, 'BA_SPREEKUUR_FREQUENT_VERZUIM_4X', 'Spreekuur frequent verzuim (4×)', 'BA', 'ACTION', 1, 7, 'FREQUENT_4')`);

    // The activity type catalogue (manual, Bijlage I).
    await queryRunner.query(`
      INSERT INTO activities.activity_type (code, category, title, role, kind, position) VALUES
        ('WG_ACTIE_INZETBAARHEIDSGESPREK', 'WG_ACTION', '(Inzetbaarheids)gesprek WN', 'WG', 'ACTION', 1),
        ('WG_ACTIE_FREQUENT_VERZUIM_2X', 'WG_ACTION', 'Signalering frequent verzuim (2×)', 'WG', 'SIGNAL', 2),
        ('WG_ACTIE_FREQUENT_VERZUIM_3X', 'WG_ACTION', 'Signalering frequent verzuim (3×)', 'WG', 'SIGNAL', 3),
        ('WG_ACTIE_IMPORTEREN_DOCUMENT', 'WG_ACTION', 'Importeren document', 'WG', 'ACTION', 4),
        ('WG_ACTIE_PLANNEN_DOSSIERACTIE', 'WG_ACTION', 'Plannen dossieractie WN', 'WG', 'ACTION', 5),
        ('WG_REMINDER_42E_WEEKMELDING', 'WG_REMINDER', '42e-weekmelding', 'WG', 'REMINDER', 6),
        ('WG_REMINDER_SPREEKUUR_BA', 'WG_REMINDER', 'Inplannen spreekuur bedrijfsarts', 'WG', 'REMINDER', 7),
        ('WG_REMINDER_ONDERSTEUNING_CM', 'WG_REMINDER', 'Ondersteuning casemanagement', 'WG', 'REMINDER', 8),
        ('WG_REMINDER_CM_BIJ_PVA', 'WG_REMINDER', 'Ondersteuning CM bij plan van aanpak', 'WG', 'REMINDER', 9),
        ('WG_REMINDER_TELEFONISCHE_INTAKE', 'WG_REMINDER', 'Telefonische intake (triage)', 'WG', 'REMINDER', 10),
        ('WG_AANVRAAG_ON_DEMAND', 'WG_REQUEST', '(Extra/spoed) activiteit – on demand', 'CM', 'ACTION', 11),
        ('WG_AANVRAAG_SMT_OVERLEG_BA', 'WG_REQUEST', 'SMT-overleg bedrijfsarts', 'BA', 'ACTION', 12),
        ('WG_AANVRAAG_SPREEKUUR_BA', 'WG_REQUEST', 'Spreekuur bedrijfsarts', 'BA', 'ACTION', 13),
        ('WG_AANVRAAG_TELEFONISCHE_INTAKE', 'WG_REQUEST', 'Telefonische intake triage', 'CM', 'ACTION', 14)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'activity',
      'activity_type',
      'protocol_row',
      'protocol',
      'sick_case_ref',
      'person_placement',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS activities.${table}`);
    }
  }
}
