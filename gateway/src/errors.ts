import type { ApolloServerPlugin } from '@apollo/server';
import { isDocumentedErrorCode } from '@poortwachter/kit';
import type { ASTNode, GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from './identity.js';
import { argumentPathOf } from './scalars.js';

/** Codes whose message may reveal internals (SQL, hosts, stack lines): masked in production. */
const INTERNAL_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR', 'SUBGRAPH_ERROR']);

/** Extensions that describe the inside of the system rather than the caller's mistake. */
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'serviceName', 'response', 'body', 'status', 'cause'];

export const INTERNAL_MESSAGE =
  'Internal server error. The error has been logged; quote the request id when you report it.';
export const UNAVAILABLE_MESSAGE = 'A part of the service is temporarily unavailable. Try again in a moment.';

/**
 * The one answer to a caller without valid credentials, whether the token is missing, malformed,
 * forged or expired: HTTP 401, this body, `WWW-Authenticate: Bearer`. Nobody can tell from the
 * answer which of those it was.
 */
export const UNAUTHENTICATED_MESSAGE =
  'Authentication required: send a valid access token (sign in, or obtain a token at /oauth/token).';

export function unauthenticatedBody(): { errors: GraphQLFormattedError[] } {
  return { errors: [{ message: UNAUTHENTICATED_MESSAGE, extensions: { code: 'UNAUTHENTICATED' } }] };
}

export const UNAUTHENTICATED_HEADERS = { 'www-authenticate': 'Bearer error="invalid_token"', 'cache-control': 'no-store' };

/**
 * Whether an answer to an anonymous caller is a refusal for want of credentials: then it becomes
 * the same 401 as a bad token's. Answers to anonymous sign-in steps (data, domain errors) stay.
 */
export function isUnauthenticatedAnswer(text: string): boolean {
  if (!text.includes('"UNAUTHENTICATED"')) return false;
  try {
    const body = JSON.parse(text) as { errors?: GraphQLFormattedError[] };
    return (body.errors ?? []).some((error) => error.extensions?.code === 'UNAUTHENTICATED');
  } catch {
    return false;
  }
}

export function isInternalError(error: GraphQLFormattedError): boolean {
  const code = error.extensions?.code;
  return typeof code !== 'string' || INTERNAL_CODES.has(code);
}

/** `Variable "$input" got invalid value "x" at "input.firstSickDay"; ...` → its argument path. */
const VARIABLE_ERROR = /^Variable "\$([A-Za-z_]\w*)" (?:got invalid value .*? at "([^"]+)";|got invalid value|of required type|of non-null type)/s;

/** graphql-js' messages for a literal that does not fit its argument's type (ValuesOfCorrectTypeRule). */
const LITERAL_ERROR =
  /^(Expected value of type|Value "[^"]*" does not exist in "[^"]+" enum|Enum "[^"]+" cannot represent|(Int|Float|String|Boolean|ID) cannot represent|Field "[^"]+" of required type "[^"]+" was not provided|Field "[^"]+" is not defined by type|Date cannot represent|DateTime cannot represent)/;

/** Service names that must not reach a client in subgraph messages passed on. */
const SERVICE_NAMES = /\b(identity|dossier|activities|agenda|reporting) (service|subgraph)\b/gi;

/**
 * An invalid argument, wherever it was noticed, as the one input error of the contract:
 * BAD_USER_INPUT with the argument path in `extensions.field`.
 * - variable values the gateway checked (its Date/DateTime parsers, enums, Int, ...);
 * - literals refused by validation (which graphql-js reports as GRAPHQL_VALIDATION_FAILED);
 * - an HTTP 400 of a subgraph that refused the variables of its fetch (SUBGRAPH_ERROR).
 * Anything else is returned unchanged.
 */
export function asInputError(formatted: GraphQLFormattedError, original?: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const variable = VARIABLE_ERROR.exec(formatted.message);
  if (variable && (code === undefined || code === 'BAD_USER_INPUT' || code === 'INTERNAL_SERVER_ERROR')) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      extensions: { code: 'BAD_USER_INPUT', field: variable[2] ?? variable[1] },
    };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' && LITERAL_ERROR.test(formatted.message)) {
    const error = original as { nodes?: readonly ASTNode[]; originalError?: { nodes?: readonly ASTNode[] } } | undefined;
    const field = argumentPathOf(error?.nodes) ?? argumentPathOf(error?.originalError?.nodes);
    return {
      message: formatted.message,
      locations: formatted.locations,
      extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) },
    };
  }
  if (code === 'BAD_USER_INPUT' && formatted.extensions?.field === undefined) {
    // A refused literal of a custom scalar keeps the parser's code; it still names its argument.
    const error = original as { nodes?: readonly ASTNode[]; originalError?: { nodes?: readonly ASTNode[] } } | undefined;
    const field = argumentPathOf(error?.nodes) ?? argumentPathOf(error?.originalError?.nodes);
    if (field) return { ...formatted, extensions: { ...formatted.extensions, field } };
  }
  if (code === 'SUBGRAPH_ERROR' && formatted.extensions?.status === 400) {
    const body = formatted.extensions.body as { errors?: GraphQLFormattedError[] } | undefined;
    const first = body?.errors?.[0];
    if (first) {
      const mapped = asInputError(first);
      const mappedCode = mapped.extensions?.code;
      if (typeof mappedCode === 'string' && isDocumentedErrorCode(mappedCode) && !INTERNAL_CODES.has(mappedCode)) {
        const field = mapped.extensions?.field;
        return {
          message: mapped.message.replace(SERVICE_NAMES, 'service'),
          path: formatted.path,
          extensions: { code: mappedCode === 'GRAPHQL_VALIDATION_FAILED' ? 'BAD_USER_INPUT' : mappedCode, ...(field ? { field } : {}) },
        };
      }
    }
  }
  return formatted;
}

/** Production masking of one formatted error (see `formatErrorFor`). */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions: Record<string, unknown> = { ...formatted.extensions };
  for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
  const code = formatted.extensions?.code;
  if (code === 'SUBGRAPH_UNAVAILABLE') {
    return { message: UNAVAILABLE_MESSAGE, path: formatted.path, extensions };
  }
  if (isInternalError(formatted)) {
    return {
      message: INTERNAL_MESSAGE,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  return { ...formatted, extensions };
}

/**
 * Every error first becomes the contract's input error where it is one (in every mode). In
 * production an error then keeps its `extensions.code` and message when it is a domain error
 * (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, validation, ...): those messages are
 * written for callers. Anything else becomes a generic internal error; stack traces and subgraph
 * details never leave the gateway. Development passes everything through for the developer on
 * their own machine — except to partner clients (see `partnerErrorMasking`).
 */
export function formatErrorFor(production: boolean) {
  return (formatted: GraphQLFormattedError, original?: unknown): GraphQLFormattedError => {
    const contract = asInputError(formatted, original);
    return production ? maskError(contract) : contract;
  };
}

/**
 * Partner software never sees development details either: with a partner token, the errors of a
 * development gateway are masked as in production (no stack traces, SQL, service names or URLs).
 */
export function partnerErrorMasking(production: boolean): ApolloServerPlugin<GatewayContext>[] {
  if (production) return [];
  return [
    {
      async requestDidStart({ contextValue }) {
        if (contextValue.identity?.role !== 'API_CLIENT') return;
        return {
          async willSendResponse({ response }) {
            if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
            response.body.singleResult.errors = response.body.singleResult.errors.map(maskError);
          },
        };
      },
    },
  ];
}
