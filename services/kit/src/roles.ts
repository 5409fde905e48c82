export const ROLES = [
  'EMPLOYEE',
  'EMPLOYER',
  'OCCUPATIONAL_PHYSICIAN',
  'CASE_MANAGER',
  'PLANNER',
  'ADMIN',
  'API_CLIENT',
] as const;
export type Role = (typeof ROLES)[number];

/** The organisational units a scoped role may see. An empty scope sees nothing. */
export interface UnitScope {
  employerIds: string[];
  divisionIds: string[];
  departmentIds: string[];
}

/** The placement of a person (or anything belonging to one) in the organisation. */
export interface UnitRef {
  employerId: string;
  divisionId?: string | null;
  departmentId?: string | null;
}

/**
 * What the gateway tells a subgraph about the caller. Deliberately minimal: ids and scope, never
 * names or other personal data.
 */
export interface Identity {
  /** User id, or the API client id for partner software. */
  sub: string;
  role: Role;
  /** For EMPLOYEE: the one person they are. */
  personId?: string;
  scope?: UnitScope;
  /** For API_CLIENT: the OAuth scopes granted, e.g. `persons:read`. */
  apiScopes?: string[];
  sessionId?: string;
  onBehalfOf?: string;
}

export const EMPTY_SCOPE: UnitScope = { employerIds: [], divisionIds: [], departmentIds: [] };
