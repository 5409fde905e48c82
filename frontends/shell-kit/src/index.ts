// Infrastructure shared by both shells (not part of the design-system singleton: each shell
// bundles it). It reaches the design system through '@poortwachter/ui' so the singleton is used.
export { startShell, type StartShellOptions } from './start';
export { registerShellKitCatalogs } from './i18n';
export {
  parseRuntimeConfig,
  loadRuntimeConfig,
  RuntimeConfigError,
  RUNTIME_CONFIG_PATH,
  type RuntimeConfig,
} from './runtime-config';
export {
  initFederation,
  loadRemoteComponent,
  resetRemote,
  RemoteLoadError,
  REMOTE_NAMES,
  type RemoteAppProps,
  type RemoteKey,
  type RemoteName,
} from './federation';
export { RemoteView, clearRemoteViews } from './RemoteView';
export { ErrorBoundary } from './ErrorBoundary';
export {
  createSessionStore,
  SessionProvider,
  useSession,
  useSessionStore,
  ROLES,
  SESSION_STORAGE_KEY,
  type Role,
  type Session,
  type SessionStore,
  type SessionUser,
  type SignOutReason,
} from './session';
export { createApolloClient, createCache, isUnauthenticated } from './apollo';
export {
  createApolloLoader,
  ApolloLoaderProvider,
  SignedInApollo,
  useApolloLoader,
  type ApolloLoader,
} from './apollo-loader';
export {
  createGraphQLRequest,
  graphqlOperation,
  GraphQLRequestProvider,
  GraphQLRequestError,
  GatewayResponseError,
  useGraphQLRequest,
  useOperation,
  useOperationResult,
  type GraphQLOperation,
  type GraphQLRequest,
} from './graphql-request';
export { LoginPage, START_LOGIN, COMPLETE_LOGIN } from './LoginPage';
export { PasswordRules, PASSWORD_RULES } from './PasswordRules';
export { ActivationPage } from './ActivationPage';
export { ForgotPasswordPage } from './ForgotPasswordPage';
export { ResetPasswordPage } from './ResetPasswordPage';
export { AccountPage } from './AccountPage';
export { AuthFrame } from './AuthFrame';
export { createAuthEndpoints, type AuthEndpoints } from './auth';
export { ShellFrame, RequireSession, type ShellNavItem } from './ShellFrame';
export { NotFoundPage } from './NotFoundPage';
