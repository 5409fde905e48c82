import { GraphQLError } from 'graphql';

/**
 * Stable, machine-readable error codes of the public API. Partners switch on `extensions.code`;
 * the message is for humans and may change.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | (string & {});

export function domainError(code: ErrorCode, message: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export const unauthenticated = () => domainError('UNAUTHENTICATED', 'Authentication required.');
export const forbidden = (what = 'this resource') =>
  domainError('FORBIDDEN', `You are not allowed to access ${what}.`);
export const notFound = (what: string, id: string) =>
  domainError('NOT_FOUND', `${what} ${id} does not exist or is not visible to you.`, { id });
