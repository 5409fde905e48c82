import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The details the Dutch DPA allows an employer to record at a sick report beyond the dates: where
 * the employee stays and how to reach them, a question for the professional, and remarks. The
 * limits repeat the API's, so no other writer can store more.
 */
export class SickReportDetails1767312000000 implements MigrationInterface {
  name = 'SickReportDetails1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE dossier.sick_case
        ADD COLUMN whereabouts text CHECK (char_length(whereabouts) <= 500),
        ADD COLUMN contact_phone text CHECK (char_length(contact_phone) <= 30),
        ADD COLUMN question_for_professional text CHECK (char_length(question_for_professional) <= 2000),
        ADD COLUMN remarks text CHECK (char_length(remarks) <= 2000)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE dossier.sick_case
        DROP COLUMN whereabouts, DROP COLUMN contact_phone, DROP COLUMN question_for_professional, DROP COLUMN remarks`);
  }
}
