import { ROLES, type Role } from '@poortwachter/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { UserEntity } from '../entities/index.js';

export const TwoFactorMethodEnum = { TOTP: 'TOTP', SMS: 'SMS' } as const;
registerEnumType(TwoFactorMethodEnum, {
  name: 'TwoFactorMethod',
  description: 'Authenticator app (TOTP) or SMS code.',
  valuesConfig: {
    TOTP: { description: 'A 6-digit code from an authenticator app (TOTP, RFC 6238: SHA-1, 30-second steps).' },
    SMS: { description: 'A 6-digit code sent by SMS to the enrolled mobile number; valid for 5 minutes.' },
  },
});

export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as { [R in Role]: R };
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a signed-in caller is, and so what they may see.',
  valuesConfig: {
    EMPLOYEE: { description: 'An employee of a client employer: only their own data, in the employee portal.' },
    EMPLOYER: { description: 'HR or a manager of a client employer (werkgever): the units in their scope, never medical content.' },
    OCCUPATIONAL_PHYSICIAN: {
      description: 'Occupational physician (bedrijfsarts) of the arbodienst: the units in their scope, medical notes and documents included.',
    },
    CASE_MANAGER: { description: 'Case manager (casemanager) of the arbodienst: the units in their scope, without medical content.' },
    PLANNER: {
      description: 'Planner of the arbodienst: the units in their scope; may invite employees and employer users of their employers.',
    },
    ADMIN: { description: 'Administrator (beheerder) of the arbodienst: every unit, the accounts, the partner API clients and the protocol.' },
    API_CLIENT: {
      description: 'Partner software with an OAuth client-credentials token: one employer, limited to the granted scopes. Never a user account.',
    },
  },
});

@ObjectType('User', { description: 'An account of the platform.' })
@Directive('@key(fields: "id")')
export class User {
  @Field(() => ID, { description: 'Stable id of the user account.' })
  id: string;

  @Field(() => String, { description: 'Login name; case-sensitive.' })
  username: string;

  @Field(() => String, { description: 'Name as shown in the portal, e.g. "Peter Jansen (HR)".' })
  displayName: string;

  @Field(() => RoleEnum, {
    description: 'What the account may see and do. Changed only by an administrator (updateUserAccess), never to or from EMPLOYEE.',
  })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'For employees: the person in the dossier they are.' })
  personId: string | null;

  @Field(() => Boolean, { description: 'A blocked account cannot sign in; its sessions ended when it was blocked.' })
  blocked: boolean;

  /** The stored account, for the field resolvers that decide who may see what. Not a GraphQL field. */
  entity: UserEntity;
}

@ObjectType('UnitScope', { description: 'The organisational units a scoped account works in.' })
export class UnitScopeType {
  @Field(() => [ID], { description: 'Whole employers.' })
  employerIds: string[];

  @Field(() => [ID], { description: 'Divisions (with all their departments).' })
  divisionIds: string[];

  @Field(() => [ID], { description: 'Single departments.' })
  departmentIds: string[];
}

@ObjectType('UserPage', { description: 'One page of accounts and how many match in all.' })
export class UserPage {
  @Field(() => [User], { description: 'The accounts of this page.' })
  items: User[];

  @Field(() => Int, { description: 'All accounts matching the filter, over all pages.' })
  total: number;
}

@ObjectType('UserSettings', { description: 'Personal settings ("Mijn instellingen").' })
export class UserSettings {
  @Field(() => Int, { description: 'How many days ahead the action list looks (1–365; default 28).' })
  actionListDaysAhead: number;

  @Field(() => Boolean, { description: 'Whether the daily e-mail with due and overdue activities is sent (default true).' })
  dailyDigest: boolean;

  @Field(() => String, { description: 'Language of the portal and of mail: `nl` (default) or `en`.' })
  locale: string;
}

export function toUser(entity: UserEntity): User {
  return Object.assign(new User(), {
    id: entity.id,
    username: entity.username,
    displayName: entity.displayName,
    role: entity.role,
    personId: entity.personId,
    blocked: entity.blocked,
    entity,
  });
}

@ObjectType('AccessLogEntry', { description: 'One access to personal data (NEN 7513): who, when, how and why.' })
export class AccessLogEntry {
  @Field(() => ID, { description: 'Stable id of the log entry.' })
  id: string;

  @Field(() => DateTimeResolver, { description: 'When the data was accessed.' })
  at: Date;

  @Field(() => String, { description: 'What happened, e.g. `person.read`, `sick-case.create`.' })
  event: string;

  @Field(() => String, { description: '`success`, `denied` or `failure`.' })
  outcome: string;

  @Field(() => String, { nullable: true, description: 'Display name of the user who accessed the data.' })
  actorName: string | null;

  @Field(() => String, { nullable: true, description: 'The role the actor acted in.' })
  role: string | null;

  @Field(() => String, { description: 'Why the data was accessed, e.g. `care`, `account administration`, `transparency`.' })
  purpose: string;

  @Field(() => String, { description: 'The operation through which the data was reached.' })
  accessPoint: string;

  @Field(() => String, { description: 'The part of the platform that served the data.' })
  source: string;
}

/** Dossier owns Person; identity only adds `user`. */
@ObjectType('Person')
@Directive('@key(fields: "id")')
export class PersonRef {
  @Field(() => ID, { description: 'Stable id of the person.' })
  id: string;
}
