export { startGateway, type RunningGateway } from './server.js';
export {
  DEFAULT_CORS_ORIGINS,
  DEFAULT_LIMITS,
  type GatewayOptions,
  type IntrospectionPolicy,
  type QueryLimits,
} from './config.js';
export { SignedSubgraphDataSource } from './datasource.js';
export { TokenVerifier, AuthenticationFailed, createContext, type GatewayContext } from './identity.js';
export { checkHealth, type GatewayHealth, type SubgraphHealth } from './health.js';
