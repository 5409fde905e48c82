import { readFileSync } from 'node:fs';
import { buildASTSchema, isObjectType, parse, type GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  composeSdl,
  composeSupergraph,
  staleSchemaFiles,
  supergraphPath,
  type CompositionOutcome,
} from '../src/index.js';

/** Names that would betray medical content; employers must never be able to ask for them. */
const MEDICAL = /diagnos|klacht|complaint|medical|medisch|illness|ziekte|symptom/i;

let outcome: CompositionOutcome;

beforeAll(async () => {
  outcome = await composeSupergraph();
});

/** The supergraph as an API schema (no join__ machinery), to look at types and fields. */
function apiSchema(sdl: string) {
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}

/** Which subgraphs contribute a field, read from the supergraph's @join__field directives. */
function owners(type: GraphQLObjectType, field: string): string[] {
  const node = type.getFields()[field]?.astNode;
  const joins = node?.directives?.filter((directive) => directive.name.value === 'join__field') ?? [];
  return joins.flatMap((directive) =>
    (directive.arguments ?? [])
      .filter((argument) => argument.name.value === 'graph' && argument.value.kind === 'EnumValue')
      .map((argument) => (argument.value as { value: string }).value.toLowerCase()),
  );
}

describe('supergraph composition', () => {
  it('composes the five subgraphs without errors', () => {
    expect(outcome.errors, `composition errors:\n${outcome.errors.join('\n')}`).toEqual([]);
    expect(outcome.supergraphSdl).toBeTruthy();
    expect(outcome.subgraphs.map((subgraph) => subgraph.name).sort()).toEqual([
      'activities',
      'agenda',
      'dossier',
      'identity',
      'reporting',
    ]);
  });

  it('matches the checked-in supergraph and subgraph SDL', () => {
    const stale = staleSchemaFiles(outcome);
    expect(stale, `stale checked-in schema (${stale.join(', ')}): run npm run compose`).toEqual([]);
    expect(readFileSync(supergraphPath, 'utf8')).toContain('join__Graph');
  });

  it('federates Person across dossier, identity, activities and agenda', () => {
    const person = apiSchema(outcome.supergraphSdl!).getType('Person');
    expect(person && isObjectType(person)).toBe(true);
    const type = person as GraphQLObjectType;
    const fields = type.getFields();
    for (const name of [
      'id',
      'firstName',
      'lastName',
      'fullName',
      'sickCases',
      'user',
      'activities',
      'appointments',
    ]) {
      expect(fields, `Person.${name}`).toHaveProperty(name);
    }
    expect(owners(type, 'fullName')).toEqual(['dossier']);
    expect(owners(type, 'user')).toEqual(['identity']);
    expect(owners(type, 'activities')).toEqual(['activities']);
    expect(owners(type, 'appointments')).toEqual(['agenda']);
  });

  it('extends SickCase with the activities of its trajectory', () => {
    const sickCase = apiSchema(outcome.supergraphSdl!).getType('SickCase') as GraphQLObjectType;
    expect(owners(sickCase, 'activities')).toEqual(['activities']);
    expect(owners(sickCase, 'firstSickDay')).toEqual(['dossier']);
  });

  it('offers no medical fields on the types employers read', () => {
    const schema = apiSchema(outcome.supergraphSdl!);
    for (const typeName of [
      'Person',
      'SickCase',
      'Employment',
      'Activity',
      'Appointment',
      'DurationClassCount',
    ]) {
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type)) continue;
      const medical = Object.keys(type.getFields()).filter((field) => MEDICAL.test(field));
      expect(medical, `${typeName} exposes medical fields`).toEqual([]);
    }
    const reportSickness = schema.getType('ReportSicknessInput');
    expect(reportSickness, 'ReportSicknessInput').toBeTruthy();
    const inputFields = Object.keys(
      (reportSickness as unknown as { getFields(): Record<string, unknown> }).getFields(),
    );
    expect(inputFields.filter((field) => MEDICAL.test(field))).toEqual([]);
  });

  it('routes each subgraph to its default local port unless overridden at run time', () => {
    expect(outcome.supergraphSdl).toMatch(
      /IDENTITY @join__graph\(name: "identity", url: "http:\/\/127\.0\.0\.1:4001\/graphql"\)/,
    );
    expect(outcome.supergraphSdl).toMatch(
      /REPORTING @join__graph\(name: "reporting", url: "http:\/\/127\.0\.0\.1:4005\/graphql"\)/,
    );
  });
});

describe('composition errors', () => {
  const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

  it('lists every error with its code instead of writing a supergraph', async () => {
    const failed = await composeSdl([
      {
        name: 'dossier',
        url: 'http://127.0.0.1:4002/graphql',
        sdl: `${link}\ntype Person @key(fields: "id") { id: ID! name: String! }\ntype Query { person: Person }`,
      },
      {
        name: 'agenda',
        url: 'http://127.0.0.1:4003/graphql',
        sdl: `${link}\ntype Person @key(fields: "id") { id: ID! name: Int }\ntype Query { other: Person }`,
      },
    ]);
    expect(failed.supergraphSdl).toBeNull();
    expect(failed.errors.length).toBeGreaterThan(0);
    expect(failed.errors.join('\n')).toMatch(/^[A-Z_]+: .*Person\.name/m);
  });

  it('names the subgraph whose SDL does not parse', async () => {
    const failed = await composeSdl([
      { name: 'reporting', url: 'http://127.0.0.1:4005/graphql', sdl: 'type Query {' },
    ]);
    expect(failed.supergraphSdl).toBeNull();
    expect(failed.errors[0]).toMatch(/^\[reporting\] SDL does not parse/);
  });
});
