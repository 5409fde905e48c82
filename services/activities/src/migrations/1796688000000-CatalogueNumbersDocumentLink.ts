import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue as the manual's drop-down shows it ("14. WG – Importeren document"): numbered,
 * one consistent name per type (the protocol's own wording, "Aanvraag" before every request, so the
 * reminder and the request for a telephone intake no longer read the same), a request for casemanager
 * support, and activities that record an imported document.
 */
export class CatalogueNumbersDocumentLink1796688000000 implements MigrationInterface {
  name = 'CatalogueNumbersDocumentLink1796688000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE activities.activity_type ADD COLUMN links_document boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      INSERT INTO activities.activity_type (code, category, title, role, kind, position)
      VALUES ('WG_AANVRAAG_ONDERSTEUNING_CM', 'WG_REQUEST', 'Aanvraag ondersteuning CM', 'CM', 'ACTION', 15)`);
    const catalogue: [code: string, title: string, position: number][] = [
      ['WG_ACTIE_INZETBAARHEIDSGESPREK', '(Inzetbaarheids)gesprek WN', 1],
      ['WG_ACTIE_FREQUENT_VERZUIM_2X', 'Signalering frequent verzuim (2×)', 2],
      ['WG_ACTIE_FREQUENT_VERZUIM_3X', 'Signalering frequent verzuim (3×)', 3],
      ['WG_ACTIE_PLANNEN_DOSSIERACTIE', 'Plannen dossieractie WN', 4],
      ['WG_REMINDER_42E_WEEKMELDING', '42e-weeksmelding UWV', 5],
      ['WG_REMINDER_SPREEKUUR_BA', 'Inplannen spreekuur BA', 6],
      ['WG_REMINDER_ONDERSTEUNING_CM', 'Ondersteuning CM', 7],
      ['WG_REMINDER_CM_BIJ_PVA', 'Ondersteuning CM bij PvA', 8],
      ['WG_REMINDER_TELEFONISCHE_INTAKE', 'Telefonische intake (triage)', 9],
      ['WG_AANVRAAG_ON_DEMAND', 'Aanvraag (extra/spoed) activiteit – on demand', 10],
      ['WG_AANVRAAG_SMT_OVERLEG_BA', 'Aanvraag SMT-overleg BA', 11],
      ['WG_AANVRAAG_SPREEKUUR_BA', 'Aanvraag spreekuur BA', 12],
      ['WG_AANVRAAG_TELEFONISCHE_INTAKE', 'Aanvraag telefonische intake (triage)', 13],
      ['WG_ACTIE_IMPORTEREN_DOCUMENT', 'Importeren document', 14],
      ['WG_AANVRAAG_ONDERSTEUNING_CM', 'Aanvraag ondersteuning CM', 15],
    ];
    for (const [code, title, position] of catalogue) {
      await queryRunner.query(`UPDATE activities.activity_type SET title = $2, position = $3 WHERE code = $1`, [code, title, position]);
      // Activities created from the type carry its title; open ones read the same as the catalogue from now on.
      await queryRunner.query(`UPDATE activities.activity SET title = $2 WHERE activity_type_code = $1 AND status = 'OPEN'`, [code, title]);
    }
    await queryRunner.query(`UPDATE activities.activity_type SET links_document = true WHERE code = 'WG_ACTIE_IMPORTEREN_DOCUMENT'`);
    await queryRunner.query(`CREATE UNIQUE INDEX activity_type_position ON activities.activity_type (position)`);

    // The dossier document an "Importeren document" activity records (dossier owns the document).
    await queryRunner.query(`ALTER TABLE activities.activity ADD COLUMN document_id uuid`);
    await queryRunner.query(`CREATE INDEX activity_person_status_deadline ON activities.activity (person_id, status, deadline)`);

    // Imported history (the demo data, a previous system) closed steps the trajectory never reached
    // when the employee recovered first, e.g. a probleemanalyse on a two-day absence: the recovery
    // cancels those, as it does for open ones.
    await queryRunner.query(`
      UPDATE activities.activity a
         SET status = 'CANCELLED', closed_reason = 'RECOVERY', conclusion = NULL, updated_at = now()
        FROM activities.sick_case_ref r
       WHERE r.sick_case_id = a.sick_case_id AND r.recovered_on IS NOT NULL
         AND a.closed_reason = 'IMPORTED'
         AND (a.signal_date > r.recovered_on OR (a.kind = 'REMINDER' AND a.deadline > r.recovered_on))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX activities.activity_person_status_deadline`);
    await queryRunner.query(`ALTER TABLE activities.activity DROP COLUMN document_id`);
    await queryRunner.query(`DROP INDEX activities.activity_type_position`);
    await queryRunner.query(`DELETE FROM activities.activity_type WHERE code = 'WG_AANVRAAG_ONDERSTEUNING_CM'`);
    await queryRunner.query(`ALTER TABLE activities.activity_type DROP COLUMN links_document`);
  }
}
