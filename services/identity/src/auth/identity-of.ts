import type { Identity } from '@poortwachter/kit';
import type { UserEntity } from '../entities/index.js';

/** What a user's access token says about them: who, which role, which units, which person. */
export function identityOf(user: UserEntity): Identity {
  const identity: Identity = {
    sub: user.id,
    role: user.role,
    scope: { employerIds: user.employerIds, divisionIds: user.divisionIds, departmentIds: user.departmentIds },
  };
  if (user.personId) identity.personId = user.personId;
  return identity;
}
