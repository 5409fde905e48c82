import { readFileSync } from 'node:fs';
import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type EnumValueDefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type StringValueNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { readSupergraph, subgraphSdlPath } from '../src/index.js';

/**
 * The subgraphs whose checked-in SDL (schema/subgraphs/<name>.graphql) must document every type,
 * field, argument, input field and enum value: the API explorer shows the composed schema and is the
 * partner developers' documentation.
 */
const DOCUMENTED_SUBGRAPHS = ['dossier', 'identity', 'agenda', 'reporting', 'activities'] as const;

/** Federation machinery (directives, link__/join__ types, _entities, _service), not part of the partner API. */
const BUILT_IN = /^(_|link__|federation__|join__)/;

/** Root operation types: their fields are documented one by one; the type itself needs no text. */
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

type Described = { readonly description?: StringValueNode | undefined };

const described = (node: Described) => (node.description?.value.trim().length ?? 0) > 0;

const isEntity = (directives: readonly ConstDirectiveNode[] | undefined) =>
  (directives ?? []).some((directive) => directive.name.value === 'key');

/** Type names (scalars excluded) that carry a description in the given SDL. */
function describedTypes(doc: DocumentNode): Set<string> {
  const names = new Set<string>();
  for (const definition of doc.definitions) {
    if ('name' in definition && definition.name && 'description' in definition && described(definition)) {
      names.add(definition.name.value);
    }
  }
  return names;
}

/**
 * Everything in one subgraph's SDL that lacks a description, as `Type`, `Type.field`,
 * `Type.field(argument)`, `Input.field` or `Enum.VALUE`.
 *
 * An entity (a type with @key) may be described by whichever subgraph owns it: composition carries that
 * description into the explorer. So an entity's own description is looked up in `describedElsewhere`
 * (the composed supergraph's described types) when this subgraph does not describe it; its fields and
 * arguments are always checked here, as each subgraph contributes its own.
 */
function undocumented(doc: DocumentNode, describedElsewhere: ReadonlySet<string> = new Set()): string[] {
  const missing: string[] = [];
  const checkType = (
    definition: DefinitionNode & Described & { name: { value: string } },
    entity: boolean,
  ) => {
    const type = definition.name.value;
    if (ROOT_TYPES.has(type) || described(definition)) return;
    if (entity && describedElsewhere.has(type)) return;
    missing.push(type);
  };
  const checkInputs = (
    inputs: readonly InputValueDefinitionNode[] | undefined,
    format: (name: string) => string,
  ) => {
    for (const input of inputs ?? []) if (!described(input)) missing.push(format(input.name.value));
  };
  for (const definition of doc.definitions) {
    if (!('name' in definition) || !definition.name || BUILT_IN.test(definition.name.value)) continue;
    const type = definition.name.value;
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_DEFINITION:
        checkType(definition, isEntity(definition.directives));
        for (const field of (definition.fields ?? []) as readonly FieldDefinitionNode[]) {
          if (BUILT_IN.test(field.name.value)) continue;
          if (!described(field)) missing.push(`${type}.${field.name.value}`);
          checkInputs(field.arguments, (argument) => `${type}.${field.name.value}(${argument})`);
        }
        break;
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        for (const field of (definition.fields ?? []) as readonly FieldDefinitionNode[]) {
          if (BUILT_IN.test(field.name.value)) continue;
          if (!described(field)) missing.push(`${type}.${field.name.value}`);
          checkInputs(field.arguments, (argument) => `${type}.${field.name.value}(${argument})`);
        }
        break;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        checkType(definition, false);
        checkInputs(definition.fields, (field) => `${type}.${field}`);
        break;
      case Kind.ENUM_TYPE_DEFINITION:
        checkType(definition, false);
        for (const value of (definition.values ?? []) as readonly EnumValueDefinitionNode[]) {
          if (!described(value)) missing.push(`${type}.${value.name.value}`);
        }
        break;
      case Kind.UNION_TYPE_DEFINITION:
        checkType(definition, false);
        break;
      default:
        // Scalars (DateTime, JSON, …) and directive definitions are exempt.
        break;
    }
  }
  return missing;
}

describe('partner documentation in the subgraph SDL', () => {
  const describedInSupergraph = describedTypes(parse(readSupergraph()));

  it.each(DOCUMENTED_SUBGRAPHS)(
    '%s documents every type, field, argument, input field and enum value',
    (name) => {
      const doc = parse(readFileSync(subgraphSdlPath(name), 'utf8'));
      const missing = undocumented(doc, describedInSupergraph);
      expect(missing, `${name} lacks descriptions for: ${missing.join(', ')}`).toEqual([]);
    },
  );

  it('the check itself finds every kind of missing description', () => {
    const sample = parse(`
      scalar DateTime
      type Query { a: Int, """ok""" b(x: Int, """ok""" y: Int): Int }
      type Thing { """ok""" id: ID! }
      """ok""" enum E { """ok""" A B }
      input I { c: Int }
      type Owned @key(fields: "id") { """ok""" id: ID! }
      type Elsewhere @key(fields: "id") { id: ID! }
      extend type Query { c: Int }`);
    expect(undocumented(sample, new Set(['Elsewhere']))).toEqual([
      'Query.a',
      'Query.b(x)',
      'Thing',
      'E.B',
      'I',
      'I.c',
      'Owned',
      'Elsewhere.id',
      'Query.c',
    ]);
  });

  it('accepts a fully documented SDL', () => {
    const sample = parse(`
      type Query { """ok""" a("""ok""" x: Int): Int }
      """ok""" enum E { """ok""" A }
      """ok""" input I { """ok""" c: Int }`);
    expect(undocumented(sample)).toEqual([]);
  });
});
