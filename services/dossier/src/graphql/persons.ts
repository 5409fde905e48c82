import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Department, Division, Employer, Employment, Gender, PageInput, Person, PersonFilter } from './types.js';

/*
 * GraphQL types of the person dossier (issue 11): the persons list's sort, the new-employee wizard,
 * Persoonsgegevens, employments with their text tabs and work pattern, the P&O dossier, generated
 * reports and the partner API of the HR coupling.
 *
 * Input errors: every command checks all fields first and refuses with the code of the first
 * problem; `extensions.field` is its dotted path in the input ("employment.startDate"),
 * `extensions.argumentPath` the full path (["input", "employment", "startDate"]) and
 * `extensions.problems` lists every problem found ({ code, field, argumentPath, message }), so a
 * form marks all wrong fields at once. Nothing is stored when any problem is found.
 */

export const SortDirection = { ASC: 'ASC', DESC: 'DESC' } as const;
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort order of a list column.',
  valuesConfig: { ASC: { description: 'A to Z, oldest first, smallest first.' }, DESC: { description: 'Z to A, newest first, largest first.' } },
});

export const PersonSortField = {
  NAME: 'NAME',
  PERSONNEL_NUMBER: 'PERSONNEL_NUMBER',
  EMPLOYER: 'EMPLOYER',
  DIVISION: 'DIVISION',
  DEPARTMENT: 'DEPARTMENT',
  CONTACT_PERSON: 'CONTACT_PERSON',
  JOB_TITLE: 'JOB_TITLE',
  START_DATE: 'START_DATE',
  END_DATE: 'END_DATE',
} as const;
registerEnumType(PersonSortField, {
  name: 'PersonSortField',
  description:
    'A column of the Personen list. Employment columns sort by `Person.listedEmployment` (the running employment in your scope, else the latest). ' +
    'Ties are broken by name.',
  valuesConfig: {
    NAME: { description: 'Surname without tussenvoegsel, then first name: "Vries, J. de" files under V.' },
    PERSONNEL_NUMBER: { description: 'The personnel number.' },
    EMPLOYER: { description: 'Werkgever.' },
    DIVISION: { description: 'Divisie.' },
    DEPARTMENT: { description: 'Afdeling.' },
    CONTACT_PERSON: { description: 'Contactpersoon.' },
    JOB_TITLE: { description: 'Functie.' },
    START_DATE: { description: 'In dienst (first day of the employment).' },
    END_DATE: { description: 'Uit dienst (last day; open-ended employments last in ascending order).' },
  },
});

@InputType('PersonSort', { description: 'How to sort the persons list; by name (Dutch style) when omitted.' })
export class PersonSort {
  @Field(() => PersonSortField, { description: 'The column.' })
  field: string;

  @Field(() => SortDirection, { nullable: true, defaultValue: 'ASC', description: 'The order; ascending by default.' })
  direction?: string | null;
}

@ArgsType()
export class PersonListArgs {
  @Field(() => PersonFilter, { nullable: true, description: 'Criteria; all given ones must match.' })
  filter?: PersonFilter | null;

  @Field(() => PersonSort, { nullable: true, description: 'The sort column and order; by name when omitted.' })
  sort?: PersonSort | null;

  @Field(() => PageInput, { nullable: true, description: 'Which part of the result; 50 from the start by default.' })
  page?: PageInput | null;
}

@ObjectType('Placement', { description: 'Where a person works: the units of the employment listed for them. Names only.' })
export class Placement {
  @Field(() => Employer, { description: 'Werkgever.' })
  employer: unknown;

  @Field(() => Division, { nullable: true, description: 'Divisie; null when none is assigned.' })
  division: unknown;

  @Field(() => Department, { nullable: true, description: 'Afdeling; null when none is assigned.' })
  department: unknown;
}

@ObjectType('PersonPermissions', { description: 'What you may do with this person, so a screen shows only the buttons the server accepts.' })
export class PersonPermissions {
  @Field(() => Boolean, { description: 'Change the Persoonsgegevens (`updatePersonDetails`).' })
  editDetails: boolean;

  @Field(() => Boolean, { description: 'Add, copy, change, end and delete employments.' })
  manageEmployments: boolean;

  @Field(() => Boolean, { description: 'Read and write the P&O dossier (`hrNotes`, `addHrNote`, `updateHrNote`).' })
  hrNotes: boolean;

  @Field(() => Boolean, { description: 'Generate reports from templates (`generateReport`).' })
  generateReports: boolean;

  @Field(() => Boolean, { description: 'Upload documents to this person’s sick cases (`POST /files/sick-cases/:id/documents`).' })
  uploadDocuments: boolean;
}

// ---------- inputs shared by the wizard, Persoonsgegevens and the partner API ----------

@InputType('PersonDetailsInput', { description: 'A person’s own details (step 1 of the wizard). Codes: REQUIRED_FIELD_MISSING, TEXT_TOO_LONG, INVALID_BSN, INVALID_DATE, DATE_OF_BIRTH_IMPLAUSIBLE.' })
export class PersonDetailsInput {
  @Field(() => String, { nullable: true, description: 'Required: first name (roepnaam), at most 100 characters.' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'Initials as written, e.g. "J.P.", at most 20 characters.' })
  initials?: string | null;

  @Field(() => String, { nullable: true, description: 'Required: surname including any tussenvoegsel, e.g. "de Vries", at most 200 characters.' })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'The partner’s surname the person is also known by (searched with "zoeken in persoon en partner").' })
  partnerLastName?: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'Required: date of birth (YYYY-MM-DD); the person must be 13 to 100 years old (DATE_OF_BIRTH_IMPLAUSIBLE).' })
  dateOfBirth?: Date | null;

  @Field(() => Gender, { nullable: true, description: 'Gender, when registered.' })
  gender?: string | null;

  @Field(() => String, { nullable: true, description: 'Burgerservicenummer: 9 digits passing the eleven test (INVALID_BSN); spaces and dots are ignored. Unique: BSN_IN_USE / duplicate detection.' })
  bsn?: string | null;

  @Field(() => String, { nullable: true, description: 'The employer’s personnel number, at most 50 characters.' })
  personnelNumber?: string | null;
}

@InputType('AddressInput', { description: 'A home address (step 2). Code: INVALID_POSTAL_CODE, TEXT_TOO_LONG.' })
export class AddressInput {
  @Field(() => String, { nullable: true, description: 'Street name without the number, at most 200 characters.' })
  street?: string | null;

  @Field(() => String, { nullable: true, description: 'House number with any addition, e.g. "12A", at most 20 characters.' })
  houseNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Dutch postcode, "1234 AB" or "1234ab" (stored as "1234 AB"); INVALID_POSTAL_CODE otherwise.' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Place of residence, at most 100 characters.' })
  city?: string | null;
}

@InputType('ContactInput', { description: 'Contact details (step 2). Codes: INVALID_EMAIL, INVALID_PHONE_NUMBER.' })
export class ContactInput {
  @Field(() => String, { nullable: true, description: 'E-mail address; also where an employee-portal invitation goes.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number, Dutch ("06 12345678") or international ("+32 ..."); stored as E.164.' })
  phone?: string | null;
}

@InputType('WorkPatternInput', { description: 'Contract hours per weekday (arbeidspatroon). Code: INVALID_WORK_PATTERN.' })
export class WorkPatternInput {
  @Field(() => [[Float]], {
    description:
      'One to four weeks of 7 numbers each (Monday to Sunday, decimal hours 0–24). Several weeks form a rotating schedule; the average week ' +
      'becomes `hoursPerWeek` and so the part-time factor.',
  })
  weeks: number[][];
}

@InputType('EmploymentTextsInput', { description: 'The text tabs of the Dienstverband folder, each at most 10000 characters; null clears one.' })
export class EmploymentTextsInput {
  @Field(() => String, { nullable: true, description: 'Functioneren. Never medical information.' })
  functioning?: string | null;

  @Field(() => String, { nullable: true, description: 'Functie inhoud: what the job involves.' })
  jobContent?: string | null;

  @Field(() => String, { nullable: true, description: 'Taken: the tasks.' })
  tasks?: string | null;

  @Field(() => String, { nullable: true, description: 'Opmerkingen. Never medical information.' })
  remarks?: string | null;

  @Field(() => String, { nullable: true, description: 'Overig. Never medical information.' })
  other?: string | null;
}

@InputType('EmploymentInput', {
  description:
    'An employment (step 3 of the wizard). Codes: REQUIRED_FIELD_MISSING, EMPLOYER_NOT_FOUND, DIVISION_NOT_FOUND, DEPARTMENT_NOT_FOUND, ' +
    'INVALID_DATE, END_BEFORE_START, INVALID_HOURS, INVALID_WORK_PATTERN, TEXT_TOO_LONG.',
})
export class EmploymentInput {
  @Field(() => ID, { nullable: true, description: 'Required for users: the employer (in your scope). Partner clients may omit it: their own employer.' })
  employerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The division, of that employer (DIVISION_NOT_FOUND otherwise).' })
  divisionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The department, of that division (DEPARTMENT_NOT_FOUND otherwise); a team leader may only choose their own.' })
  departmentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Functie, at most 200 characters.' })
  jobTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Contactpersoon at the employer, at most 200 characters.' })
  contactPerson?: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'Required: first day (in dienst).' })
  startDate?: Date | null;

  @Field(() => DateResolver, { nullable: true, description: 'Last day (uit dienst), not before the first (END_BEFORE_START); null for open-ended.' })
  endDate?: Date | null;

  @Field(() => Float, { nullable: true, description: 'Contract hours per week, more than 0 and at most 80 (INVALID_HOURS). Required unless a work pattern gives them.' })
  hoursPerWeek?: number | null;

  @Field(() => Float, { nullable: true, defaultValue: 40, description: 'The employer’s full-time week, 1 to 60 hours; 40 by default.' })
  fullTimeHoursPerWeek?: number | null;

  @Field(() => WorkPatternInput, { nullable: true, description: 'Hours per weekday; when given, hoursPerWeek is its average week (a different hoursPerWeek: INVALID_HOURS).' })
  workPattern?: WorkPatternInput | null;

  @Field(() => EmploymentTextsInput, { nullable: true, description: 'The text tabs (Functioneren, Functie inhoud, Taken, Opmerkingen, Overig).' })
  texts?: EmploymentTextsInput | null;
}

@InputType('NewEmployeeInput', { description: 'The "Nieuwe medewerker" wizard in one call: person, address and contact, and the first employment.' })
export class NewEmployeeInput {
  @Field(() => PersonDetailsInput, { description: 'Step 1: the person.' })
  person: PersonDetailsInput;

  @Field(() => AddressInput, { nullable: true, description: 'Step 2: the home address.' })
  address?: AddressInput | null;

  @Field(() => ContactInput, { nullable: true, description: 'Step 2: e-mail and phone.' })
  contact?: ContactInput | null;

  @Field(() => EmploymentInput, { description: 'Step 3: the employment.' })
  employment: EmploymentInput;
}

export const DuplicateReason = { SAME_BSN: 'SAME_BSN', SAME_NAME_AND_DATE_OF_BIRTH: 'SAME_NAME_AND_DATE_OF_BIRTH' } as const;
registerEnumType(DuplicateReason, {
  name: 'DuplicateReason',
  description: 'Why an existing person was returned instead of creating a new one.',
  valuesConfig: {
    SAME_BSN: { description: 'A person with this BSN exists.' },
    SAME_NAME_AND_DATE_OF_BIRTH: { description: 'A person with the same surname, first name and date of birth exists.' },
  },
});

@ObjectType('CreateEmployeeResult', { description: 'The outcome of `createEmployee`.' })
export class CreateEmployeeResult {
  @Field(() => Person, { description: 'The new person, or the existing one when `duplicate` is set (nothing was created then).' })
  person: unknown;

  @Field(() => Boolean, { description: 'true when the person was created now; false when an existing person (in your scope) was found.' })
  created: boolean;

  @Field(() => DuplicateReason, { nullable: true, description: 'Why the existing person was returned; null when created.' })
  duplicate: string | null;

  @Field(() => Boolean, {
    description: 'Whether an invitation for the employee portal was requested (the employer’s setting `inviteEmployeesOnCreation`, and an e-mail address given).',
  })
  invitationRequested: boolean;
}

@ObjectType('InputProblemInfo', { description: 'One problem with an input, as `checkNewEmployee` reports it.' })
export class InputProblemInfo {
  @Field(() => String, { description: 'The stable error code, e.g. INVALID_BSN.' })
  code: string;

  @Field(() => String, { description: 'Dotted path inside the input, e.g. "person.bsn".' })
  field: string;

  @Field(() => String, { description: 'An English explanation for developers; screens show their own text per code.' })
  message: string;
}

@ObjectType('NewEmployeeCheck', { description: 'What `createEmployee` would say about this input, without storing anything.' })
export class NewEmployeeCheck {
  @Field(() => [InputProblemInfo], { description: 'Every problem found; empty when the input would be accepted.' })
  problems: InputProblemInfo[];

  @Field(() => Person, { nullable: true, description: 'An existing person in your scope this input would match (same BSN, or same name and date of birth).' })
  duplicate: unknown;

  @Field(() => DuplicateReason, { nullable: true, description: 'Why `duplicate` matches.' })
  duplicateReason: string | null;
}

@InputType('UpdatePersonDetailsInput', {
  description: 'Persoonsgegevens: each section you send replaces the stored values of that section (a null field clears it); omitted sections stay.',
})
export class UpdatePersonDetailsInput {
  @Field(() => ID, { description: 'The person (PERSON_NOT_FOUND when missing or outside your scope).' })
  personId: string;

  @Field(() => PersonDetailsInput, { nullable: true, description: 'The person’s own details.' })
  person?: PersonDetailsInput | null;

  @Field(() => AddressInput, { nullable: true, description: 'The home address.' })
  address?: AddressInput | null;

  @Field(() => ContactInput, { nullable: true, description: 'E-mail and phone.' })
  contact?: ContactInput | null;
}

@InputType('AddEmploymentInput', { description: 'A new employment for an existing person.' })
export class AddEmploymentInput {
  @Field(() => ID, { description: 'The person (PERSON_NOT_FOUND when missing or outside your scope).' })
  personId: string;

  @Field(() => EmploymentInput, { description: 'The employment.' })
  employment: EmploymentInput;
}

@InputType('UpdateEmploymentInput', { description: 'Replaces an employment’s data (history stays: use copyEmployment for a change from a date).' })
export class UpdateEmploymentInput {
  @Field(() => ID, { description: 'The employment (EMPLOYMENT_NOT_FOUND when missing or outside your scope).' })
  employmentId: string;

  @Field(() => EmploymentInput, { description: 'The new data; omitted `texts` keep the stored text tabs.' })
  employment: EmploymentInput;
}

@InputType('CopyEmploymentInput', { description: 'A new employment with the data of an existing one from a date, e.g. for new hours: the history is kept.' })
export class CopyEmploymentInput {
  @Field(() => ID, { description: 'The employment to copy.' })
  employmentId: string;

  @Field(() => DateResolver, { description: 'First day of the copy; after the source’s first day (END_BEFORE_START otherwise).' })
  startDate: Date;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'End the source on the day before the copy starts (default true).' })
  endSource?: boolean | null;
}

@InputType('EndEmploymentInput', { description: 'Ends an employment (uit dienst).' })
export class EndEmploymentInput {
  @Field(() => ID, { description: 'The employment.' })
  employmentId: string;

  @Field(() => DateResolver, { description: 'The last day; not before the first day (END_BEFORE_START).' })
  endDate: Date;
}

@ObjectType('EmploymentTexts', { description: 'The text tabs of an employment (Dienstverband). Employer HR and the administrator only; null for other roles.' })
export class EmploymentTexts {
  @Field(() => String, { nullable: true, description: 'Functioneren.' })
  functioning: string | null;

  @Field(() => String, { nullable: true, description: 'Functie inhoud.' })
  jobContent: string | null;

  @Field(() => String, { nullable: true, description: 'Taken.' })
  tasks: string | null;

  @Field(() => String, { nullable: true, description: 'Opmerkingen.' })
  remarks: string | null;

  @Field(() => String, { nullable: true, description: 'Overig.' })
  other: string | null;
}

// ---------- P&O dossier ----------

export const HrNoteFolder = {
  EMPLOYEE_EMPLOYER_MEETING: 'EMPLOYEE_EMPLOYER_MEETING',
  ABSENCE_MEETING: 'ABSENCE_MEETING',
  MANAGEMENT_MEETING: 'MANAGEMENT_MEETING',
  BACKGROUND: 'BACKGROUND',
} as const;
registerEnumType(HrNoteFolder, {
  name: 'HrNoteFolder',
  description: 'A folder of the P&O dossier.',
  valuesConfig: {
    EMPLOYEE_EMPLOYER_MEETING: { description: 'Overleg werknemer – werkgever.' },
    ABSENCE_MEETING: { description: 'Verzuimgesprek.' },
    MANAGEMENT_MEETING: { description: 'Directieoverleg.' },
    BACKGROUND: { description: 'Achtergrondinformatie.' },
  },
});

@ObjectType('HrNote', { description: 'A note in the employer’s P&O dossier of a person. Never medical; the employer’s HR and the administrator only.' })
export class HrNote {
  @Field(() => ID, { description: 'Stable id of the note.' })
  id: string;

  @Field(() => HrNoteFolder, { description: 'The folder.' })
  folder: string;

  @Field(() => String, { description: 'Short title, e.g. "Gesprek 12 maart".' })
  title: string;

  @Field(() => String, { description: 'The note.' })
  text: string;

  @Field(() => String, { description: 'Who wrote it.' })
  authorName: string;

  @Field(() => String, { nullable: true, description: 'Who changed it last; null when never changed.' })
  updatedByName: string | null;

  @Field(() => DateTimeResolver, { description: 'When it was written.' })
  createdAt: Date;

  @Field(() => DateTimeResolver, { description: 'When it was last changed.' })
  updatedAt: Date;
}

@InputType('AddHrNoteInput', { description: 'A new P&O note. Never enter medical information. Codes: PERSON_NOT_FOUND, REQUIRED_FIELD_MISSING, TEXT_TOO_LONG.' })
export class AddHrNoteInput {
  @Field(() => ID, { description: 'The person.' })
  personId: string;

  @Field(() => HrNoteFolder, { description: 'The folder.' })
  folder: string;

  @Field(() => String, { description: 'Title, 1 to 200 characters.' })
  title: string;

  @Field(() => String, { description: 'The note, 1 to 10000 characters. No medical information.' })
  text: string;
}

@InputType('UpdateHrNoteInput', { description: 'Changes a P&O note. Codes: HR_NOTE_NOT_FOUND, REQUIRED_FIELD_MISSING, TEXT_TOO_LONG.' })
export class UpdateHrNoteInput {
  @Field(() => ID, { description: 'The note.' })
  hrNoteId: string;

  @Field(() => HrNoteFolder, { nullable: true, description: 'Move it to this folder; omitted keeps the folder.' })
  folder?: string | null;

  @Field(() => String, { description: 'Title, 1 to 200 characters.' })
  title: string;

  @Field(() => String, { description: 'The note, 1 to 10000 characters. No medical information.' })
  text: string;
}

// ---------- reports ----------

export const ReportTemplate = { INZETBAARHEIDSGESPREK: 'INZETBAARHEIDSGESPREK' } as const;
registerEnumType(ReportTemplate, {
  name: 'ReportTemplate',
  description: 'A report template of "Toevoegen van een rapportage".',
  valuesConfig: {
    INZETBAARHEIDSGESPREK: { description: 'WG – Inzetbaarheidsgesprek: person, employment and sick report data with the chosen P&O notes.' },
  },
});

export const ReportFormat = { DOCX: 'DOCX', PDF: 'PDF' } as const;
registerEnumType(ReportFormat, {
  name: 'ReportFormat',
  description: 'A file format of a generated report.',
  valuesConfig: { DOCX: { description: 'Editable Word document.' }, PDF: { description: 'PDF.' } },
});

@ObjectType('ReportTemplateInfo', { description: 'A template you can generate a report from.' })
export class ReportTemplateInfo {
  @Field(() => ReportTemplate, { description: 'The template.' })
  template: string;

  @Field(() => String, { description: 'Its name as the manual gives it.' })
  name: string;

  @Field(() => String, { description: 'What it holds.' })
  description: string;
}

@InputType('GenerateReportInput', {
  description: 'Generates a report into the dossier of a sick case. Codes: PERSON_NOT_FOUND, NO_SICK_CASE, SICK_CASE_NOT_FOUND, HR_NOTE_NOT_FOUND.',
})
export class GenerateReportInput {
  @Field(() => ID, { description: 'The person.' })
  personId: string;

  @Field(() => ReportTemplate, { description: 'The template.' })
  template: string;

  @Field(() => ID, { nullable: true, description: 'The sick case whose dossier gets the report; the person’s latest case in your scope when omitted (NO_SICK_CASE when none).' })
  sickCaseId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The P&O notes to include; all notes of the Verzuimgesprek and Overleg folders when omitted.' })
  hrNoteIds?: string[] | null;

  @Field(() => [ReportFormat], { nullable: true, description: 'The files to make; both DOCX and PDF by default.' })
  formats?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Title of the documents; the template’s name and today’s date by default.' })
  title?: string | null;
}

// ---------- partner API ----------

export const PartnerOutcome = { CREATED: 'CREATED', UPDATED: 'UPDATED', UNCHANGED: 'UNCHANGED' } as const;
registerEnumType(PartnerOutcome, {
  name: 'PartnerOutcome',
  description: 'What a partner call did; a repeated call with the same data says UNCHANGED and changes nothing.',
  valuesConfig: {
    CREATED: { description: 'A new record was created.' },
    UPDATED: { description: 'An existing record was changed (`changedFields` says which fields).' },
    UNCHANGED: { description: 'The data was already stored like this; nothing changed.' },
  },
});

@InputType('PartnerPersonInput', {
  description:
    'Example (explorer): `mutation { partnerUpsertPerson(input: { employeeNumber: "10023", person: { firstName: "Anna", lastName: "de Vries", ' +
    'dateOfBirth: "1988-04-12", bsn: "111222333" }, contact: { email: "anna@example.org" }, employment: { startDate: "2024-01-01", hoursPerWeek: 32 } }) ' +
    '{ outcome changedFields person { id } } }`',
})
export class PartnerPersonInput {
  @Field(() => String, { description: 'Your own employee number; it identifies the person at your employer on every later call (EMPLOYEE_NUMBER_REQUIRED when blank).' })
  employeeNumber: string;

  @Field(() => ID, { nullable: true, description: 'Your employer; only needed when your client works for several (PARTNER_EMPLOYER_AMBIGUOUS).' })
  employerId?: string | null;

  @Field(() => PersonDetailsInput, { description: 'The person’s details; sent in full on every call (a null field clears it).' })
  person: PersonDetailsInput;

  @Field(() => AddressInput, { nullable: true, description: 'The home address; omitted keeps the stored one.' })
  address?: AddressInput | null;

  @Field(() => ContactInput, { nullable: true, description: 'E-mail and phone; omitted keeps the stored ones.' })
  contact?: ContactInput | null;

  @Field(() => EmploymentInput, {
    nullable: true,
    description: 'Required when the person is new (REQUIRED_FIELD_MISSING at "employment"): the first employment. Ignored for an existing person (use partnerStartEmployment).',
  })
  employment?: EmploymentInput | null;
}

@ObjectType('PartnerPersonResult', { description: 'The outcome of `partnerUpsertPerson`.' })
export class PartnerPersonResult {
  @Field(() => PartnerOutcome, { description: 'CREATED, UPDATED or UNCHANGED.' })
  outcome: string;

  @Field(() => [String], { description: 'The input fields that changed, e.g. ["person.lastName", "contact.email"]; empty when UNCHANGED.' })
  changedFields: string[];

  @Field(() => Person, { description: 'The person.' })
  person: unknown;
}

@InputType('PartnerEmploymentInput', {
  description:
    'Starts or changes the employment of a person identified by your employee number. Example: `mutation { partnerStartEmployment(input: { employeeNumber: "10023", ' +
    'employment: { startDate: "2025-01-01", hoursPerWeek: 24, jobTitle: "Verpleegkundige" } }) { outcome employment { id } } }`',
})
export class PartnerEmploymentInput {
  @Field(() => String, { description: 'Your employee number of the person (PERSON_NOT_FOUND when unknown at your employer).' })
  employeeNumber: string;

  @Field(() => ID, { nullable: true, description: 'Your employer; only needed when your client works for several.' })
  employerId?: string | null;

  @Field(() => EmploymentInput, { description: 'The employment; its start date identifies it (one employment per start date at your employer).' })
  employment: EmploymentInput;
}

@InputType('PartnerEndEmploymentInput', {
  description: 'Ends an employment. Example: `mutation { partnerEndEmployment(input: { employeeNumber: "10023", startDate: "2024-01-01", endDate: "2025-06-30" }) { outcome } }`',
})
export class PartnerEndEmploymentInput {
  @Field(() => String, { description: 'Your employee number of the person.' })
  employeeNumber: string;

  @Field(() => ID, { nullable: true, description: 'Your employer; only needed when your client works for several.' })
  employerId?: string | null;

  @Field(() => DateResolver, { description: 'The start date of the employment to end (EMPLOYMENT_NOT_FOUND when none starts then).' })
  startDate: Date;

  @Field(() => DateResolver, { description: 'The last day (END_BEFORE_START when before the start).' })
  endDate: Date;
}

@ObjectType('PartnerEmploymentResult', { description: 'The outcome of a partner employment call.' })
export class PartnerEmploymentResult {
  @Field(() => PartnerOutcome, { description: 'CREATED, UPDATED or UNCHANGED.' })
  outcome: string;

  @Field(() => [String], { description: 'The fields that changed, e.g. ["hoursPerWeek"]; empty when UNCHANGED.' })
  changedFields: string[];

  @Field(() => Employment, { description: 'The employment.' })
  employment: unknown;

  @Field(() => Person, { description: 'The person.' })
  person: unknown;
}
