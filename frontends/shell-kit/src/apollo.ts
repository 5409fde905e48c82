import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
  Observable,
  ServerError,
} from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import type { SessionStore } from './session';

/** Types with an `id` are normalised by it, so a person fetched by two screens is one cache entry. */
const ENTITY_TYPES = [
  'Employer',
  'Division',
  'Department',
  'Employment',
  'SickCase',
  'User',
  'Activity',
  'Appointment',
];

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      ...Object.fromEntries(ENTITY_TYPES.map((type) => [type, { keyFields: ['id'] }])),
      // Value objects without identity live inside their parent.
      AbsenceCoursePoint: { keyFields: false },
      DurationClassCount: { keyFields: false },
      PersonPage: { keyFields: false },
      LoginResult: { keyFields: false },
      LoginChallenge: { keyFields: false },
      AuthSession: { keyFields: false },
      TotpEnrolment: { keyFields: false },
      TwoFactorEnrolmentResult: { keyFields: false },
      PasswordStrength: { keyFields: false },
      Person: {
        keyFields: ['id'],
        fields: {
          sickCases: { merge: (_existing: unknown, incoming: unknown) => incoming },
          appointments: { merge: (_existing: unknown, incoming: unknown) => incoming },
        },
      },
    },
  });
}

export function isUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error))
    return error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  return ServerError.is(error) && error.statusCode === 401;
}

export interface ApolloOptions {
  gatewayUrl: string;
  session: SessionStore;
}

/**
 * The one Apollo Client of a shell. Remotes reach it through the shared ApolloProvider context.
 * Every request carries the bearer token and `apollo-require-preflight` (the gateway's CSRF guard).
 */
export function createApolloClient({ gatewayUrl, session }: ApolloOptions): ApolloClient {
  const auth = new SetContextLink((previous) => {
    const token = session.get()?.accessToken;
    return {
      headers: {
        ...previous.headers,
        'apollo-require-preflight': 'true',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    };
  });
  // An expired access token: renew it once through the refresh cookie and repeat the operation; else back to login.
  const expiry = new ErrorLink(({ error, operation, forward }) => {
    if (!isUnauthenticated(error) || !session.get() || operation.getContext().pwRetried) return;
    return new Observable<ApolloLink.Result>((observer) => {
      let subscription: { unsubscribe(): void } | undefined;
      void session.refresh().then((renewed) => {
        if (!renewed) {
          observer.error(error);
          return;
        }
        operation.setContext({ pwRetried: true });
        subscription = forward(operation).subscribe(observer);
      });
      return () => subscription?.unsubscribe();
    });
  });
  return new ApolloClient({
    // credentials: the gateway keeps the refresh and trust tokens in HttpOnly cookies.
    link: ApolloLink.from([expiry, auth, new HttpLink({ uri: gatewayUrl, credentials: 'include' })]),
    cache: createCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
