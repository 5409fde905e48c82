import { ErrorPanel, LoadingState } from '@poortwachter/ui';
import {
  createContext,
  lazy,
  Suspense,
  useContext,
  useState,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';
import type { ApolloOptions } from './apollo';

type ProviderComponent = ComponentType<{ children: ReactNode }>;

/**
 * Apollo Client for the signed-in part of a shell, loaded on first use: the pages before signing
 * in talk to the gateway with plain fetch, so a visitor of the login page never downloads Apollo
 * Client and graphql. The client is still the one shared instance: `@apollo/client` is a
 * module-federation singleton, so the remotes' hooks find this ApolloProvider's client.
 */
export interface ApolloLoader {
  /** Starts loading (e.g. while the user types the second-factor code); resolves with the provider. */
  load(): Promise<ProviderComponent>;
  /** Empties the cache when a user signs out (another one may sign in on this tab); nothing to do if never loaded. */
  clearStore(): void;
}

export function createApolloLoader(options: ApolloOptions): ApolloLoader {
  let loading: Promise<ProviderComponent> | null = null;
  let client: { clearStore(): Promise<unknown> } | null = null;
  return {
    load() {
      loading ??= import(/* webpackChunkName: "apollo" */ './apollo-provider').then(
        ({ createApolloClient, ApolloProvider }) => {
          const created = createApolloClient(options);
          client = created;
          return function ShellApolloProvider({ children }: { children: ReactNode }) {
            return <ApolloProvider client={created}>{children}</ApolloProvider>;
          };
        },
        (error: unknown) => {
          // A failed chunk load may succeed on the next attempt (the retry button).
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    clearStore() {
      void client?.clearStore();
    },
  };
}

const ApolloLoaderContext = createContext<ApolloLoader | null>(null);

export function ApolloLoaderProvider({ loader, children }: { loader: ApolloLoader; children: ReactNode }) {
  return <ApolloLoaderContext.Provider value={loader}>{children}</ApolloLoaderContext.Provider>;
}

/** The shell's Apollo loader; null outside `startShell` (tests provide Apollo Client themselves). */
export function useApolloLoader(): ApolloLoader | null {
  return useContext(ApolloLoaderContext);
}

const lazyProviders = new WeakMap<ApolloLoader, Map<number, LazyExoticComponent<ProviderComponent>>>();

/** One lazy provider per loader and attempt: a retry after a failed load starts a fresh one. */
function lazyProvider(
  loader: ApolloLoader,
  attempt: number,
  retry: () => void,
): LazyExoticComponent<ProviderComponent> {
  let attempts = lazyProviders.get(loader);
  if (!attempts) lazyProviders.set(loader, (attempts = new Map()));
  let component = attempts.get(attempt);
  if (!component) {
    component = lazy(() =>
      loader.load().then(
        (Provider): { default: ProviderComponent } => ({ default: Provider }),
        (error: unknown): { default: ProviderComponent } => {
          console.error('The signed-in part of the portal could not be loaded', error);
          return { default: () => <ErrorPanel kind="remote" error={error} onRetry={retry} /> };
        },
      ),
    );
    attempts.set(attempt, component);
  }
  return component;
}

/**
 * Puts the signed-in routes inside the shell's ApolloProvider, loading Apollo Client first. Without
 * a loader (tests) the children are rendered as they are, under whatever ApolloProvider surrounds them.
 */
export function SignedInApollo({ children }: { children: ReactNode }) {
  const loader = useApolloLoader();
  const [attempt, setAttempt] = useState(0);
  if (!loader) return children;
  const Provider = lazyProvider(loader, attempt, () => setAttempt((n) => n + 1));
  return (
    <Suspense fallback={<LoadingState />}>
      <Provider>{children}</Provider>
    </Suspense>
  );
}
