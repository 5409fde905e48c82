import { ROLES, type Role } from '@poortwachter/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { UserEntity } from '../entities/index.js';

export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as { [R in Role]: R };
registerEnumType(RoleEnum, { name: 'Role', description: 'What a signed-in caller is, and so what they may see.' });

@ObjectType('User', { description: 'An account of the platform.' })
@Directive('@key(fields: "id")')
export class User {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Login name; case-sensitive.' })
  username: string;

  @Field(() => String)
  displayName: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'For employees: the person in the dossier they are.' })
  personId: string | null;
}

export function toUser(entity: UserEntity): User {
  return Object.assign(new User(), {
    id: entity.id,
    username: entity.username,
    displayName: entity.displayName,
    role: entity.role,
    personId: entity.personId,
  });
}

@ObjectType('LoginResult', { description: 'DEVELOPMENT LOGIN result (until issue #4 adds two-factor sessions).' })
export class LoginResult {
  @Field(() => String, { description: 'Bearer token for the gateway: `Authorization: Bearer <accessToken>`.' })
  accessToken: string;

  @Field(() => DateTimeResolver)
  expiresAt: Date;

  @Field(() => User)
  user: User;
}

@ObjectType('AccessLogEntry', { description: 'One access to personal data (NEN 7513): who, when, how and why.' })
export class AccessLogEntry {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeResolver)
  at: Date;

  @Field(() => String, { description: 'What happened, e.g. `person.read`, `sick-case.create`.' })
  event: string;

  @Field(() => String, { description: '`success`, `denied` or `failure`.' })
  outcome: string;

  @Field(() => String, { nullable: true, description: 'Display name of the user who accessed the data.' })
  actorName: string | null;

  @Field(() => String, { nullable: true, description: 'The role the actor acted in.' })
  role: string | null;

  @Field(() => String)
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
  @Field(() => ID)
  id: string;
}
