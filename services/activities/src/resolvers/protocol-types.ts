import { DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MAX_PROTOCOL_DAY, MAX_PROTOCOL_TITLE_LENGTH } from '../domain/protocol-admin.js';
import type { ActivityKind, ActivityRole, ProtocolTrigger } from '../domain/protocol.js';
import { ActivityKindEnum, ActivityRoleEnum } from './types.js';

export const ProtocolTriggerEnum = {
  SICK_REPORT: 'SICK_REPORT',
  FREQUENT_3: 'FREQUENT_3',
  FREQUENT_4: 'FREQUENT_4',
} as const satisfies Record<ProtocolTrigger, ProtocolTrigger>;
registerEnumType(ProtocolTriggerEnum, {
  name: 'ProtocolTrigger',
  description: 'What makes a protocol row create an activity. Fixed per row; an administrator cannot change it.',
  valuesConfig: {
    SICK_REPORT: {
      description: "Every sick report's term; the days count from its first sick day (day 0), later by the days not sick in between.",
    },
    FREQUENT_3: { description: 'The third sick report of a person within twelve months; the days count from that report.' },
    FREQUENT_4: { description: 'The fourth sick report of a person within twelve months; the days count from that report.' },
  },
});

/** Dossier owns Employer; activities only refers to it. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Employer')
export class EmployerRef {
  @Field(() => ID, { description: 'Stable id of the employer (client organisation).' })
  id: string;
}

/** Identity owns User; activities only refers to it. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('User')
export class UserRef {
  @Field(() => ID, { description: 'Stable id of the user account.' })
  id: string;
}

@ObjectType('ProtocolRow', {
  description: 'One step of the Poortwachter protocol: who does what, from which day after day 0, before which day.',
})
export class ProtocolRowObject {
  @Field(() => ID, { description: 'Id of this row in this protocol version; a new version gets new row ids.' })
  id: string;

  @Field(() => String, { description: 'Stable code of the step, the same in every version and every employer protocol.' })
  code: string;

  @Field(() => Int, { description: 'Order of the step in the protocol.' })
  position: number;

  @Field(() => String, { description: 'Title in Dutch; the activities created from the row get it.' })
  title: string;

  @Field(() => ActivityRoleEnum, { description: 'Who carries out the activities of this row.' })
  role: ActivityRole;

  @Field(() => ActivityKindEnum, { description: 'The kind the activities of this row get.' })
  kind: ActivityKind;

  @Field(() => Int, { description: 'Days after day 0 on which the activity appears on the action list (its signal date).' })
  signalDay: number;

  @Field(() => Int, { description: 'Days after day 0 before which the activity must be handled (its deadline); never before the signal day.' })
  deadlineDay: number;

  @Field(() => ProtocolTriggerEnum, { description: 'What makes this row create an activity.' })
  trigger: ProtocolTrigger;

  @Field(() => Boolean, {
    description: "True when the employer's own protocol sets this row; false when it follows the standard (always false in the standard).",
  })
  overridden: boolean;

  @Field(() => ProtocolRowObject, {
    nullable: true,
    description: 'The standard row this one deviates from, when overridden; null otherwise.',
  })
  standardRow: ProtocolRowObject | null;
}

@ObjectType('ProtocolVersion', { description: 'One version of a protocol: who made it, when, and what changed.' })
export class ProtocolVersionObject {
  @Field(() => Int, { description: 'Version number, counting from 1 per protocol owner (the standard, or one employer).' })
  version: number;

  @Field(() => DateTimeResolver, { description: 'When the version was made; it applies to sick reports received from then on.' })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'What changed against the previous version, in Dutch.' })
  summary: string | null;

  @Field(() => UserRef, {
    nullable: true,
    description: 'The administrator who made the version; null for versions shipped with the product.',
  })
  changedBy: UserRef | null;
}

@ObjectType('Protocol', {
  description:
    'The Poortwachter protocol that creates the activities of a sick trajectory: the standard (manual, Bijlage II), or ' +
    "an employer's, which follows the standard except for the rows it sets itself. Changes make a new version and apply " +
    'to sick reports received after the change only; activities already created keep their dates.',
})
export class ProtocolObject {
  @Field(() => ID, { description: 'Stable id of the protocol owner: "standard", or "employer:" followed by the employer id.' })
  id: string;

  @Field(() => EmployerRef, { nullable: true, description: 'The employer whose protocol this is; null for the standard protocol.' })
  employer: EmployerRef | null;

  @Field(() => Boolean, { description: 'True for the standard protocol.' })
  isStandard: boolean;

  @Field(() => Int, {
    description:
      "The owner's newest version number (0 for an employer without rows of its own). Pass it as expectedVersion when changing the protocol.",
  })
  version: number;

  @Field(() => Int, { description: 'The version of the standard protocol the rows that are not overridden come from.' })
  standardVersion: number;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the owner's newest version was made; null when there is none." })
  changedAt: Date | null;

  @Field(() => [ProtocolRowObject], { description: 'The rows in force, in protocol order.' })
  rows: ProtocolRowObject[];

  employerId: string | null;
}

const EXPECTED_VERSION =
  'Optional optimistic check: the version you based the change on (Protocol.version). A different current version: PROTOCOL_VERSION_CONFLICT, nothing changed.';

@InputType('UpdateProtocolRowInput', {
  description:
    'Changes one protocol row. Omitted fields keep their value. Makes a new protocol version that applies to sick reports received ' +
    'from now on; existing activities do not change.',
})
export class UpdateProtocolRowInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The employer whose own protocol to change; omit to change the standard. Unknown: EMPLOYER_NOT_FOUND. An employer's row that becomes equal to the standard follows the standard again.",
  })
  employerId?: string | null;

  @Field(() => String, { description: 'Code of the row (ProtocolRow.code). Unknown: PROTOCOL_ROW_NOT_FOUND.' })
  code: string;

  @Field(() => String, {
    nullable: true,
    description: `New title, 1–${MAX_PROTOCOL_TITLE_LENGTH} characters (empty: PROTOCOL_TITLE_REQUIRED; longer: TEXT_TOO_LONG).`,
  })
  title?: string | null;

  @Field(() => ActivityRoleEnum, { nullable: true, description: 'New role that carries out the activities.' })
  role?: ActivityRole | null;

  @Field(() => ActivityKindEnum, { nullable: true, description: 'New kind of the activities.' })
  kind?: ActivityKind | null;

  @Field(() => Int, {
    nullable: true,
    description: `New signal day, 0–${MAX_PROTOCOL_DAY} days after day 0 (else INVALID_PROTOCOL_DAY).`,
  })
  signalDay?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `New deadline day, 0–${MAX_PROTOCOL_DAY} (else INVALID_PROTOCOL_DAY) and not before the signal day (else DEADLINE_BEFORE_SIGNAL_DAY).`,
  })
  deadlineDay?: number | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION })
  expectedVersion?: number | null;
}

@InputType('ResetProtocolRowInput', {
  description: "Puts one row of an employer's protocol back to the standard (a new version; nothing happens when it already follows the standard).",
})
export class ResetProtocolRowInput {
  @Field(() => ID, { description: 'The employer. Unknown: EMPLOYER_NOT_FOUND.' })
  employerId: string;

  @Field(() => String, { description: 'Code of the row. Unknown: PROTOCOL_ROW_NOT_FOUND.' })
  code: string;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION })
  expectedVersion?: number | null;
}

@InputType('ResetProtocolInput', {
  description: "Puts every row of an employer's protocol back to the standard (a new version without rows of its own).",
})
export class ResetProtocolInput {
  @Field(() => ID, { description: 'The employer. Unknown: EMPLOYER_NOT_FOUND.' })
  employerId: string;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION })
  expectedVersion?: number | null;
}

@ArgsType()
export class ProtocolArgs {
  @Field(() => ID, {
    nullable: true,
    description: "An employer: its protocol in force (the standard with the employer's own rows). Omit for the standard protocol.",
  })
  employerId?: string | null;
}

@ArgsType()
export class ProtocolHistoryArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'At most this many versions, newest first (1–100).' })
  limit?: number | null;
}
