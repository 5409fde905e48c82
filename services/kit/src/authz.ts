import type { Identity, Role, UnitRef, UnitScope } from './roles.js';
import { EMPTY_SCOPE } from './roles.js';
import { forbidden, unauthenticated } from './errors.js';

/** Roles that work within organisational units and never see medical content. */
const UNIT_SCOPED_ROLES: readonly Role[] = ['EMPLOYER', 'CASE_MANAGER', 'PLANNER', 'OCCUPATIONAL_PHYSICIAN', 'API_CLIENT'];

/**
 * The caller as every subgraph sees it. All authorization rules live here so that a rule is
 * written once and applied the same way in every subgraph that owns data.
 */
export class Actor {
  constructor(public readonly identity: Identity | null) {}

  static anonymous(): Actor {
    return new Actor(null);
  }

  get isAuthenticated(): boolean {
    return this.identity !== null;
  }

  get role(): Role | null {
    return this.identity?.role ?? null;
  }

  get userId(): string | null {
    return this.identity?.sub ?? null;
  }

  get scope(): UnitScope {
    return this.identity?.scope ?? EMPTY_SCOPE;
  }

  /** Throws UNAUTHENTICATED for anonymous callers; returns the identity otherwise. */
  require(): Identity {
    if (!this.identity) throw unauthenticated();
    return this.identity;
  }

  hasRole(...roles: Role[]): boolean {
    return this.identity !== null && roles.includes(this.identity.role);
  }

  requireRole(...roles: Role[]): Identity {
    const identity = this.require();
    if (!roles.includes(identity.role)) throw forbidden();
    return identity;
  }

  /** Partner clients need an explicit OAuth scope; signed-in users are governed by their role. */
  hasApiScope(apiScope: string): boolean {
    if (!this.identity) return false;
    if (this.identity.role !== 'API_CLIENT') return true;
    return this.identity.apiScopes?.includes(apiScope) ?? false;
  }

  requireApiScope(apiScope: string): void {
    this.require();
    if (!this.hasApiScope(apiScope)) throw forbidden(`the API without the scope ${apiScope}`);
  }

  /** Sees everything: the arbodienst administrator. */
  get seesAllUnits(): boolean {
    return this.hasRole('ADMIN');
  }

  /** Whether a unit-scoped caller's scope covers the unit (employer, division or department level). */
  coversUnit(unit: UnitRef): boolean {
    if (this.seesAllUnits) return true;
    if (!this.identity || !UNIT_SCOPED_ROLES.includes(this.identity.role)) return false;
    const scope = this.scope;
    return (
      scope.employerIds.includes(unit.employerId) ||
      (!!unit.divisionId && scope.divisionIds.includes(unit.divisionId)) ||
      (!!unit.departmentId && scope.departmentIds.includes(unit.departmentId))
    );
  }

  /**
   * Whether the caller may see the (non-medical) data of a person placed in the given units.
   * Employees see only themselves; the units are those of the person's employments.
   */
  canSeePerson(personId: string, units: readonly UnitRef[]): boolean {
    if (!this.identity) return false;
    if (this.identity.role === 'EMPLOYEE') return this.identity.personId === personId;
    return units.some((unit) => this.coversUnit(unit));
  }

  /** Medical content is a separate access domain: only the bedrijfsarts, within scope. */
  canSeeMedical(unit: UnitRef): boolean {
    return this.hasRole('OCCUPATIONAL_PHYSICIAN') && this.coversUnit(unit);
  }

  /**
   * A filter to put into SQL for list queries: `all`, `none`, or the ids that bound the result.
   * Lists are filtered in the database rather than after loading, so page sizes stay right.
   */
  unitFilter(): { kind: 'all' } | { kind: 'none' } | { kind: 'person'; personId: string } | ({ kind: 'units' } & UnitScope) {
    if (!this.identity) return { kind: 'none' };
    if (this.seesAllUnits) return { kind: 'all' };
    if (this.identity.role === 'EMPLOYEE') {
      return this.identity.personId ? { kind: 'person', personId: this.identity.personId } : { kind: 'none' };
    }
    if (!UNIT_SCOPED_ROLES.includes(this.identity.role)) return { kind: 'none' };
    return { kind: 'units', ...this.scope };
  }
}
