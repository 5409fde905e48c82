import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Mijn Dashboard": the widgets a user chose, in their order (null: the role's default), the period
 * of "Recente dossiers", and the remembered company unit (employer → division → department).
 */
export class DashboardSettings1796688000000 implements MigrationInterface {
  name = 'DashboardSettings1796688000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE identity.user_settings
        ADD COLUMN dashboard_widgets text[],
        ADD COLUMN recent_dossiers_days integer NOT NULL DEFAULT 14 CHECK (recent_dossiers_days BETWEEN 1 AND 365),
        ADD COLUMN unit_employer_id uuid,
        ADD COLUMN unit_division_id uuid,
        ADD COLUMN unit_department_id uuid,
        ADD CONSTRAINT user_settings_unit_path CHECK (
          (unit_division_id IS NULL OR unit_employer_id IS NOT NULL) AND (unit_department_id IS NULL OR unit_division_id IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE identity.user_settings
        DROP CONSTRAINT user_settings_unit_path,
        DROP COLUMN unit_department_id, DROP COLUMN unit_division_id, DROP COLUMN unit_employer_id,
        DROP COLUMN recent_dossiers_days, DROP COLUMN dashboard_widgets`);
  }
}
