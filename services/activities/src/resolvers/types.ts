import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DEFAULT_DAYS_AHEAD, MAX_DAYS_AHEAD } from '../domain/protocol.js';
import type { ActivityKind, ActivityRole, ActivityStatus } from '../domain/protocol.js';
import type { ActivityTypeCategory } from '../entities/activity-type.js';

export const ActivityRoleEnum = { WG: 'WG', BA: 'BA', CM: 'CM' } as const satisfies Record<
  ActivityRole,
  ActivityRole
>;
export const ActivityKindEnum = {
  ACTION: 'ACTION',
  REMINDER: 'REMINDER',
  UWV: 'UWV',
  SIGNAL: 'SIGNAL',
} as const satisfies Record<ActivityKind, ActivityKind>;
export const ActivityStatusEnum = {
  OPEN: 'OPEN',
  HANDLED: 'HANDLED',
  CANCELLED: 'CANCELLED',
} as const satisfies Record<ActivityStatus, ActivityStatus>;

registerEnumType(ActivityRoleEnum, {
  name: 'ActivityRole',
  description: 'Who carries out an activity.',
  valuesConfig: {
    WG: { description: 'The employer (werkgever): HR or the manager.' },
    BA: { description: 'The occupational physician (bedrijfsarts).' },
    CM: { description: 'The case manager (casemanager).' },
  },
});
registerEnumType(ActivityKindEnum, {
  name: 'ActivityKind',
  description: 'What sort of step an activity is (manual, Bijlage II: Actie, Reminder, UWV, Signalering).',
  valuesConfig: {
    ACTION: { description: 'Something the role carries out itself.' },
    REMINDER: {
      description:
        'A reminder to ask the arbodienst for support; leaves the action list about six weeks after its signal date.',
    },
    UWV: { description: 'A step the Wet verbetering poortwachter requires towards UWV.' },
    SIGNAL: { description: 'A signal (such as frequent absence) the employer should act on.' },
  },
});
registerEnumType(ActivityStatusEnum, {
  name: 'ActivityStatus',
  description: 'Where an activity stands.',
  valuesConfig: {
    OPEN: { description: 'Still to be done.' },
    HANDLED: { description: 'Done, with a conclusion.' },
    CANCELLED: { description: 'No longer needed (by a user, or by the recovery of the employee).' },
  },
});

/** How a user closes an activity. */
export const ActivityClosingStatusEnum = { HANDLED: 'HANDLED', CANCELLED: 'CANCELLED' } as const;
export type ActivityClosingStatus = keyof typeof ActivityClosingStatusEnum;
registerEnumType(ActivityClosingStatusEnum, {
  name: 'ActivityClosingStatus',
  description: 'The status an activity gets when a user closes it.',
  valuesConfig: {
    HANDLED: { description: 'Carried out.' },
    CANCELLED: { description: 'Not needed any more.' },
  },
});

export const ActivityTypeCategoryEnum = {
  WG_ACTION: 'WG_ACTION',
  WG_REMINDER: 'WG_REMINDER',
  WG_REQUEST: 'WG_REQUEST',
} as const satisfies Record<ActivityTypeCategory, ActivityTypeCategory>;
registerEnumType(ActivityTypeCategoryEnum, {
  name: 'ActivityTypeCategory',
  description: 'The groups of the activity catalogue (manual, Bijlage I).',
  valuesConfig: {
    WG_ACTION: { description: 'Put on the action list by the protocol for the employer to carry out.' },
    WG_REMINDER: { description: 'Reminds the employer that the arbodienst can be asked for support.' },
    WG_REQUEST: {
      description: "Requested by the employer from a person's dossier, also outside a trajectory.",
    },
  },
});

@Directive('@key(fields: "id")')
@ObjectType('Activity', {
  description:
    'A step of a sick trajectory or a request, on the action list of its role from the signal date.',
})
export class Activity {
  @Field(() => ID, { description: 'Stable id of the activity.' })
  id: string;

  @Field(() => String, { description: 'Title in Dutch, from the protocol row or the catalogue type.' })
  title: string;

  @Field(() => ActivityRoleEnum, { description: 'Who carries it out; only that role may handle it.' })
  role: ActivityRole;

  @Field(() => ActivityKindEnum, { description: 'Action, reminder, UWV step or signal.' })
  kind: ActivityKind;

  @Field(() => DateResolver, {
    description: 'From this day the activity shows on the action list; it never moves.',
  })
  signalDate: string;

  @Field(() => DateResolver, { description: 'The activity must be handled before this day.' })
  deadline: string;

  @Field(() => ActivityStatusEnum, { description: 'Open, handled or cancelled.' })
  status: ActivityStatus;

  @Field(() => String, {
    nullable: true,
    description: 'The conclusion chosen when the activity was handled.',
  })
  conclusion: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Remarks for the arbodienst; never medical information.',
  })
  remarks: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was handled or cancelled by a user (or closed as already done in an earlier system).' })
  handledAt: Date | null;

  sickCaseId: string | null;
  personId: string;
  followUpOfId: string | null;
  documentId: string | null;
}

/** Dossier owns the documents; an "Importeren document" activity only refers to one. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('DossierDocument')
export class DossierDocumentRef {
  @Field(() => ID, { description: 'The document’s id.' })
  id: string;
}

/** Dossier owns SickCase; activities adds its trajectory. */
@Directive('@key(fields: "id")')
@ObjectType('SickCase')
export class SickCaseRef {
  @Field(() => ID, { description: 'Stable id of the sick case.' })
  id: string;
}

/** Dossier owns Person; activities adds the person's activities. */
@Directive('@key(fields: "id")')
@ObjectType('Person')
export class PersonRef {
  @Field(() => ID, { description: 'Stable id of the person.' })
  id: string;
}

@ObjectType('ActivityType', { description: 'An entry of the activity catalogue.' })
export class ActivityType {
  @Field(() => ID, { description: 'Stable code, used as `activityTypeCode` in addActivity and follow-ups.' })
  code: string;

  @Field(() => ActivityTypeCategoryEnum, { description: 'Where the manual lists it: employer action, reminder or request.' })
  category: ActivityTypeCategory;

  @Field(() => String, { description: 'Title in Dutch, as shown on the action list.' })
  title: string;

  @Field(() => ActivityRoleEnum, { description: 'Who carries out an activity of this type.' })
  role: ActivityRole;

  @Field(() => ActivityKindEnum, { description: 'The kind an activity of this type gets.' })
  kind: ActivityKind;

  @Field(() => Int, { description: 'The number the catalogue shows it under, e.g. 14 in "14. WG – Importeren document"; unique.' })
  number: number;

  @Field(() => Boolean, {
    description: 'Activities of this type record a document of the dossier: addActivity then needs `documentId` (and is handled at once).',
  })
  linksDocument: boolean;
}

const NO_MEDICAL = 'Never enter medical information (diagnosis, complaints, treatment).';

@InputType('ActivityFollowUpInput', {
  description: 'A new activity created when another is handled: the next step the conclusion calls for.',
})
export class ActivityFollowUpInput {
  @Field(() => String, {
    description: 'Code of an activity type from `activityTypes`; it decides title, role and kind. Unknown: UNKNOWN_ACTIVITY_TYPE.',
  })
  activityTypeCode: string;

  @Field(() => DateResolver, {
    description: 'Day before which the follow-up must be done: from today up to 800 days ahead, else INVALID_DEADLINE.',
  })
  deadline: Date;

  @Field(() => String, { nullable: true, description: `Remarks for whoever carries it out, at most 2000 characters. ${NO_MEDICAL}` })
  remarks?: string | null;
}

@InputType('HandleActivityInput', { description: 'Closes an open activity; its signal date never changes.' })
export class HandleActivityInput {
  @Field(() => ID, { description: 'The open activity to close. Missing or outside your scope: ACTIVITY_NOT_FOUND.' })
  activityId: string;

  @Field(() => ActivityClosingStatusEnum, {
    nullable: true,
    defaultValue: 'HANDLED',
    description: 'HANDLED (default) or CANCELLED. An activity already closed: ACTIVITY_ALREADY_CLOSED.',
  })
  status?: ActivityClosingStatus | null;

  @Field(() => String, { nullable: true, description: `The conclusion, at most 2000 characters. ${NO_MEDICAL}` })
  conclusion?: string | null;

  @Field(() => String, { nullable: true, description: `Remarks, at most 2000 characters. ${NO_MEDICAL}` })
  remarks?: string | null;

  @Field(() => ActivityFollowUpInput, {
    nullable: true,
    description: 'Creates a new open activity for the same person and sick case, in the same transaction.',
  })
  followUp?: ActivityFollowUpInput | null;
}

@InputType('AddActivityInput', { description: 'Adds an activity from the catalogue to a person, with today as its signal date.' })
export class AddActivityInput {
  @Field(() => ID, { description: 'The person concerned. Missing or outside your scope: PERSON_NOT_FOUND.' })
  personId: string;

  @Field(() => ID, {
    nullable: true,
    description: "Optional: one of the person's sick cases, to put the activity in that trajectory. Else SICK_CASE_NOT_FOUND.",
  })
  sickCaseId?: string | null;

  @Field(() => String, {
    description:
      'Code of an activity type from `activityTypes`; it decides title, role and kind. Unknown: UNKNOWN_ACTIVITY_TYPE. ' +
      'An employer may add employer types and requests to the arbodienst; a bedrijfsarts or casemanager only types of their own role.',
  })
  activityTypeCode: string;

  @Field(() => DateResolver, {
    description: 'Day before which the activity must be done: from today up to 800 days ahead, else INVALID_DEADLINE.',
  })
  deadline: Date;

  @Field(() => String, { nullable: true, description: `Remarks, at most 2000 characters. ${NO_MEDICAL}` })
  remarks?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The dossier document the activity records: required for a type with `linksDocument`, refused for other types ' +
      '(BAD_USER_INPUT with field documentId).',
  })
  documentId?: string | null;
}

@InputType('ActivityFilter', { description: 'Criteria for `activities`; all given criteria must match.' })
export class ActivityFilter {
  @Field(() => ID, { nullable: true, description: 'Only the activities of this person.' })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the activities of this sick case.' })
  sickCaseId?: string | null;

  @Field(() => ActivityStatusEnum, { nullable: true, description: 'Only activities with this status.' })
  status?: ActivityStatus | null;

  @Field(() => ActivityRoleEnum, { nullable: true, description: 'Only activities of this role (WG, BA, CM).' })
  role?: ActivityRole | null;

  @Field(() => ActivityKindEnum, { nullable: true, description: 'Only activities of this kind.' })
  kind?: ActivityKind | null;
}

// Argument classes keep the arguments in declaration order in the schema (parameter decorators
// would list them last to first).
@ArgsType()
export class ActionListArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_DAYS_AHEAD,
    description: `Activities signalled up to this many days from today (0–${MAX_DAYS_AHEAD}).`,
  })
  daysAhead?: number | null;

  @Field(() => ActivityRoleEnum, {
    nullable: true,
    description: 'Only this role. Administrators may pick any; others only their own role (else FORBIDDEN).',
  })
  role?: ActivityRole | null;

  @Field(() => Boolean, { nullable: true, description: 'Only activities whose deadline has passed.' })
  overdueOnly?: boolean | null;
}

@ArgsType()
export class CancelActivityArgs {
  @Field(() => ID, { description: 'The open activity to cancel. Missing or outside your scope: ACTIVITY_NOT_FOUND.' })
  activityId: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why it is cancelled, at most 2000 characters. Never enter medical information.',
  })
  remarks?: string | null;
}

export const PAGE = { defaultLimit: 50, maxLimit: 200 } as const;

// Same shape, defaults and descriptions as dossier's and identity's PageInput: composition merges them.
@InputType('PageInput', { description: 'Which part of a long list to return (offset paging).' })
export class PageInput {
  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Items to skip, 0 or more.' })
  offset?: number;

  @Field(() => Int, { nullable: true, defaultValue: PAGE.defaultLimit, description: 'Items to return, 1 to 200.' })
  limit?: number;
}

export const ActivitySortFieldEnum = {
  CURRENT_FIRST: 'CURRENT_FIRST',
  DEADLINE: 'DEADLINE',
  SIGNAL_DATE: 'SIGNAL_DATE',
  TITLE: 'TITLE',
  ROLE: 'ROLE',
  STATUS: 'STATUS',
} as const;
export type ActivitySortField = keyof typeof ActivitySortFieldEnum;
registerEnumType(ActivitySortFieldEnum, {
  name: 'ActivitySortField',
  description: "The order of a person's activities.",
  valuesConfig: {
    CURRENT_FIRST: {
      description: 'Open activities first by deadline (overdue, then current, then upcoming), then handled and cancelled ones, newest first.',
    },
    DEADLINE: { description: 'By deadline.' },
    SIGNAL_DATE: { description: 'By signal date.' },
    TITLE: { description: 'By title (Dutch collation).' },
    ROLE: { description: 'By role (BA, CM, WG).' },
    STATUS: { description: 'By status (open, handled, cancelled).' },
  },
});

export const SortDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
export type SortDirection = keyof typeof SortDirectionEnum;
registerEnumType(SortDirectionEnum, {
  name: 'ActivitySortDirection',
  description: 'Ascending or descending.',
  valuesConfig: { ASC: { description: 'Smallest, earliest or A first.' }, DESC: { description: 'Largest, latest or Z first.' } },
});

@InputType('ActivitySortInput', { description: "How to order a person's activities." })
export class ActivitySortInput {
  @Field(() => ActivitySortFieldEnum, { description: 'The column to sort by.' })
  field: ActivitySortField;

  @Field(() => SortDirectionEnum, { nullable: true, defaultValue: 'ASC', description: 'ASC (default) or DESC; ignored for CURRENT_FIRST.' })
  direction?: SortDirection | null;
}

@InputType('PersonActivitiesFilter', { description: "Criteria for a person's activities; all given criteria must match." })
export class PersonActivitiesFilter {
  @Field(() => [ActivityStatusEnum], { nullable: true, description: 'Only activities with one of these statuses.' })
  statuses?: ActivityStatus[] | null;

  @Field(() => ActivityRoleEnum, { nullable: true, description: 'Only activities of this role (WG, BA, CM).' })
  role?: ActivityRole | null;

  @Field(() => String, { nullable: true, description: 'Part of the title (case-insensitive), at most 100 characters.' })
  search?: string | null;
}

@ArgsType()
export class PersonActivitiesArgs {
  @Field(() => ID, { description: 'The person. Outside your scope (or unknown): an empty page.' })
  personId: string;

  @Field(() => PersonActivitiesFilter, { nullable: true, description: 'Status, role and title search.' })
  filter?: PersonActivitiesFilter | null;

  @Field(() => ActivitySortInput, { nullable: true, description: 'Default CURRENT_FIRST.' })
  sort?: ActivitySortInput | null;

  @Field(() => PageInput, { nullable: true, description: 'Offset and limit (at most 200).' })
  page?: PageInput | null;
}

@ObjectType('ActivityPage', { description: 'One page of activities and how many match in all.' })
export class ActivityPage {
  @Field(() => [Activity], { description: 'The activities of this page, in the requested order.' })
  items: Activity[];

  @Field(() => Int, { description: 'All activities matching the filter, over all pages.' })
  total: number;
}
