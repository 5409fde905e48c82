import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph, schemaFiles, staleSchemaFiles } from './index.js';

/**
 * `npm run compose`: writes schema/supergraph.graphql and schema/subgraphs/<name>.graphql.
 * `--check` (part of the build): fails on composition errors and only warns when the checked-in
 * files are stale, so a subgraph change does not block building; the schema test fails on it.
 */
async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const outcome = await composeSupergraph();
  if (outcome.errors.length > 0 || !outcome.supergraphSdl) {
    console.error(`Supergraph composition failed with ${outcome.errors.length} error(s):`);
    for (const error of outcome.errors) console.error(`  - ${error}`);
    return 1;
  }
  for (const hint of outcome.hints) console.warn(`  composition hint: ${hint}`);
  const stale = staleSchemaFiles(outcome);
  if (check) {
    if (stale.length > 0)
      console.warn(
        `The checked-in schema is out of date (schema/${stale.join(', schema/')}): run npm run compose`,
      );
    else console.log('Supergraph composes; the checked-in files are up to date.');
    return 0;
  }
  for (const [file, text] of schemaFiles(outcome)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  console.log(
    stale.length > 0
      ? `Supergraph composed; wrote schema/${stale.join(', schema/')}`
      : 'Supergraph composed; nothing changed.',
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
