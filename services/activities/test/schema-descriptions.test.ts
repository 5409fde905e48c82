import { subgraphSdl } from '@poortwachter/kit';
import {
  Kind,
  parse,
  type DocumentNode,
  type EnumValueDefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { service } from '../src/index.js';

/** Federation machinery, not part of the partner API. */
const BUILT_IN = /^(_|link__|federation__|join__)/;

let document: DocumentNode;

beforeAll(async () => {
  const dataSource = service.createDataSource('postgres://sdl-only');
  document = parse(subgraphSdl(await service.buildSchema({ dataSource, bus: null })));
});

/**
 * The explorer is the partner documentation: every type, field, argument, input field and enum
 * value the activities subgraph contributes must say what it means.
 */
function undocumented(doc: DocumentNode): string[] {
  const missing: string[] = [];
  const has = (node: { description?: { value: string } | undefined }) => (node.description?.value.trim().length ?? 0) > 0;
  const checkArgs = (path: string, args: readonly InputValueDefinitionNode[] | undefined) => {
    for (const arg of args ?? []) if (!has(arg)) missing.push(`${path}(${arg.name.value})`);
  };
  for (const definition of doc.definitions) {
    if (!('name' in definition) || !definition.name || BUILT_IN.test(definition.name.value)) continue;
    const type = definition.name.value;
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        for (const field of (definition.fields ?? []) as readonly (FieldDefinitionNode | InputValueDefinitionNode)[]) {
          if (BUILT_IN.test(field.name.value)) continue;
          if (!has(field)) missing.push(`${type}.${field.name.value}`);
          if ('arguments' in field) checkArgs(`${type}.${field.name.value}`, field.arguments);
        }
        break;
      case Kind.ENUM_TYPE_DEFINITION:
        if (!has(definition)) missing.push(type);
        for (const value of (definition.values ?? []) as readonly EnumValueDefinitionNode[]) {
          if (!has(value)) missing.push(`${type}.${value.name.value}`);
        }
        break;
      default:
        break;
    }
    if (
      (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || definition.kind === Kind.SCALAR_TYPE_DEFINITION) &&
      !has(definition)
    ) {
      missing.push(type);
    }
  }
  return missing;
}

describe('activities SDL', () => {
  it('documents every field, argument, input field and enum value for the explorer', () => {
    expect(undocumented(document)).toEqual([]);
  });

  it('the check itself finds a missing description', () => {
    const sample = parse(`
      type Query { a: Int, """ok""" b(x: Int): Int }
      """ok""" enum E { """ok""" A B }
      input I { c: Int }`);
    expect(undocumented(sample)).toEqual(['Query.a', 'Query.b(x)', 'E.B', 'I.c', 'I']);
  });
});
