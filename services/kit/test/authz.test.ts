import { describe, expect, it } from 'vitest';
import { Actor } from '../src/authz.js';
import type { Identity, UnitRef } from '../src/roles.js';

const unitA: UnitRef = { employerId: 'emp-a', divisionId: 'div-a1', departmentId: 'dep-a1' };
const unitA2: UnitRef = { employerId: 'emp-a', divisionId: 'div-a2', departmentId: 'dep-a2' };
const unitB: UnitRef = { employerId: 'emp-b', divisionId: 'div-b1', departmentId: 'dep-b1' };
const scope = (partial: Partial<NonNullable<Identity['scope']>>) => ({ employerIds: [], divisionIds: [], departmentIds: [], ...partial });

describe('Actor', () => {
  it('an employer scoped to an employer sees its units and not another employer', () => {
    const actor = new Actor({ sub: 'u', role: 'EMPLOYER', scope: scope({ employerIds: ['emp-a'] }) });
    expect(actor.coversUnit(unitA)).toBe(true);
    expect(actor.coversUnit(unitA2)).toBe(true);
    expect(actor.coversUnit(unitB)).toBe(false);
    expect(actor.canSeePerson('p', [unitB])).toBe(false);
    expect(actor.canSeePerson('p', [unitB, unitA])).toBe(true);
  });

  it('a department-scoped employer sees only that department', () => {
    const actor = new Actor({ sub: 'u', role: 'EMPLOYER', scope: scope({ departmentIds: ['dep-a1'] }) });
    expect(actor.coversUnit(unitA)).toBe(true);
    expect(actor.coversUnit(unitA2)).toBe(false);
  });

  it('an employee sees only their own person, whatever the units', () => {
    const actor = new Actor({ sub: 'u', role: 'EMPLOYEE', personId: 'me' });
    expect(actor.canSeePerson('me', [])).toBe(true);
    expect(actor.canSeePerson('colleague', [unitA])).toBe(false);
    expect(actor.unitFilter()).toEqual({ kind: 'person', personId: 'me' });
  });

  it('employers never see medical content; the bedrijfsarts does within scope', () => {
    expect(new Actor({ sub: 'u', role: 'EMPLOYER', scope: scope({ employerIds: ['emp-a'] }) }).canSeeMedical(unitA)).toBe(false);
    expect(new Actor({ sub: 'u', role: 'CASE_MANAGER', scope: scope({ employerIds: ['emp-a'] }) }).canSeeMedical(unitA)).toBe(false);
    const physician = new Actor({ sub: 'u', role: 'OCCUPATIONAL_PHYSICIAN', scope: scope({ employerIds: ['emp-a'] }) });
    expect(physician.canSeeMedical(unitA)).toBe(true);
    expect(physician.canSeeMedical(unitB)).toBe(false);
  });

  it('anonymous callers see nothing and are asked to authenticate', () => {
    const actor = Actor.anonymous();
    expect(actor.unitFilter()).toEqual({ kind: 'none' });
    expect(() => actor.require()).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
  });

  it('partner clients need the API scope; users are governed by role', () => {
    const client = new Actor({ sub: 'c', role: 'API_CLIENT', apiScopes: ['persons:read'], scope: scope({ employerIds: ['emp-a'] }) });
    expect(client.hasApiScope('persons:read')).toBe(true);
    expect(() => client.requireApiScope('sickcases:write')).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }));
    expect(new Actor({ sub: 'u', role: 'EMPLOYER' }).hasApiScope('sickcases:write')).toBe(true);
  });

  it('requireRole refuses other roles with FORBIDDEN', () => {
    expect(() => new Actor({ sub: 'u', role: 'EMPLOYEE', personId: 'p' }).requireRole('ADMIN')).toThrow(
      expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }),
    );
    expect(new Actor({ sub: 'u', role: 'ADMIN' }).unitFilter()).toEqual({ kind: 'all' });
  });
});
