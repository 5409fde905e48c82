/**
 * Maps whatever an operation or a remote load rejected with to a message key. Duck-typed on purpose:
 * the design system does not depend on Apollo Client, and errors may cross module-federation boundaries.
 */
export type ErrorMessageKey =
  | 'network'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'badInput'
  | 'data'
  | 'unknown';

export interface DescribedError {
  key: ErrorMessageKey;
  /** The stable `extensions.code` of the first GraphQL error, if any. */
  code?: string;
}

interface GraphQLErrorLike {
  extensions?: { code?: unknown };
}

function graphQLErrors(error: object): GraphQLErrorLike[] | null {
  const errors = (error as { errors?: unknown }).errors;
  return Array.isArray(errors) ? (errors as GraphQLErrorLike[]) : null;
}

const CODE_KEYS: Record<string, ErrorMessageKey> = {
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'notFound',
  BAD_USER_INPUT: 'badInput',
  GRAPHQL_VALIDATION_FAILED: 'badInput',
};

/**
 * Every subgraph names its codes the same way (`SICK_CASE_NOT_FOUND`, `DOCUMENT_FORBIDDEN`,
 * `INVALID_EMAIL`), so a code the design system does not list still gets the right kind of sentence.
 */
function keyOfCodeFamily(code: string): ErrorMessageKey {
  if (/_NOT_FOUND$|_UNKNOWN$/.test(code)) return 'notFound';
  if (/_FORBIDDEN$|_NOT_ALLOWED$/.test(code)) return 'forbidden';
  if (/^INVALID_|_REQUIRED$|_TOO_LONG$|_TOO_LARGE$/.test(code)) return 'badInput';
  return 'data';
}

/** Whether trying the same request again can help: not for missing data, refused access or bad input. */
export function isRetryable(key: ErrorMessageKey): boolean {
  return key === 'network' || key === 'data' || key === 'unknown';
}

export function errorCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const code = graphQLErrors(error)?.find((e) => typeof e.extensions?.code === 'string')?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

export function describeError(error: unknown): DescribedError {
  if (!error || typeof error !== 'object') return { key: 'unknown' };
  const code = errorCode(error);
  if (code) return { key: CODE_KEYS[code] ?? keyOfCodeFamily(code), code };
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  if (statusCode === 401) return { key: 'unauthenticated' };
  if (statusCode === 403) return { key: 'forbidden' };
  if (typeof statusCode === 'number') return { key: 'data', code: `HTTP_${statusCode}` };
  const name = (error as { name?: unknown }).name;
  const message = String((error as { message?: unknown }).message ?? '');
  if (name === 'TypeError' || /fetch|network|load failed/i.test(message)) return { key: 'network' };
  if (graphQLErrors(error)) return { key: 'data' };
  return { key: 'unknown' };
}
