import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  visit,
  type DocumentNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { IntrospectionPolicy, QueryLimits } from './config.js';
import type { GatewayContext } from './identity.js';

/** Which limit refused a query; sent as `extensions.limit` next to code GRAPHQL_VALIDATION_FAILED. */
export type LimitName = 'depth' | 'aliases' | 'cost' | 'tokens' | 'directives';

function reject(limit: LimitName) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const refusal = new GraphQLError(error.message, {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit },
    });
    if (context) context.reportError(refusal);
    else throw refusal;
  };
}

/**
 * graphql-armor's static limits. They are validation rules, and Apollo Server caches the validated
 * document, so a query the shells repeat is measured once, not on every request. The armor's own
 * token counter would parse every new document a second time; graphql-js counts tokens in the one
 * parse Apollo Server does anyway (`parseOptions.maxTokens`), with the same effect.
 * Introspection is exempt from depth and cost: the explorer's schema query is deep by nature.
 * Fragments are flattened: the shells compose queries from fragments, which must not count as
 * extra nesting.
 */
export function queryLimits(limits: QueryLimits): {
  plugins: ApolloServerPlugin<GatewayContext>[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const armor = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reject('depth')],
    },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [reject('aliases')] },
    costLimit: {
      maxCost: limits.maxCost,
      ignoreIntrospection: true,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reject('cost')],
    },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [reject('directives')] },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  return {
    plugins: protection.plugins as ApolloServerPlugin<GatewayContext>[],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

const introspectionByDocument = new WeakMap<DocumentNode, boolean>();

/** Whether a document asks for `__schema` or `__type` (remembered per cached document). */
export function usesIntrospection(document: DocumentNode): boolean {
  let found = introspectionByDocument.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      [Kind.FIELD](node) {
        if (node.name.value === '__schema' || node.name.value === '__type') {
          found = true;
          return false;
        }
        return undefined;
      },
    });
    introspectionByDocument.set(document, found);
  }
  return found;
}

/**
 * Introspection in production only for partner software (API clients) and admins, so the explorer
 * works with a partner token while anonymous visitors cannot map the API.
 */
export function introspectionGuard(policy: IntrospectionPolicy): ApolloServerPlugin<GatewayContext>[] {
  if (policy !== 'partners') return [];
  return [
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ document, contextValue }) {
            if (!usesIntrospection(document)) return;
            const role = contextValue.identity?.role;
            if (role === 'API_CLIENT' || role === 'ADMIN') return;
            throw new GraphQLError(
              'Introspection is only available to partner API clients. Sign in to the explorer with your API token.',
              {
                extensions: { code: 'INTROSPECTION_DISABLED', http: { status: 403 } },
              },
            );
          },
        };
      },
    },
  ];
}
