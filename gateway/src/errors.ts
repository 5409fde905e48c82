import type { GraphQLFormattedError } from 'graphql';

/** Codes whose message may reveal internals (SQL, hosts, stack lines): masked in production. */
const INTERNAL_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR', 'SUBGRAPH_ERROR']);

/** Extensions that describe the inside of the system rather than the caller's mistake. */
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'serviceName', 'response', 'body', 'status', 'cause'];

export const INTERNAL_MESSAGE =
  'Internal server error. The error has been logged; quote the request id when you report it.';
export const UNAVAILABLE_MESSAGE = 'A part of the service is temporarily unavailable. Try again in a moment.';

export function isInternalError(error: GraphQLFormattedError): boolean {
  const code = error.extensions?.code;
  return typeof code !== 'string' || INTERNAL_CODES.has(code);
}

/**
 * In production an error keeps its `extensions.code` and message when it is a domain error
 * (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, validation, ...): those messages are written
 * for callers. Anything else becomes a generic internal error; stack traces and subgraph details
 * never leave the gateway. Development passes everything through for debugging.
 */
export function formatErrorFor(production: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    if (!production) return formatted;
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
  };
}
