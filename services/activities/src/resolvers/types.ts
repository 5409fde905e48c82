import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
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
registerEnumType(ActivityStatusEnum, { name: 'ActivityStatus' });

export const ActivityTypeCategoryEnum = {
  WG_ACTION: 'WG_ACTION',
  WG_REMINDER: 'WG_REMINDER',
  WG_REQUEST: 'WG_REQUEST',
} as const satisfies Record<ActivityTypeCategory, ActivityTypeCategory>;
registerEnumType(ActivityTypeCategoryEnum, {
  name: 'ActivityTypeCategory',
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
  @Field(() => ID)
  id: string;

  @Field(() => String)
  title: string;

  @Field(() => ActivityRoleEnum)
  role: ActivityRole;

  @Field(() => ActivityKindEnum)
  kind: ActivityKind;

  @Field(() => DateResolver, {
    description: 'From this day the activity shows on the action list; it never moves.',
  })
  signalDate: string;

  @Field(() => DateResolver, { description: 'The activity must be handled before this day.' })
  deadline: string;

  @Field(() => ActivityStatusEnum)
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

  @Field(() => DateTimeResolver, { nullable: true })
  handledAt: Date | null;

  sickCaseId: string | null;
  personId: string;
}

/** Dossier owns SickCase; activities adds its trajectory. */
@Directive('@key(fields: "id")')
@ObjectType('SickCase')
export class SickCaseRef {
  @Field(() => ID)
  id: string;
}

/** Dossier owns Person; activities adds the person's activities. */
@Directive('@key(fields: "id")')
@ObjectType('Person')
export class PersonRef {
  @Field(() => ID)
  id: string;
}

@ObjectType('ActivityType', { description: 'An entry of the activity catalogue.' })
export class ActivityType {
  @Field(() => ID)
  code: string;

  @Field(() => ActivityTypeCategoryEnum)
  category: ActivityTypeCategory;

  @Field(() => String)
  title: string;

  @Field(() => ActivityRoleEnum)
  role: ActivityRole;

  @Field(() => ActivityKindEnum)
  kind: ActivityKind;
}
