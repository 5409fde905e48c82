import {
  ACTIONS,
  AUTHORIZATION_TABLE,
  EMPLOYER_FACING_ROLES,
  MEDICAL_FIELDS,
  NOT_MEDICAL_FIELDS,
  OBJECT_TYPES,
  SCHEMA_TYPE_OBJECTS,
  operationRows,
} from '@poortwachter/kit';
import { readSupergraph } from '@poortwachter/schema';
import { buildASTSchema, getNamedType, isObjectType, parse, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * The authorization table (services/kit/src/authorization-table.ts) against the supergraph: every
 * operation, object type and cross-object field has a row, and no medical field is open to a role
 * on the employer side. Fails the build when the schema grows without the table.
 */
const MACHINERY = /^(__|join__|link__|_Service|_Entity|_Any)/;
const MEDICAL = /diagnos|klacht|complaint|medical|medisch|illness|symptom|capacity|treatment/i;

function apiSchema(): GraphQLSchema {
  return buildASTSchema(parse(readSupergraph()), { assumeValidSDL: true });
}

function objectTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType =>
      isObjectType(type) && !MACHINERY.test(type.name) && type.name !== 'Query' && type.name !== 'Mutation',
  );
}

const rows = operationRows();

describe('the authorization table covers the supergraph', () => {
  const schema = apiSchema();

  it('has a row for every root operation (Query and Mutation field)', () => {
    const missing: string[] = [];
    for (const root of ['Query', 'Mutation'] as const) {
      const type = schema.getType(root) as GraphQLObjectType;
      for (const field of Object.keys(type.getFields())) {
        if (field.startsWith('_')) continue;
        if (!rows.has(`${root}.${field}`)) missing.push(`${root}.${field}`);
      }
    }
    expect(missing, `operations without a row in AUTHORIZATION_TABLE: ${missing.join(', ')}`).toEqual([]);
  });

  it('names no operation that is not in the supergraph (no stale rows)', () => {
    const stale = [...rows.keys()].filter((operation) => {
      if (operation.includes(' ')) return false; // HTTP routes beside GraphQL, e.g. GET /files/...
      const [typeName, field] = operation.split('.');
      const type = schema.getType(typeName!);
      return !type || !isObjectType(type) || !(field! in type.getFields());
    });
    expect(stale).toEqual([]);
  });

  it('maps every object type to an object row', () => {
    const missing = objectTypes(schema)
      .map((type) => type.name)
      .filter((name) => !(name in SCHEMA_TYPE_OBJECTS));
    expect(missing, `types without a row in SCHEMA_TYPE_OBJECTS: ${missing.join(', ')}`).toEqual([]);
    for (const object of Object.values(SCHEMA_TYPE_OBJECTS)) {
      if (object !== 'value') expect(OBJECT_TYPES).toContain(object);
    }
  });

  it('has a row for every field that leads from one object to another', () => {
    const missing: string[] = [];
    for (const type of objectTypes(schema)) {
      const from = SCHEMA_TYPE_OBJECTS[type.name];
      for (const [name, field] of Object.entries(type.getFields())) {
        const target = getNamedType(field.type);
        if (!isObjectType(target)) continue;
        const to = SCHEMA_TYPE_OBJECTS[target.name];
        if (!to || to === 'value' || to === from || from === 'value') continue;
        if (!rows.has(`${type.name}.${name}`)) missing.push(`${type.name}.${name} (${from} → ${to})`);
      }
    }
    expect(missing, `cross-object fields without a row: ${missing.join(', ')}`).toEqual([]);
  });

  it('gives every row a valid reach and no planner grant on documents or notes', () => {
    for (const object of OBJECT_TYPES) {
      for (const action of ACTIONS) {
        const rule = AUTHORIZATION_TABLE[object][action];
        if (!rule) continue;
        for (const reach of Object.values(rule.roles)) expect(['none', 'own', 'self', 'units', 'all']).toContain(reach);
        if (object.startsWith('document') || object.startsWith('note')) expect(rule.roles.PLANNER ?? 'none').toBe('none');
      }
    }
  });
});

describe('the medical rule, walked over the supergraph', () => {
  const schema = apiSchema();

  it('knows every field whose name or description speaks of medical content', () => {
    const unknown: string[] = [];
    for (const type of objectTypes(schema)) {
      for (const [name, field] of Object.entries(type.getFields())) {
        const key = `${type.name}.${name}`;
        if (!MEDICAL.test(name) && !MEDICAL.test(field.description ?? '')) continue;
        if (key in MEDICAL_FIELDS || key in NOT_MEDICAL_FIELDS || `${type.name}.*` in NOT_MEDICAL_FIELDS) continue;
        unknown.push(key);
      }
    }
    expect(unknown, `fields that may carry medical content without a decision: ${unknown.join(', ')}`).toEqual([]);
  });

  it('opens no medical field to a role on the employer side (employer, casemanager, planner, admin, partner)', () => {
    const open: string[] = [];
    for (const [field, { object }] of Object.entries(MEDICAL_FIELDS)) {
      const [typeName, fieldName] = field.split('.');
      const type = schema.getType(typeName!);
      expect(type && isObjectType(type) && fieldName! in type.getFields(), `${field} is in the supergraph`).toBe(true);
      for (const action of ['read', 'list'] as const) {
        const rule = AUTHORIZATION_TABLE[object][action];
        if (!rule) continue;
        for (const role of EMPLOYER_FACING_ROLES) {
          if (role === 'API_CLIENT' ? rule.partnerScope : (rule.roles[role] ?? 'none') !== 'none') open.push(`${field} ${action} ${role}`);
        }
      }
    }
    expect(open).toEqual([]);
  });

  it('keeps medical words out of every type an employer reaches, except the guarded fields', () => {
    // Walk from the root fields an EMPLOYER may use (per the table) through every object field.
    const employerRoots = [...rows.entries()]
      .filter(([, cells]) => cells.some(({ object, action }) => (AUTHORIZATION_TABLE[object][action]?.roles.EMPLOYER ?? 'none') !== 'none'))
      .map(([operation]) => operation)
      .filter((operation) => operation.startsWith('Query.') || operation.startsWith('Mutation.'));
    const seen = new Set<string>();
    const queue: GraphQLObjectType[] = [];
    for (const operation of employerRoots) {
      const [root, name] = operation.split('.');
      const field = (schema.getType(root!) as GraphQLObjectType).getFields()[name!];
      const target = field && getNamedType(field.type);
      if (target && isObjectType(target)) queue.push(target);
    }
    const leaks: string[] = [];
    while (queue.length > 0) {
      const type = queue.pop()!;
      if (seen.has(type.name)) continue;
      seen.add(type.name);
      for (const [name, field] of Object.entries(type.getFields())) {
        const key = `${type.name}.${name}`;
        if (MEDICAL.test(name) && !(key in MEDICAL_FIELDS)) leaks.push(key);
        const target = getNamedType(field.type);
        if (isObjectType(target)) queue.push(target);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
    expect(leaks, `medical-looking fields reachable by an employer: ${leaks.join(', ')}`).toEqual([]);
  });
});
