import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PAGE_DEFAULT_LIMIT } from '../domain/rules.js';

/*
 * GraphQL types of the dossier subgraph. Resolvers return the TypeORM entities; properties with the
 * same name are read directly, everything derived is a field resolver. Calendar dates are
 * `YYYY-MM-DD` strings end to end (the `Date` scalar serialises them unchanged).
 */

export const SickCaseStatus = { OPEN: 'OPEN', RECOVERED: 'RECOVERED' } as const;
registerEnumType(SickCaseStatus, {
  name: 'SickCaseStatus',
  description: 'Whether the employee is still (partly) absent.',
  valuesConfig: {
    OPEN: { description: 'The employee is still fully or partly absent; no full recovery has been reported.' },
    RECOVERED: { description: 'Full recovery was reported (`recoveredOn` is set); the case can no longer be changed.' },
  },
});

export const Gender = { FEMALE: 'FEMALE', MALE: 'MALE', OTHER: 'OTHER' } as const;
registerEnumType(Gender, {
  name: 'Gender',
  description: 'A person’s gender as registered by the employer.',
  valuesConfig: {
    FEMALE: { description: 'Female.' },
    MALE: { description: 'Male.' },
    OTHER: { description: 'Neither female nor male.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType('Employer', { description: 'A client organisation of the arbodienst.' })
export class Employer {
  @Field(() => ID, { description: 'Stable id of the employer (client organisation).' })
  id: string;

  @Field(() => String, { description: 'The employer’s name as registered with the arbodienst.' })
  name: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether a new employee (wizard or partner API) with an e-mail address gets an invitation for the employee portal. ' +
      'Shown to the employer’s HR and the administrator; null for other roles. Change it with `setEmployerInvitationSetting`.',
  })
  inviteEmployeesOnCreation: boolean | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Division', { description: 'A division (divisie) of an employer.' })
export class Division {
  @Field(() => ID, { description: 'Stable id of the division.' })
  id: string;

  @Field(() => String, { description: 'The division’s name as registered by the employer.' })
  name: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Department', { description: 'A department (afdeling) within a division.' })
export class Department {
  @Field(() => ID, { description: 'Stable id of the department.' })
  id: string;

  @Field(() => String, { description: 'The department’s name as registered by the employer.' })
  name: string;
}

@ObjectType('Address', { description: 'A person’s home address, as registered by the employer. Each part is null when unknown.' })
export class Address {
  @Field(() => String, { nullable: true, description: 'Street name, without the house number.' })
  street: string | null;

  @Field(() => String, { nullable: true, description: 'House number including any addition, as written, e.g. "12", "12A" or "12-2".' })
  houseNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code as registered, e.g. "1234 AB" for a Dutch address.' })
  postalCode: string | null;

  @Field(() => String, { nullable: true, description: 'Place of residence.' })
  city: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Person', { description: 'An employee of a client organisation (persoonsdossier), without medical data.' })
export class Person {
  @Field(() => ID, { description: 'Stable id of the person.' })
  id: string;

  @Field(() => String, { description: 'First name (roepnaam) as registered by the employer.' })
  firstName: string;

  @Field(() => String, { description: 'Including any prefix (tussenvoegsel), e.g. "de Vries".' })
  lastName: string;

  @Field(() => String, { nullable: true, description: 'Initials as written, e.g. "J.P."; null when not registered.' })
  initials: string | null;

  @Field(() => DateResolver, {
    nullable: true,
    description: 'Date of birth (YYYY-MM-DD); null when not registered, and for the planner (no planner screen needs it).',
  })
  dateOfBirth: string | null;

  @Field(() => Gender, { nullable: true, description: 'Gender as registered; null when not registered, and for the casemanager and planner.' })
  gender: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'E-mail address for messages about the absence; the employee can change it (`updateMyContactDetails`). Null when unknown.',
  })
  email: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Phone number as entered, e.g. "+31 6 12345678"; the employee can change it (`updateMyContactDetails`). Null when unknown.',
  })
  phone: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The employer’s personnel number (personeelsnummer); a partner’s employee number. Null for the planner.',
  })
  personnelNumber: string | null;
}

@ObjectType('WorkPattern', { description: 'Contract hours per weekday (Monday first); several weeks form a rotating schedule.' })
export class WorkPattern {
  @Field(() => [[Float]], {
    description:
      'One list per week of 7 numbers: contract hours on Monday to Sunday (decimal hours, 0 = no work). ' +
      'With several weeks the schedule repeats in that order; `Employment.hoursPerWeek` is then the average week.',
  })
  weeks: number[][];
}

@ObjectType('Employment', { description: 'An employment contract (dienstverband) of a person with an employer.' })
export class Employment {
  @Field(() => ID, { description: 'Stable id of the employment.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Job title (functie); null when not registered.' })
  jobTitle: string | null;

  @Field(() => DateResolver, { description: 'First day of the employment (YYYY-MM-DD).' })
  startDate: string;

  @Field(() => DateResolver, { nullable: true, description: 'Last day of the employment (YYYY-MM-DD, inclusive); null for an open-ended contract.' })
  endDate: string | null;

  @Field(() => Float, { description: 'Contract hours per week (decimal hours, e.g. 32 or 25.5); the average week for a rotating schedule.' })
  hoursPerWeek: number;

  @Field(() => Float, { description: 'The employer’s full-time week in hours.' })
  fullTimeHoursPerWeek: number;

  @Field(() => WorkPattern, { nullable: true, description: 'The contract hours per weekday; null when only the weekly hours are known.' })
  workPattern: WorkPattern | null;

  @Field(() => String, { nullable: true, description: 'Contactpersoon at the employer (usually the manager); null when not registered.' })
  contactPerson: string | null;
}

@ObjectType('AbsenceCoursePoint', { description: 'From this date on, this share of the contract hours is not worked.' })
export class AbsenceCoursePoint {
  @Field(() => DateResolver, { description: 'The day this percentage starts (YYYY-MM-DD); it holds until the next point’s day.' })
  from: string;

  @Field(() => Int, { description: 'Share of the contract hours not worked, 0–100 (0 = fully recovered); never a medical judgement.' })
  absencePercentage: number;
}

@Directive('@key(fields: "id")')
@ObjectType('SickCase', {
  description: 'A sick period (ziekmelding until hersteldmelding). Holds no medical information by design.',
})
export class SickCase {
  @Field(() => ID, { description: 'Stable id of the sick case.' })
  id: string;

  @Field(() => DateResolver, { description: 'The first day not (fully) worked (YYYY-MM-DD).' })
  firstSickDay: string;

  @Field(() => SickCaseStatus, { description: 'OPEN while the employee is (partly) absent; RECOVERED after full recovery.' })
  status: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Share of the contract hours not worked, latest value of the absence course (0 once recovered). Null for the planner (not needed to plan).',
  })
  absencePercentage: number | null;

  @Field(() => DateResolver, {
    nullable: true,
    description: 'The expected first day back at work (YYYY-MM-DD), as reported by the employer; null when unknown. An expectation, not a medical prognosis.',
  })
  expectedRecoveryDate: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'First day fit for work again.' })
  recoveredOn: string | null;

  @Field(() => DateResolver, { description: 'Day 0 of the 104-week term this period belongs to (earlier day 0 after a relapse within 4 weeks).' })
  termStartDay: string;

  @Field(() => Int, { description: 'Days between the periods of the term; every term deadline moves later by them.' })
  termGapDays: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether the absence follows a work accident (arbeidsongeval), as reported. Null for the planner.' })
  workAccident: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether a safety-net scheme (vangnet) applies; never which one. Null for the planner.' })
  safetyNet: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether a third party (for instance in a traffic accident) may be liable. Null for the planner.' })
  thirdPartyLiable: boolean | null;

  @Field(() => String, { nullable: true, description: 'Where the employee stays during the absence, when not at home.' })
  whereabouts: string | null;

  @Field(() => String, { nullable: true, description: 'How to reach the employee during the absence.' })
  contactPhone: string | null;

  @Field(() => String, { nullable: true, description: 'The question the employer put to the bedrijfsarts or casemanager at the sick report.' })
  questionForProfessional: string | null;

  @Field(() => String, { nullable: true, description: 'Remarks on the sick report ("opmerking").' })
  remarks: string | null;

  @Field(() => DateTimeResolver, { description: 'When the sick report was registered (ISO 8601 date-time, UTC); may be later than the first sick day.' })
  reportedAt: Date;
}

@ObjectType('PersonPage', { description: 'One page of persons matching a filter.' })
export class PersonPage {
  @Field(() => [Person], { description: 'The persons on this page, in the list’s order; empty beyond the last page.' })
  items: unknown[];

  @Field(() => Int, { description: 'The number of matching persons over all pages.' })
  total: number;
}

@ObjectType('SickCasePage', { description: 'One page of sick cases matching a filter.' })
export class SickCasePage {
  @Field(() => [SickCase], { description: 'The sick cases on this page, in the list’s order; empty beyond the last page.' })
  items: unknown[];

  @Field(() => Int, { description: 'The number of matching sick cases over all pages.' })
  total: number;
}

@InputType('PageInput', { description: 'Which part of a long list to return (offset paging).' })
export class PageInput {
  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Items to skip, 0 or more.' })
  offset?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: PAGE_DEFAULT_LIMIT, description: 'Items to return, 1 to 200.' })
  limit?: number | null;
}

@InputType('PersonFilter', { description: 'Criteria for `persons`; all given criteria must match. Persons outside your scope are never returned.' })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or the personnel number ("vries" finds "de Vries"); with `includePartnerName` also the partner’s surname.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the surname (with or without tussenvoegsel): "vries" and "de vr" both find "de Vries".' })
  lastName?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '"Zoeken in persoon en partner": `search` and `lastName` also match the partner’s surname (`Person.partnerLastName`).',
  })
  includePartnerName?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only this employer.' })
  employerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this division.' })
  divisionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this department.' })
  departmentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only persons with an employment that runs today.' })
  activeOnly?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only persons with an open sick case (in your scope); false: only persons without one (to report sick).',
  })
  absent?: boolean | null;
}

@InputType('SickCaseFilter', { description: 'Criteria for `sickCases`; all given criteria must match. Cases outside your scope are never returned.' })
export class SickCaseFilter {
  @Field(() => SickCaseStatus, { nullable: true, description: 'Only cases with this status.' })
  status?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this person.' })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this employer.' })
  employerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this division.' })
  divisionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this department.' })
  departmentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the person’s name or personnel number.' })
  search?: string | null;
}

@InputType('ReportSicknessInput', { description: 'A sick report. Never put medical information in it.' })
export class ReportSicknessInput {
  @Field(() => ID, { description: 'The person reported sick. Missing or outside your scope: PERSON_NOT_FOUND.' })
  personId: string;

  @Field(() => DateResolver, {
    description: 'The first day not (fully) worked. Not before the employment (FIRST_SICK_DAY_BEFORE_EMPLOYMENT), at most 14 days ahead.',
  })
  firstSickDay: Date;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 100,
    description: 'Share of the contract hours not worked, 1–100 (INVALID_PERCENTAGE). Not a medical judgement of capacity.',
  })
  absencePercentage?: number | null;

  @Field(() => DateResolver, { nullable: true, description: 'The expected first day back at work, after the first sick day.' })
  expectedRecoveryDate?: Date | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Whether the absence follows a work accident.' })
  workAccident?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Whether a safety-net scheme (vangnet) applies; never which one.' })
  safetyNet?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Whether a third party (for instance in a traffic accident) may be liable.',
  })
  thirdPartyLiable?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the employee stays during the absence, when not at home; at most 500 characters (TEXT_TOO_LONG).',
  })
  whereabouts?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Phone number to reach the employee: digits, spaces, dashes, brackets, a leading + (INVALID_PHONE); at most 30 characters.',
  })
  contactPhone?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A question for the bedrijfsarts or casemanager, at most 2000 characters. NO medical information may be entered: ' +
      'no diagnosis, complaints or treatment (AVG; the employer may not record them).',
  })
  questionForProfessional?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Remarks on the sick report ("opmerking"), at most 2000 characters. Never enter medical information.',
  })
  remarks?: string | null;
}

@InputType('UpdateSickCaseInput', {
  description: 'Changes the details of an open sick case. An omitted field stays as it is; null clears it. Never enter medical information.',
})
export class UpdateSickCaseInput {
  @Field(() => ID, { description: 'The open sick case. Missing or outside your scope: SICK_CASE_NOT_FOUND; recovered: SICK_CASE_ALREADY_RECOVERED.' })
  sickCaseId: string;

  @Field(() => DateResolver, {
    nullable: true,
    description: 'The expected first day back at work, after the first sick day (EXPECTED_RECOVERY_BEFORE_FIRST_SICK_DAY).',
  })
  expectedRecoveryDate?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the employee stays during the absence, when not at home; at most 500 characters (TEXT_TOO_LONG).',
  })
  whereabouts?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Phone number to reach the employee: digits, spaces, dashes, brackets, a leading + (INVALID_PHONE); at most 30 characters.',
  })
  contactPhone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Remarks on the sick report ("opmerking"), at most 2000 characters. Never enter medical information.',
  })
  remarks?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The question for the bedrijfsarts or casemanager, at most 2000 characters (TEXT_TOO_LONG). NO medical information.',
  })
  questionForProfessional?: string | null;
}

@InputType('ReportRecoveryInput', { description: 'Full recovery, or a change of the absence percentage (partial recovery).' })
export class ReportRecoveryInput {
  @Field(() => ID, { description: 'The open sick case. Missing or outside your scope: SICK_CASE_NOT_FOUND.' })
  sickCaseId: string;

  @Field(() => DateResolver, { description: 'Full recovery: the first day fit for work. Partial: the day the new percentage starts.' })
  recoveredOn: Date;

  @Field(() => Int, { nullable: true, description: 'Remaining absence percentage; 0 or omitted means full recovery.' })
  absencePercentage?: number | null;
}

// Argument classes keep the arguments in declaration order in the schema (parameter decorators
// would list them last to first).
@ArgsType()
export class PersonsArgs {
  @Field(() => PersonFilter, { nullable: true, description: 'Criteria; all given ones must match.' })
  filter?: PersonFilter | null;

  @Field(() => PageInput, { nullable: true, description: 'Which part of the result; 50 from the start by default.' })
  page?: PageInput | null;
}

@ArgsType()
export class SickCasesArgs {
  @Field(() => SickCaseFilter, { nullable: true, description: 'Criteria; all given ones must match.' })
  filter?: SickCaseFilter | null;

  @Field(() => PageInput, { nullable: true, description: 'Which part of the result; 50 from the start by default.' })
  page?: PageInput | null;
}
