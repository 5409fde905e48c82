import type { ServiceDeps, SubgraphContext } from '@poortwachter/kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { canSeeEmployment, coversSickCase } from '../access.js';
import {
  DocumentEntity,
  EmployerEntity,
  EmploymentEntity,
  HrNoteEntity,
  PersonEntity,
  type HrNoteFolder as HrNoteFolderValue,
} from '../entities/index.js';
import { audienceOf, audienceSeesDocument, PROFESSIONAL_WRITERS } from '../documents/access.js';
import { DossierDocuments } from '../documents/commands.js';
import { documentLoaders } from '../documents/loaders.js';
import { DossierDocument } from '../graphql/documents.js';
import {
  AddEmploymentInput,
  AddHrNoteInput,
  CopyEmploymentInput,
  CreateEmployeeResult,
  EmploymentTexts,
  EndEmploymentInput,
  GenerateReportInput,
  HrNote,
  HrNoteFolder,
  NewEmployeeCheck,
  NewEmployeeInput,
  PartnerEmploymentInput,
  PartnerEmploymentResult,
  PartnerEndEmploymentInput,
  PartnerPersonInput,
  PartnerPersonResult,
  PersonPermissions,
  Placement,
  ReportTemplateInfo,
  UpdateEmploymentInput,
  UpdateHrNoteInput,
  UpdatePersonDetailsInput,
} from '../graphql/persons.js';
import { Employer, Employment, Person } from '../graphql/types.js';
import { dossierLoaders } from '../loaders.js';
import { placingEmployment } from '../events/payloads.js';
import { todayInBusinessZone } from '../domain/clock.js';
import { ApiScope } from '../domain/rules.js';
import { PersonCommands } from '../persons/commands.js';
import { HR_NOTE_ROLES, PERSON_WRITERS, isPlanner, seesPersonDetail } from '../persons/field-access.js';
import { HrNotes, mayUseHrNotes } from '../persons/hr-notes.js';
import { sortedDisplayName } from '../persons/names.js';
import { PartnerCommands } from '../persons/partner.js';
import { ReportGenerator } from '../reports/generate.js';
import { TEMPLATES, type TemplateCode } from '../reports/templates.js';
import type { DocumentStorage } from '../storage/index.js';

/** The person dossier of the employer portal: Persoonsgegevens, Dienstverband, P&O dossier, documents, reports. */
@Resolver(() => Person)
export class PersonDossierResolver {
  private readonly commands: PersonCommands;
  private readonly notes: HrNotes;
  private readonly reports: ReportGenerator;

  constructor(
    private readonly deps: ServiceDeps,
    storage: DocumentStorage,
  ) {
    this.commands = new PersonCommands(deps);
    this.notes = new HrNotes(deps);
    this.reports = new ReportGenerator(deps, storage);
  }

  @FieldResolver(() => String, { description: 'The name as lists show and sort it: "Vries, J. de" (surname without tussenvoegsel, initials, tussenvoegsel).' })
  listName(@Root() person: PersonEntity): string {
    return sortedDisplayName(person);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Burgerservicenummer (9 digits). For the employee themselves, the employer’s HR, the administrator and partner clients; null for every other role.',
  })
  bsn(@Root() person: PersonEntity, @Ctx() ctx: SubgraphContext): string | null {
    return seesPersonDetail(ctx.actor, 'bsn') ? person.bsn : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The partner’s surname the person is also known by; null when none, and for the planner.' })
  partnerLastName(@Root() person: PersonEntity, @Ctx() ctx: SubgraphContext): string | null {
    return seesPersonDetail(ctx.actor, 'partnerLastName') ? person.partnerLastName : null;
  }

  @FieldResolver(() => Employment, {
    nullable: true,
    description: 'The employment the Personen list shows and sorts by: the one in your scope that runs today, else the latest started. Null for the planner.',
  })
  async listedEmployment(@Root() person: PersonEntity, @Ctx() ctx: SubgraphContext): Promise<EmploymentEntity | null> {
    if (isPlanner(ctx.actor)) return null;
    return this.listed(person, ctx);
  }

  private async listed(person: PersonEntity, ctx: SubgraphContext): Promise<EmploymentEntity | null> {
    const employments = (await dossierLoaders(ctx, this.deps.dataSource).employmentsByPerson.load(person.id)).filter((employment) =>
      canSeeEmployment(ctx.actor, employment),
    );
    return placingEmployment(employments, todayInBusinessZone());
  }

  @FieldResolver(() => Placement, {
    nullable: true,
    description: 'Werkgever, divisie and afdeling of the listed employment, names only (what the planner needs to invite). Null without an employment in your scope.',
  })
  async placement(@Root() person: PersonEntity, @Ctx() ctx: SubgraphContext) {
    const employment = await this.listed(person, ctx);
    if (!employment) return null;
    const loaders = dossierLoaders(ctx, this.deps.dataSource);
    const [employer, division, department] = await Promise.all([
      loaders.employer.load(employment.employerId),
      employment.divisionId ? loaders.division.load(employment.divisionId) : null,
      employment.departmentId ? loaders.department.load(employment.departmentId) : null,
    ]);
    return { employer, division, department };
  }

  @FieldResolver(() => PersonPermissions, { description: 'What you may do with this person (the server refuses the rest).' })
  permissions(@Ctx() ctx: SubgraphContext): PersonPermissions {
    const { actor } = ctx;
    const writer = actor.hasRole(...PERSON_WRITERS) && actor.hasApiScope(ApiScope.PERSONS_WRITE);
    return {
      editDetails: writer,
      manageEmployments: writer,
      hrNotes: actor.hasRole(...HR_NOTE_ROLES),
      generateReports: actor.hasRole(...HR_NOTE_ROLES),
      uploadDocuments: actor.hasRole('EMPLOYEE', ...PROFESSIONAL_WRITERS),
    };
  }

  @FieldResolver(() => [HrNote], { description: 'The P&O dossier, newest first. Employer HR (in scope) and the administrator; empty for every other role.' })
  async hrNotes(
    @Root() person: PersonEntity,
    @Arg('folder', () => HrNoteFolder, { nullable: true, description: 'Only this folder.' }) folder: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<HrNoteEntity[]> {
    return this.notes.notesOf(ctx, person.id, (folder ?? null) as HrNoteFolderValue | null);
  }

  @FieldResolver(() => [DossierDocument], {
    description:
      'The Documenten folder: documents of all this person’s sick cases you may see, newest first (same rules as `SickCase.documents`; empty for the planner).',
  })
  async documents(@Root() person: PersonEntity, @Ctx() ctx: SubgraphContext): Promise<DocumentEntity[]> {
    const audience = audienceOf(ctx.actor);
    if (audience === 'none') return [];
    const cases = (await dossierLoaders(ctx, this.deps.dataSource).sickCasesByPerson.load(person.id)).filter((sickCase) => coversSickCase(ctx.actor, sickCase));
    if (cases.length === 0) return [];
    const groups = await documentLoaders(ctx, this.deps.dataSource).documentsBySickCase.loadMany(cases.map((sickCase) => sickCase.id));
    const documents = groups
      .flatMap((group) => {
        if (group instanceof Error) throw group;
        return group;
      })
      .filter((document) => audienceSeesDocument(audience, document))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
    if (documents.length > 0) ctx.accessLog.read('document', [person.id]);
    return documents;
  }

  @Query(() => NewEmployeeCheck, {
    description: 'The wizard’s check before saving: every problem of the input and an existing person it matches, without storing anything.',
  })
  async checkNewEmployee(@Arg('input', () => NewEmployeeInput, { description: 'The wizard’s input so far.' }) input: NewEmployeeInput, @Ctx() ctx: SubgraphContext) {
    return this.commands.checkNewEmployee(ctx, input);
  }

  @Mutation(() => CreateEmployeeResult, {
    description:
      '"Nieuwe medewerker": creates the person with their first employment (the dossier) and, when the employer’s setting says so and an e-mail ' +
      'is given, requests an employee-portal invitation. Same BSN, or same name and date of birth, in your scope: returns that person, creates nothing. ' +
      'Codes: REQUIRED_FIELD_MISSING, INVALID_BSN, BSN_IN_USE, INVALID_POSTAL_CODE, INVALID_PHONE_NUMBER, INVALID_EMAIL, INVALID_DATE, ' +
      'DATE_OF_BIRTH_IMPLAUSIBLE, END_BEFORE_START, INVALID_HOURS, INVALID_WORK_PATTERN, EMPLOYER_NOT_FOUND, DIVISION_NOT_FOUND, DEPARTMENT_NOT_FOUND, TEXT_TOO_LONG.',
  })
  async createEmployee(@Arg('input', () => NewEmployeeInput, { description: 'The four steps of the wizard.' }) input: NewEmployeeInput, @Ctx() ctx: SubgraphContext) {
    return this.commands.createEmployee(ctx, input);
  }

  @Mutation(() => Person, {
    description: 'Persoonsgegevens: changes a person’s details (employer HR in scope, administrator, partner with persons:write). Audit-logged. Same codes as createEmployee, plus PERSON_NOT_FOUND.',
  })
  async updatePersonDetails(
    @Arg('input', () => UpdatePersonDetailsInput, { description: 'The person and the sections to replace.' }) input: UpdatePersonDetailsInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PersonEntity> {
    return this.commands.updatePersonDetails(ctx, input);
  }

  @Mutation(() => Employment, { description: 'Adds an employment to a person. Codes: PERSON_NOT_FOUND and those of EmploymentInput.' })
  async addEmployment(@Arg('input', () => AddEmploymentInput, { description: 'The person and the employment.' }) input: AddEmploymentInput, @Ctx() ctx: SubgraphContext) {
    return this.commands.addEmployment(ctx, input.personId, input.employment);
  }

  @Mutation(() => Employment, {
    description: 'Changes an employment. Codes: EMPLOYMENT_NOT_FOUND, EMPLOYMENT_IN_USE (a sick case would fall outside it) and those of EmploymentInput.',
  })
  async updateEmployment(@Arg('input', () => UpdateEmploymentInput, { description: 'The employment and its new data.' }) input: UpdateEmploymentInput, @Ctx() ctx: SubgraphContext) {
    return this.commands.updateEmployment(ctx, input.employmentId, input.employment);
  }

  @Mutation(() => Employment, { description: '"Kopiëren": a new employment with the same data from a date. Codes: EMPLOYMENT_NOT_FOUND, END_BEFORE_START, EMPLOYMENT_IN_USE.' })
  async copyEmployment(@Arg('input', () => CopyEmploymentInput, { description: 'What to copy and from when.' }) input: CopyEmploymentInput, @Ctx() ctx: SubgraphContext) {
    return this.commands.copyEmployment(ctx, input);
  }

  @Mutation(() => Employment, { description: '"Beëindigen": ends an employment. Codes: EMPLOYMENT_NOT_FOUND, END_BEFORE_START, EMPLOYMENT_IN_USE.' })
  async endEmployment(@Arg('input', () => EndEmploymentInput, { description: 'The employment and its last day.' }) input: EndEmploymentInput, @Ctx() ctx: SubgraphContext) {
    return this.commands.endEmployment(ctx, input.employmentId, input.endDate);
  }

  @Mutation(() => ID, {
    description: 'Deletes an employment entered by mistake; returns its id. Codes: EMPLOYMENT_NOT_FOUND, EMPLOYMENT_IN_USE (a sick case refers to it), LAST_EMPLOYMENT.',
  })
  async deleteEmployment(@Arg('employmentId', () => ID, { description: 'The employment.' }) employmentId: string, @Ctx() ctx: SubgraphContext) {
    return this.commands.deleteEmployment(ctx, employmentId);
  }

  @Mutation(() => Employer, {
    description: 'Administrator, or employer HR for their whole employer: whether new employees get an employee-portal invitation. Code: EMPLOYER_NOT_FOUND.',
  })
  async setEmployerInvitationSetting(
    @Arg('employerId', () => ID, { description: 'The employer.' }) employerId: string,
    @Arg('inviteEmployeesOnCreation', () => Boolean, { description: 'true: invite every new employee with an e-mail address.' }) enabled: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EmployerEntity> {
    return this.commands.setEmployerInvitationSetting(ctx, employerId, enabled);
  }

  @Mutation(() => HrNote, { description: 'Adds a note to the P&O dossier (employer HR in scope, administrator). Never medical information.' })
  async addHrNote(@Arg('input', () => AddHrNoteInput, { description: 'The note.' }) input: AddHrNoteInput, @Ctx() ctx: SubgraphContext) {
    return this.notes.add(ctx, { ...input, folder: input.folder as HrNoteFolderValue });
  }

  @Mutation(() => HrNote, { description: 'Changes a P&O note. Never medical information.' })
  async updateHrNote(@Arg('input', () => UpdateHrNoteInput, { description: 'The note and its new text.' }) input: UpdateHrNoteInput, @Ctx() ctx: SubgraphContext) {
    return this.notes.update(ctx, { ...input, folder: (input.folder ?? null) as HrNoteFolderValue | null });
  }

  @Query(() => [ReportTemplateInfo], { description: 'The report templates of "Toevoegen van een rapportage" (employer HR and administrator; empty otherwise).' })
  reportTemplates(@Ctx() ctx: SubgraphContext): ReportTemplateInfo[] {
    ctx.actor.require();
    if (!mayUseHrNotes(ctx.actor)) return [];
    return (Object.keys(TEMPLATES) as TemplateCode[]).map((template) => ({ template, ...TEMPLATES[template] }));
  }

  @Mutation(() => [DossierDocument], {
    description:
      '"Toevoegen van een rapportage": fills a template with the person’s data and P&O notes and stores it in the sick case’s dossier as an editable ' +
      'Word file and/or a PDF (visible to the employer, not shared with the employee). Employer HR in scope and administrator.',
  })
  async generateReport(@Arg('input', () => GenerateReportInput, { description: 'Template, person and notes.' }) input: GenerateReportInput, @Ctx() ctx: SubgraphContext) {
    return this.reports.generate(ctx, {
      ...input,
      template: input.template as TemplateCode,
      formats: (input.formats ?? null) as ('DOCX' | 'PDF')[] | null,
    });
  }
}

@Resolver(() => Employment)
export class EmploymentDossierResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @FieldResolver(() => EmploymentTexts, { nullable: true, description: 'The text tabs (Functioneren, Functie inhoud, Taken, Opmerkingen, Overig); employer HR and administrator only.' })
  texts(@Root() employment: EmploymentEntity, @Ctx() ctx: SubgraphContext): EmploymentTexts | null {
    if (!ctx.actor.hasRole(...HR_NOTE_ROLES)) return null;
    const { functioning, jobContent, tasks, remarks, other } = employment;
    return { functioning, jobContent, tasks, remarks, other };
  }

  @FieldResolver(() => Boolean, { description: 'Whether the employment runs today.' })
  active(@Root() employment: EmploymentEntity): boolean {
    const today = todayInBusinessZone();
    return employment.startDate <= today && (employment.endDate === null || employment.endDate >= today);
  }

  @FieldResolver(() => Person, { description: 'The employee.' })
  async person(@Root() employment: EmploymentEntity, @Ctx() ctx: SubgraphContext): Promise<PersonEntity> {
    return (await dossierLoaders(ctx, this.deps.dataSource).person.load(employment.personId))!;
  }
}

@Resolver(() => Employer)
export class EmployerSettingsResolver {
  @FieldResolver(() => Boolean, { nullable: true })
  inviteEmployeesOnCreation(@Root() employer: EmployerEntity, @Ctx() ctx: SubgraphContext): boolean | null {
    return ctx.actor.hasRole('EMPLOYER', 'ADMIN') ? employer.inviteEmployeesOnCreation : null;
  }
}

@Resolver(() => DossierDocument)
export class DocumentActivityResolver {
  private readonly documents: DossierDocuments;

  constructor(deps: ServiceDeps, storage: DocumentStorage) {
    this.documents = new DossierDocuments(deps, storage);
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: 'The activity (activities subgraph, e.g. "14. WG – Importeren document") this document was imported for; null when none.',
  })
  activityId(@Root() document: DocumentEntity): string | null {
    return document.activityId;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The report template (ReportTemplate) this document was generated from; null for uploads.' })
  template(@Root() document: DocumentEntity): string | null {
    return document.template;
  }

  @Mutation(() => DossierDocument, {
    description:
      'Links a document to the activity it was imported for (or unlinks it with null). Upload first (POST /files/sick-cases/:id/documents, ' +
      'which also takes an `activityId` field), create the activity in activities, then link. Codes: DOCUMENT_NOT_FOUND, ACTIVITY_ID_INVALID.',
  })
  async linkDocumentToActivity(
    @Arg('documentId', () => ID, { description: 'The document.' }) documentId: string,
    @Arg('activityId', () => ID, { nullable: true, description: 'The activity’s id, or null to remove the link.' }) activityId: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DocumentEntity> {
    return this.documents.linkDocumentToActivity(ctx, documentId, activityId ?? null);
  }
}

/** The partner API of an HR coupling (scope persons:write), idempotent on the partner's employee number. */
@Resolver(() => PartnerPersonResult)
export class PartnerResolver {
  private readonly partner: PartnerCommands;

  constructor(deps: ServiceDeps) {
    this.partner = new PartnerCommands(deps);
  }

  @Mutation(() => PartnerPersonResult, {
    description:
      'Partner (scope persons:write): creates or updates the person with your employee number at your employer. Repeating a call with the same data ' +
      'changes nothing and answers UNCHANGED. Same validation and codes as createEmployee, plus EMPLOYEE_NUMBER_REQUIRED, PARTNER_EMPLOYER_AMBIGUOUS. ' +
      'Example: mutation { partnerUpsertPerson(input: { employeeNumber: "10023", person: { firstName: "Anna", lastName: "de Vries", dateOfBirth: "1988-04-12" }, ' +
      'employment: { startDate: "2024-01-01", hoursPerWeek: 32 } }) { outcome changedFields person { id } } }',
  })
  async partnerUpsertPerson(@Arg('input', () => PartnerPersonInput, { description: 'The person, keyed by your employee number.' }) input: PartnerPersonInput, @Ctx() ctx: SubgraphContext) {
    return this.partner.upsertPerson(ctx, input);
  }

  @Mutation(() => PartnerEmploymentResult, {
    description:
      'Partner (persons:write): starts an employment, or updates the one with the same start date (UNCHANGED when identical). Codes: PERSON_NOT_FOUND and those of EmploymentInput.',
  })
  async partnerStartEmployment(@Arg('input', () => PartnerEmploymentInput, { description: 'The person’s employee number and the employment.' }) input: PartnerEmploymentInput, @Ctx() ctx: SubgraphContext) {
    return this.partner.startEmployment(ctx, input);
  }

  @Mutation(() => PartnerEmploymentResult, {
    description:
      'Partner (persons:write): changes the employment identified by its start date (EMPLOYMENT_NOT_FOUND when none starts then); UNCHANGED when identical.',
  })
  async partnerChangeEmployment(@Arg('input', () => PartnerEmploymentInput, { description: 'The person’s employee number and the employment’s new data.' }) input: PartnerEmploymentInput, @Ctx() ctx: SubgraphContext) {
    return this.partner.changeEmployment(ctx, input);
  }

  @Mutation(() => PartnerEmploymentResult, { description: 'Partner (persons:write): ends an employment; UNCHANGED when it already ends on that day. Codes: PERSON_NOT_FOUND, EMPLOYMENT_NOT_FOUND, END_BEFORE_START.' })
  async partnerEndEmployment(@Arg('input', () => PartnerEndEmploymentInput, { description: 'The employment and its last day.' }) input: PartnerEndEmploymentInput, @Ctx() ctx: SubgraphContext) {
    return this.partner.endEmployment(ctx, input);
  }
}
