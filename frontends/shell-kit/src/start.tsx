import {
  BrowserRouter,
  ErrorPanel,
  GatewayAccessProvider,
  i18n,
  initI18n,
  loadI18n,
  Stack,
  UiProvider,
  type GatewayAccess,
} from '@poortwachter/ui';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloLoaderProvider, createApolloLoader } from './apollo-loader';
import { createAuthEndpoints } from './auth';
import { initFederation } from './federation';
import { createGraphQLRequest, GraphQLRequestProvider } from './graphql-request';
import { registerShellKitCatalogs } from './i18n';
import { loadRuntimeConfig, type RuntimeConfig } from './runtime-config';
import { createSessionStore, SessionProvider } from './session';

export interface StartShellOptions {
  /** Must equal the `name` of the shell's ModuleFederationPlugin. */
  hostName: string;
  render: (config: RuntimeConfig) => ReactNode;
  /** Registers the shell's own catalogs (`addCatalogs`); called once i18n is set up. */
  catalogs?: () => Promise<void>;
  container?: HTMLElement;
}

/**
 * Boots a shell: reads `/runtime-config.json`, sets up i18n, the federation runtime (remotes from the
 * config), the session, the gateway access (plain fetch before signing in, Apollo Client loaded with
 * the signed-in routes), then renders the routes. A missing or invalid config
 * shows an error page instead of a blank screen.
 */
export async function startShell({
  hostName,
  render,
  catalogs,
  container = document.getElementById('root')!,
}: StartShellOptions): Promise<void> {
  const root = createRoot(container);
  let config: RuntimeConfig;
  try {
    config = await loadRuntimeConfig();
  } catch (error) {
    initI18n();
    void registerShellKitCatalogs();
    console.error(error);
    root.render(
      <UiProvider>
        <Stack component="main" maw={560} mx="auto" my="xl" p="md">
          <ErrorPanel
            title={i18n.t('shell:config.errorTitle')}
            message={i18n.t('shell:config.error')}
            onRetry={() => window.location.reload()}
          />
        </Stack>
      </UiProvider>,
    );
    return;
  }
  initI18n(config.locale);
  await Promise.all([registerShellKitCatalogs(), catalogs?.()]);
  await loadI18n(config.locale);
  initFederation(hostName, config.remotes);
  const session = createSessionStore(
    globalThis.sessionStorage,
    Date.now,
    createAuthEndpoints(config.gatewayUrl),
  );
  const graphql = createGraphQLRequest({ url: config.gatewayUrl, session });
  const apollo = createApolloLoader({ gatewayUrl: config.gatewayUrl, session });
  const gateway: GatewayAccess = {
    origin: new URL(config.gatewayUrl, window.location.href).origin,
    token: () => session.get()?.accessToken ?? null,
    refresh: () => session.refresh(),
  };
  root.render(
    <StrictMode>
      <UiProvider>
        <SessionProvider store={session}>
          <GatewayAccessProvider access={gateway}>
            <GraphQLRequestProvider request={graphql}>
              <ApolloLoaderProvider loader={apollo}>
                <BrowserRouter>{render(config)}</BrowserRouter>
              </ApolloLoaderProvider>
            </GraphQLRequestProvider>
          </GatewayAccessProvider>
        </SessionProvider>
      </UiProvider>
    </StrictMode>,
  );
}
