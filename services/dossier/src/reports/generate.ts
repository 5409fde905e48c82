import { randomUUID } from 'node:crypto';
import type { ServiceDeps, SubgraphContext } from '@poortwachter/kit';
import { canSeeEmployment, coversSickCase, visiblePersonIds } from '../access.js';
import { DossierDocuments } from '../documents/commands.js';
import { sha256Hex } from '../documents/signing.js';
import type { DocumentEntity, HrNoteEntity, SickCaseEntity } from '../entities/index.js';
import { placingEmployment } from '../events/payloads.js';
import { dossierLoaders } from '../loaders.js';
import { todayInBusinessZone } from '../domain/clock.js';
import { DossierErrorCode, dossierError, isUuid, personNotFound, sickCaseNotFound } from '../domain/rules.js';
import { HR_NOTE_ROLES } from '../persons/field-access.js';
import { HrNotes } from '../persons/hr-notes.js';
import type { DocumentStorage } from '../storage/index.js';
import { TEMPLATES, buildReport, renderDocx, renderPdf, type TemplateCode } from './templates.js';

export interface GenerateReportCommand {
  personId: string;
  template: TemplateCode;
  sickCaseId?: string | null;
  hrNoteIds?: string[] | null;
  formats?: ('DOCX' | 'PDF')[] | null;
  title?: string | null;
}

const DEFAULT_FOLDERS = new Set(['ABSENCE_MEETING', 'EMPLOYEE_EMPLOYER_MEETING']);
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Generates a report from a template into the dossier of a sick case: the Word file for editing
 * and the PDF, both stored as documents the employer sees (never shared with the employee until
 * someone offers it), marked with the template they came from.
 */
export class ReportGenerator {
  private readonly documents: DossierDocuments;
  private readonly hrNotes: HrNotes;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly storage: DocumentStorage,
  ) {
    this.documents = new DossierDocuments(deps, storage);
    this.hrNotes = new HrNotes(deps);
  }

  async generate(ctx: SubgraphContext, command: GenerateReportCommand): Promise<DocumentEntity[]> {
    ctx.actor.requireRole(...HR_NOTE_ROLES);
    if (!(command.template in TEMPLATES)) {
      throw dossierError(DossierErrorCode.REPORT_TEMPLATE_UNKNOWN, 'Unknown report template.', { field: 'template' });
    }
    const { personId } = command;
    if (!isUuid(personId) || !(await visiblePersonIds(ctx, this.deps.dataSource, [personId])).has(personId)) {
      ctx.accessLog.denied('person', isUuid(personId) ? personId : null);
      throw personNotFound(personId);
    }
    const loaders = dossierLoaders(ctx, this.deps.dataSource);
    const person = (await loaders.person.load(personId))!;
    const sickCase = await this.sickCaseFor(ctx, personId, command.sickCaseId ?? null);
    const notes = await this.notesFor(ctx, personId, command.hrNoteIds ?? null);
    const employments = (await loaders.employmentsByPerson.load(personId)).filter((employment) => canSeeEmployment(ctx.actor, employment));
    const employment = employments.find((candidate) => candidate.id === sickCase.employmentId) ?? placingEmployment(employments, todayInBusinessZone());
    const [employer, division, department] = await Promise.all([
      employment ? loaders.employer.load(employment.employerId) : null,
      employment?.divisionId ? loaders.division.load(employment.divisionId) : null,
      employment?.departmentId ? loaders.department.load(employment.departmentId) : null,
    ]);
    const course = await loaders.courseBySickCase.load(sickCase.id);
    const today = todayInBusinessZone();
    const author = await this.documents.actorName(ctx);
    const content = buildReport(command.template, {
      person: { name: `${person.firstName} ${person.lastName}`, dateOfBirth: person.dateOfBirth, personnelNumber: person.personnelNumber },
      employment: employment
        ? {
            employer: employer?.name ?? '—',
            division: division?.name ?? null,
            department: department?.name ?? null,
            jobTitle: employment.jobTitle,
            hoursPerWeek: employment.hoursPerWeek,
            startDate: employment.startDate,
          }
        : null,
      sickCase: {
        firstSickDay: sickCase.firstSickDay,
        absencePercentage: course[course.length - 1]?.absencePercentage ?? sickCase.absencePercentage,
        expectedRecoveryDate: sickCase.expectedRecoveryDate,
      },
      notes,
      author,
      date: today,
    });
    const title = command.title?.trim().slice(0, 200) || `${TEMPLATES[command.template].name} ${today}`;
    const formats = command.formats && command.formats.length > 0 ? [...new Set(command.formats)] : (['DOCX', 'PDF'] as const);
    const stored: DocumentEntity[] = [];
    for (const format of formats) {
      const bytes = format === 'DOCX' ? await renderDocx(content) : await renderPdf(content);
      const storageKey = randomUUID();
      const mimeType = format === 'DOCX' ? DOCX_MIME : 'application/pdf';
      await this.storage.put(storageKey, bytes, { contentType: mimeType, sizeBytes: bytes.length });
      stored.push(
        await this.documents.insertDocument(ctx, {
          sickCase,
          title,
          description: `Gegenereerd uit de sjabloon "${TEMPLATES[command.template].name}".`,
          category: 'CORRESPONDENCE',
          fileName: `${title.replace(/[^\p{L}\p{N} _.-]/gu, '_')}.${format === 'DOCX' ? 'docx' : 'pdf'}`,
          mimeType,
          sizeBytes: bytes.length,
          sha256: sha256Hex(bytes),
          storageKey,
          sharedWithEmployee: false,
          visibleToEmployer: true,
          template: command.template,
        }),
      );
    }
    return stored;
  }

  private async sickCaseFor(ctx: SubgraphContext, personId: string, sickCaseId: string | null): Promise<SickCaseEntity> {
    if (sickCaseId) {
      const sickCase = await this.documents.reachableSickCase(ctx, sickCaseId);
      if (sickCase.personId !== personId) throw sickCaseNotFound(sickCaseId);
      return sickCase;
    }
    const cases = (await dossierLoaders(ctx, this.deps.dataSource).sickCasesByPerson.load(personId)).filter((sickCase) => coversSickCase(ctx.actor, sickCase));
    if (!cases[0]) {
      throw dossierError(DossierErrorCode.NO_SICK_CASE, 'This person has no sick case in your scope to add the report to.', { field: 'sickCaseId' });
    }
    return cases[0];
  }

  private async notesFor(ctx: SubgraphContext, personId: string, ids: string[] | null): Promise<HrNoteEntity[]> {
    if (ids) return this.hrNotes.byIds(ctx, personId, ids);
    const notes = await this.hrNotes.notesOf(ctx, personId, null);
    return notes.filter((note) => DEFAULT_FOLDERS.has(note.folder)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }
}
