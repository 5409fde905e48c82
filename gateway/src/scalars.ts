import type { ApolloServerPlugin } from '@apollo/server';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import {
  GraphQLError,
  isScalarType,
  Kind,
  type ASTNode,
  type GraphQLScalarType,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';

/*
 * The gateway's schema comes from the supergraph, where a custom scalar is opaque: anything goes,
 * and a malformed date reached the subgraph, which refused the whole fetch with HTTP 400 (seen by
 * clients as SUBGRAPH_ERROR "The dossier service answered HTTP 400"). Here the gateway's copies of
 * the scalars get the very parsers the subgraphs use (graphql-scalars), so an invalid date is
 * refused before any subgraph is called, with BAD_USER_INPUT and the argument's path.
 */
const PARSERS: Record<string, GraphQLScalarType> = {
  Date: DateResolver,
  DateTime: DateTimeResolver,
};

function inputError(message: string, node?: ASTNode): GraphQLError {
  // The node lets the formatted error name its argument (`argumentPathOf`).
  return new GraphQLError(message, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } });
}

/** Gives the schema's opaque Date and DateTime scalars the subgraphs' parsing (in place). */
export function checkScalarsIn(schema: GraphQLSchema): void {
  for (const [name, parser] of Object.entries(PARSERS)) {
    const type = schema.getType(name);
    if (!type || !isScalarType(type)) continue;
    const mutable = type as { parseValue: GraphQLScalarType['parseValue']; parseLiteral: GraphQLScalarType['parseLiteral'] };
    mutable.parseValue = (value) => {
      try {
        return parser.parseValue(value);
      } catch (error) {
        throw inputError((error as Error).message);
      }
    };
    mutable.parseLiteral = (node, variables) => {
      try {
        return parser.parseLiteral(node, variables);
      } catch (error) {
        throw inputError((error as Error).message, node);
      }
    };
  }
}

export const scalarChecksPlugin: ApolloServerPlugin = {
  async serverWillStart() {
    return {
      schemaDidLoadOrUpdate({ apiSchema }) {
        checkScalarsIn(apiSchema);
      },
    };
  },
};

/**
 * The argument path of every literal value in a validated document (`input.firstSickDay`,
 * `page.limit`), so a refused literal can name its argument. Filled by a validation rule that runs
 * with the others, read when the error is formatted.
 */
const argumentPaths = new WeakMap<ASTNode, string>();

export const recordArgumentPaths: ValidationRule = () => {
  const stack: string[] = [];
  return {
    Argument: {
      enter(node) {
        stack.push(node.name.value);
        argumentPaths.set(node.value, stack.join('.'));
      },
      leave() {
        stack.pop();
      },
    },
    ObjectField: {
      enter(node) {
        stack.push(node.name.value);
        argumentPaths.set(node.value, stack.join('.'));
      },
      leave() {
        stack.pop();
      },
    },
    ListValue: {
      enter(node) {
        for (const value of node.values) if (!argumentPaths.has(value)) argumentPaths.set(value, stack.join('.'));
      },
    },
  };
};

/** The argument path recorded for a refused literal, if any. */
export function argumentPathOf(nodes: readonly ASTNode[] | undefined): string | undefined {
  for (const node of nodes ?? []) {
    const path = argumentPaths.get(node);
    if (path) return path;
    if (node.kind === Kind.ARGUMENT) return node.name.value;
  }
  return undefined;
}
