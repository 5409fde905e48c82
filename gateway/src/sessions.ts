import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  parse,
  print,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { refreshCookie, trustCookie } from './cookies.js';
import type { GatewayContext, SessionLocation } from './identity.js';

/** Mutations whose answer holds an AuthSession: directly, or under `session`. */
const SESSION_FIELDS: Record<string, 'self' | 'session'> = {
  startLogin: 'session',
  completeLogin: 'self',
  confirmTwoFactorEnrolment: 'session',
  refreshSession: 'self',
};
const TOKEN_KEYS = ['refreshToken', 'refreshTokenExpiresAt', 'trustToken', 'trustTokenExpiresAt'] as const;
export const TRUST_TOKEN_VARIABLE = 'pwGatewayTrustToken';

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/** The fields of a selection set as the response will have them, through inline fragments and spreads. */
function fieldsOf(selectionSet: SelectionSetNode | undefined, fragments: Fragments, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      fields.push(...fieldsOf(fragments.get(selection.name.value)?.selectionSet, fragments, seen));
    }
  }
  return fields;
}

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

function fragmentsOf(document: DocumentNode): Fragments {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return fragments;
}

/**
 * Where the tokens of every sign-in/refresh field sit in the response, aliases and fragments
 * resolved: whatever a client selects, the refresh and trust tokens cannot reach page scripts.
 */
export function sessionLocations(operation: OperationDefinitionNode, document: DocumentNode): SessionLocation[] {
  if (operation.operation !== 'mutation') return [];
  const fragments = fragmentsOf(document);
  const locations: SessionLocation[] = [];
  for (const field of fieldsOf(operation.selectionSet, fragments)) {
    const kind = SESSION_FIELDS[field.name.value];
    if (!kind) continue;
    const sessions: { path: string[]; selection: SelectionSetNode | undefined }[] =
      kind === 'self'
        ? [{ path: [responseKey(field)], selection: field.selectionSet }]
        : fieldsOf(field.selectionSet, fragments)
            .filter((inner) => inner.name.value === 'session')
            .map((inner) => ({ path: [responseKey(field), responseKey(inner)], selection: inner.selectionSet }));
    for (const session of sessions) {
      const location: SessionLocation = {
        path: session.path,
        refreshToken: [],
        refreshTokenExpiresAt: [],
        trustToken: [],
        trustTokenExpiresAt: [],
      };
      for (const inner of fieldsOf(session.selection, fragments)) {
        const name = inner.name.value as (typeof TOKEN_KEYS)[number];
        if (TOKEN_KEYS.includes(name)) location[name].push(responseKey(inner));
      }
      locations.push(location);
    }
  }
  return locations;
}

export function isLogout(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  return (
    operation.operation === 'mutation' &&
    fieldsOf(operation.selectionSet, fragmentsOf(document)).some((field) => field.name.value === 'logout')
  );
}

/** Records, per request, what the HTTP layer must do with the answer (cookies, cache). */
export function sessionPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const locations = sessionLocations(operation, document);
          if (locations.length > 0) contextValue.outcome.sessionLocations = locations;
          if (isLogout(operation, document)) contextValue.outcome.loggingOut = true;
        },
      };
    },
  };
}

function objectAt(data: unknown, path: string[]): Record<string, unknown> | null {
  let current = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'object' && current !== null && !Array.isArray(current)
    ? (current as Record<string, unknown>)
    : null;
}

function firstString(object: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) if (typeof object[key] === 'string') return object[key];
  return undefined;
}

/**
 * Takes refresh and trust tokens out of a sign-in answer and returns them as Set-Cookie values.
 * The expiry fields stay in the body (the shell schedules its refresh by them).
 */
export function moveTokensToCookies(
  body: string,
  locations: SessionLocation[],
  secure: boolean,
): { body: string; cookies: string[] } {
  let parsed: { data?: unknown };
  try {
    parsed = JSON.parse(body) as { data?: unknown };
  } catch {
    return { body, cookies: [] };
  }
  const cookies: string[] = [];
  let changed = false;
  for (const location of locations) {
    const session = objectAt(parsed.data, location.path);
    if (!session) continue;
    const refresh = firstString(session, location.refreshToken);
    if (refresh) cookies.push(refreshCookie(refresh, firstString(session, location.refreshTokenExpiresAt), secure));
    const trust = firstString(session, location.trustToken);
    if (trust) cookies.push(trustCookie(trust, firstString(session, location.trustTokenExpiresAt), secure));
    for (const key of [...location.refreshToken, ...location.trustToken]) {
      if (key in session) {
        delete session[key];
        changed = true;
      }
    }
  }
  return { body: changed ? JSON.stringify(parsed) : body, cookies };
}

/**
 * Gives `startLogin` the browser's trust cookie when the client did not pass a trustToken: page
 * scripts cannot read the HttpOnly cookie, so the gateway adds it as a variable.
 */
export function injectTrustToken(body: unknown, trustToken: string): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const request = body as { query?: unknown; variables?: unknown; operationName?: unknown };
  if (typeof request.query !== 'string' || !request.query.includes('startLogin')) return body;
  let document: DocumentNode;
  try {
    document = parse(request.query, { maxTokens: 2000 });
  } catch {
    return body;
  }
  let injected = false;
  const definitions = document.definitions.map((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'mutation') return definition;
    if (definition.variableDefinitions?.some((variable) => variable.variable.name.value === TRUST_TOKEN_VARIABLE))
      return definition;
    let touched = false;
    const selections = definition.selectionSet.selections.map((selection) => {
      if (selection.kind !== Kind.FIELD || selection.name.value !== 'startLogin') return selection;
      if (selection.arguments?.some((argument) => argument.name.value === 'trustToken')) return selection;
      touched = true;
      return {
        ...selection,
        arguments: [
          ...(selection.arguments ?? []),
          {
            kind: Kind.ARGUMENT,
            name: { kind: Kind.NAME, value: 'trustToken' },
            value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: TRUST_TOKEN_VARIABLE } },
          },
        ],
      } as FieldNode;
    });
    if (!touched) return definition;
    injected = true;
    return {
      ...definition,
      variableDefinitions: [
        ...(definition.variableDefinitions ?? []),
        {
          kind: Kind.VARIABLE_DEFINITION,
          variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: TRUST_TOKEN_VARIABLE } },
          type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } },
        },
      ],
      selectionSet: { ...definition.selectionSet, selections },
    } as OperationDefinitionNode;
  });
  if (!injected) return body;
  const variables =
    typeof request.variables === 'object' && request.variables !== null ? request.variables : {};
  return {
    ...request,
    query: print({ ...document, definitions }),
    variables: { ...variables, [TRUST_TOKEN_VARIABLE]: trustToken },
  };
}
