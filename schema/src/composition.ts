import { createRequire } from 'node:module';
import { composeServices } from '@apollo/composition';
import {
  subgraphSdl,
  subgraphUrl,
  SERVICE_NAMES,
  type ServiceModule,
  type ServiceName,
} from '@poortwachter/kit';
import { parse } from 'graphql';

/** One subgraph as the composition sees it. */
export interface SubgraphDefinition {
  name: string;
  /** Routing URL written into the supergraph; the gateway (or a router) overrides it at run time. */
  url: string;
  sdl: string;
}

export interface CompositionOutcome {
  /** Null when composition failed. */
  supergraphSdl: string | null;
  /** Human-readable composition errors (code and message); empty on success. */
  errors: string[];
  /** Composition hints (not failures), e.g. an inconsistent description across subgraphs. */
  hints: string[];
  subgraphs: SubgraphDefinition[];
}

const loadPackage = createRequire(__filename);

/** The subgraphs of the platform, in a fixed order so the printed supergraph is stable. */
export const SUBGRAPH_NAMES: readonly ServiceName[] = SERVICE_NAMES;

/**
 * The routing URL checked into the supergraph: the default local address, independent of the
 * environment of whoever runs the composition, so the file does not change between machines.
 */
export function placeholderUrl(name: ServiceName): string {
  return subgraphUrl(name, {});
}

/** Composes already-printed subgraph SDL. Also used by tests that compose a small fake supergraph. */
export function composeSdl(subgraphs: readonly SubgraphDefinition[]): CompositionOutcome {
  const parsed: { name: string; url: string; typeDefs: ReturnType<typeof parse> }[] = [];
  const errors: string[] = [];
  for (const subgraph of subgraphs) {
    try {
      parsed.push({ name: subgraph.name, url: subgraph.url, typeDefs: parse(subgraph.sdl) });
    } catch (error) {
      errors.push(`[${subgraph.name}] SDL does not parse: ${(error as Error).message}`);
    }
  }
  if (errors.length > 0) return { supergraphSdl: null, errors, hints: [], subgraphs: [...subgraphs] };
  const result = composeServices(parsed);
  if (result.errors) {
    return {
      supergraphSdl: null,
      errors: result.errors.map((error) => {
        const code = (error.extensions?.code as string | undefined) ?? 'COMPOSITION_ERROR';
        return `${code}: ${error.message}`;
      }),
      hints: [],
      subgraphs: [...subgraphs],
    };
  }
  return {
    supergraphSdl: result.supergraphSdl,
    errors: [],
    hints: result.hints.map((hint) => `${hint.definition.code}: ${hint.message}`),
    subgraphs: [...subgraphs],
  };
}

/**
 * Loads each subgraph package, builds its schema without a database (nothing executes: the data
 * source is never initialized) and prints the SDL that `_service { sdl }` would return.
 */
export async function loadSubgraphSdl(name: ServiceName): Promise<SubgraphDefinition> {
  let module: { service?: ServiceModule };
  try {
    // Plain require of the built CommonJS package: one module instance (and one graphql realm) per
    // subgraph, the same as when the subgraph runs on its own.
    module = loadPackage(`@poortwachter/${name}-service`) as { service?: ServiceModule };
  } catch (error) {
    throw new Error(
      `Cannot load @poortwachter/${name}-service (${(error as Error).message}). Build the subgraphs first: npm run compose.`,
      { cause: error },
    );
  }
  const service = module.service;
  if (!service) throw new Error(`@poortwachter/${name}-service does not export \`service\``);
  if (service.name !== name)
    throw new Error(`@poortwachter/${name}-service exports a service named "${service.name}"`);
  const schema = await service.buildSchema({
    dataSource: service.createDataSource('postgres://sdl-only@localhost/none'),
    bus: null,
  });
  return { name, url: placeholderUrl(name), sdl: subgraphSdl(schema) };
}

/** Composes the supergraph from the five subgraph packages as they are built now. */
export async function composeSupergraph(): Promise<CompositionOutcome> {
  const subgraphs: SubgraphDefinition[] = [];
  const errors: string[] = [];
  for (const name of SUBGRAPH_NAMES) {
    try {
      subgraphs.push(await loadSubgraphSdl(name));
    } catch (error) {
      errors.push(`[${name}] ${(error as Error).message}`);
    }
  }
  if (errors.length > 0) return { supergraphSdl: null, errors, hints: [], subgraphs };
  return composeSdl(subgraphs);
}
