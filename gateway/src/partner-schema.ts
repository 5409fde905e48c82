import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { partnerScopesOf } from '@poortwachter/kit';
import type { GatewayContext } from './identity.js';
import { usesIntrospection } from './limits.js';

interface IntrospectionField {
  name: string;
}
interface IntrospectionType {
  name: string;
  fields?: IntrospectionField[] | null;
}

/**
 * The partner-facing schema: introspection by a partner client shows only the root operations its
 * OAuth scopes open (per the kit's authorization table), so the explorer lists what the client can
 * call and nothing an administrator would. Types stay (they are documentation, not access);
 * the subgraphs refuse every operation outside the scopes regardless.
 */
/** The type a `__type(name: ...)` query asks for (its name need not be selected). */
function askedTypeName(document: DocumentNode, variables: Record<string, unknown> | undefined): string | undefined {
  let name: string | undefined;
  visit(document, {
    [Kind.FIELD](node) {
      if (node.name.value !== '__type') return;
      const argument = node.arguments?.find((candidate) => candidate.name.value === 'name')?.value;
      if (argument?.kind === Kind.STRING) name = argument.value;
      else if (argument?.kind === Kind.VARIABLE) name = String(variables?.[argument.name.value] ?? '');
    },
  });
  return name;
}

export function filterIntrospectionFor(scopes: readonly string[], data: Record<string, unknown>, askedType?: string): void {
  const schema = data.__schema as { types?: IntrospectionType[]; queryType?: { name: string }; mutationType?: { name: string } | null } | undefined;
  const roots = new Set(['Query', 'Mutation']);
  const filter = (type: IntrospectionType) => {
    if (!roots.has(type.name) || !type.fields) return;
    type.fields = type.fields.filter((field) => partnerScopesOf(`${type.name}.${field.name}`).some((scope) => scopes.includes(scope)));
  };
  for (const type of schema?.types ?? []) filter(type);
  const single = data.__type as IntrospectionType | null | undefined;
  if (single) {
    const named = { name: askedType ?? single.name, fields: single.fields };
    filter(named);
    if (single.fields) single.fields = named.fields;
  }
}

export const partnerSchemaPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart({ contextValue }) {
    if (contextValue.identity?.role !== 'API_CLIENT') return;
    const scopes = contextValue.identity.apiScopes ?? [];
    return {
      async willSendResponse({ response, document, request }) {
        if (!document || !usesIntrospection(document)) return;
        if (response.body.kind !== 'single' || !response.body.singleResult.data) return;
        filterIntrospectionFor(scopes, response.body.singleResult.data as Record<string, unknown>, askedTypeName(document, request.variables));
      },
    };
  },
};
