import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PAGE_DEFAULT_LIMIT } from '../domain/rules.js';

/*
 * GraphQL types of the dossier subgraph. Resolvers return the TypeORM entities; properties with the
 * same name are read directly, everything derived is a field resolver. Calendar dates are
 * `YYYY-MM-DD` strings end to end (the `Date` scalar serialises them unchanged).
 */

export const SickCaseStatus = { OPEN: 'OPEN', RECOVERED: 'RECOVERED' } as const;
registerEnumType(SickCaseStatus, { name: 'SickCaseStatus', description: 'Whether the employee is still (partly) absent.' });

export const Gender = { FEMALE: 'FEMALE', MALE: 'MALE', OTHER: 'OTHER' } as const;
registerEnumType(Gender, { name: 'Gender' });

@Directive('@key(fields: "id")')
@ObjectType('Employer', { description: 'A client organisation of the arbodienst.' })
export class Employer {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Division', { description: 'A division (divisie) of an employer.' })
export class Division {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Department', { description: 'A department (afdeling) within a division.' })
export class Department {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}

@ObjectType('Address')
export class Address {
  @Field(() => String, { nullable: true })
  street: string | null;

  @Field(() => String, { nullable: true })
  houseNumber: string | null;

  @Field(() => String, { nullable: true })
  postalCode: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Person', { description: 'An employee of a client organisation (persoonsdossier), without medical data.' })
export class Person {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  firstName: string;

  @Field(() => String, { description: 'Including any prefix (tussenvoegsel), e.g. "de Vries".' })
  lastName: string;

  @Field(() => String, { nullable: true })
  initials: string | null;

  @Field(() => DateResolver, { nullable: true })
  dateOfBirth: string | null;

  @Field(() => Gender, { nullable: true })
  gender: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'The employer’s personnel number (personeelsnummer).' })
  personnelNumber: string | null;
}

@ObjectType('WorkPattern', { description: 'Contract hours per weekday (Monday first); several weeks form a rotating schedule.' })
export class WorkPattern {
  @Field(() => [[Float]])
  weeks: number[][];
}

@ObjectType('Employment', { description: 'An employment contract (dienstverband) of a person with an employer.' })
export class Employment {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  jobTitle: string | null;

  @Field(() => DateResolver)
  startDate: string;

  @Field(() => DateResolver, { nullable: true })
  endDate: string | null;

  @Field(() => Float)
  hoursPerWeek: number;

  @Field(() => Float, { description: 'The employer’s full-time week in hours.' })
  fullTimeHoursPerWeek: number;

  @Field(() => WorkPattern, { nullable: true })
  workPattern: WorkPattern | null;
}

@ObjectType('AbsenceCoursePoint', { description: 'From this date on, this share of the contract hours is not worked.' })
export class AbsenceCoursePoint {
  @Field(() => DateResolver)
  from: string;

  @Field(() => Int)
  absencePercentage: number;
}

@Directive('@key(fields: "id")')
@ObjectType('SickCase', {
  description: 'A sick period (ziekmelding until hersteldmelding). Holds no medical information by design.',
})
export class SickCase {
  @Field(() => ID)
  id: string;

  @Field(() => DateResolver)
  firstSickDay: string;

  @Field(() => SickCaseStatus)
  status: string;

  @Field(() => Int, { description: 'Share of the contract hours not worked, latest value of the absence course (0 once recovered).' })
  absencePercentage: number;

  @Field(() => DateResolver, { nullable: true })
  expectedRecoveryDate: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'First day fit for work again.' })
  recoveredOn: string | null;

  @Field(() => DateResolver, { description: 'Day 0 of the 104-week term this period belongs to (earlier day 0 after a relapse within 4 weeks).' })
  termStartDay: string;

  @Field(() => Int, { description: 'Days between the periods of the term; every term deadline moves later by them.' })
  termGapDays: number;

  @Field(() => Boolean)
  workAccident: boolean;

  @Field(() => Boolean, { description: 'Whether a safety-net scheme (vangnet) applies; never which one.' })
  safetyNet: boolean;

  @Field(() => Boolean, { description: 'Whether a third party (for instance in a traffic accident) may be liable.' })
  thirdPartyLiable: boolean;

  @Field(() => String, { nullable: true, description: 'Where the employee stays during the absence, when not at home.' })
  whereabouts: string | null;

  @Field(() => String, { nullable: true, description: 'How to reach the employee during the absence.' })
  contactPhone: string | null;

  @Field(() => String, { nullable: true, description: 'The question the employer put to the bedrijfsarts or casemanager at the sick report.' })
  questionForProfessional: string | null;

  @Field(() => String, { nullable: true, description: 'Remarks on the sick report ("opmerking").' })
  remarks: string | null;

  @Field(() => DateTimeResolver)
  reportedAt: Date;
}

@ObjectType('PersonPage')
export class PersonPage {
  @Field(() => [Person])
  items: unknown[];

  @Field(() => Int)
  total: number;
}

@ObjectType('SickCasePage')
export class SickCasePage {
  @Field(() => [SickCase])
  items: unknown[];

  @Field(() => Int)
  total: number;
}

@InputType('PageInput')
export class PageInput {
  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Items to skip, 0 or more.' })
  offset?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: PAGE_DEFAULT_LIMIT, description: 'Items to return, 1 to 200.' })
  limit?: number | null;
}

@InputType('PersonFilter')
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or the personnel number.' })
  search?: string | null;

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

@InputType('SickCaseFilter')
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
