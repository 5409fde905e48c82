/// <reference types="node" />
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as appointments from '../src/features/appointments/operations';
import * as dossiers from '../src/features/dossiers/operations';
import * as details from '../src/features/my-details/operations';
import * as signing from '../src/features/signing/operations';

const supergraphSdl = fs.readFileSync(path.resolve(__dirname, '../../../schema/supergraph.graphql'), 'utf8');
// Through SDL text: federation-internals uses graphql's CommonJS build, whose schema objects this
// (ESM) realm cannot validate against; its own printSchema turns the API schema into plain text.
const commonJsGraphql = createRequire(__filename)('graphql') as typeof import('graphql');
const apiSchema = buildSchema(
  commonJsGraphql.printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema()),
);

function operations(module: Record<string, unknown>): [string, DocumentNode][] {
  return Object.entries(module).filter(
    (entry): entry is [string, DocumentNode] =>
      typeof entry[1] === 'object' &&
      entry[1] !== null &&
      (entry[1] as DocumentNode).kind === 'Document' &&
      (entry[1] as DocumentNode).definitions.some((d) => d.kind === 'OperationDefinition'),
  );
}

describe('operations against the checked-in supergraph', () => {
  const all = [
    ...operations(dossiers),
    ...operations(appointments),
    ...operations(signing),
    ...operations(details),
  ];
  it('covers every screen', () => {
    expect(all.length).toBeGreaterThanOrEqual(11);
  });
  it.each(all)('%s is valid', (_name, document) => {
    expect(validate(apiSchema, document).map((error) => error.message)).toEqual([]);
  });
});
