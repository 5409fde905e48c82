import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServiceName } from '@poortwachter/kit';
import type { CompositionOutcome, SubgraphDefinition } from './composition.js';

export type { CompositionOutcome, SubgraphDefinition } from './composition.js';

/** The package root (dist/.. or src/..): the checked-in files live there, next to package.json. */
const packageRoot = path.resolve(__dirname, '..');

/** The supergraph composed ahead of time and checked in; the gateway reads it at start. */
export const supergraphPath = path.join(packageRoot, 'supergraph.graphql');

/** Each subgraph's SDL as composed, checked in for review. */
export function subgraphSdlPath(name: ServiceName | string): string {
  return path.join(packageRoot, 'subgraphs', `${name}.graphql`);
}

/** The checked-in supergraph SDL. */
export function readSupergraph(): string {
  try {
    return readFileSync(supergraphPath, 'utf8');
  } catch (error) {
    throw new Error(`The supergraph ${supergraphPath} is missing: run npm run compose`, { cause: error });
  }
}

/**
 * Composes the supergraph from the built subgraph packages. The composition code (and the five
 * subgraphs) load only when this is called, so importing `supergraphPath` stays cheap for the gateway.
 */
export async function composeSupergraph(): Promise<CompositionOutcome> {
  const composition = await import('./composition.js');
  return composition.composeSupergraph();
}

/** Composes given subgraph SDL, e.g. a small fake supergraph in the gateway's tests. */
export async function composeSdl(subgraphs: readonly SubgraphDefinition[]): Promise<CompositionOutcome> {
  const composition = await import('./composition.js');
  return composition.composeSdl(subgraphs);
}

/** The files `npm run compose` writes for a successful composition: path → exact content. */
export function schemaFiles(outcome: CompositionOutcome): Map<string, string> {
  if (!outcome.supergraphSdl) throw new Error('Composition failed; there is nothing to write');
  const files = new Map<string, string>([[supergraphPath, withFinalNewline(outcome.supergraphSdl)]]);
  for (const subgraph of outcome.subgraphs)
    files.set(subgraphSdlPath(subgraph.name), withFinalNewline(subgraph.sdl));
  return files;
}

/** The checked-in files that differ from (or are missing for) the given composition. */
export function staleSchemaFiles(outcome: CompositionOutcome): string[] {
  return [...schemaFiles(outcome)]
    .filter(([file, text]) => readOrNull(file) !== text)
    .map(([file]) => path.relative(packageRoot, file));
}

function withFinalNewline(text: string): string {
  return `${text.trimEnd()}\n`;
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
