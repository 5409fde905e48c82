/** Ports and addresses of every part of the system; each overridable by an environment variable. */
export const SERVICE_NAMES = ['identity', 'dossier', 'agenda', 'activities', 'reporting'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const DEFAULT_PORTS = {
  gateway: 4000,
  identity: 4001,
  dossier: 4002,
  agenda: 4003,
  activities: 4004,
  reporting: 4005,
  'shell-employee': 3000,
  'shell-employer': 3001,
  'employee-portal': 3101,
  'employer-dashboard': 3102,
  agenda_remote: 3103,
} as const;

/** The environment variable that overrides each port. */
export const PORT_VARIABLES = {
  gateway: 'GATEWAY_PORT',
  identity: 'IDENTITY_PORT',
  dossier: 'DOSSIER_PORT',
  agenda: 'AGENDA_PORT',
  activities: 'ACTIVITIES_PORT',
  reporting: 'REPORTING_PORT',
  'shell-employee': 'SHELL_EMPLOYEE_PORT',
  'shell-employer': 'SHELL_EMPLOYER_PORT',
  'employee-portal': 'EMPLOYEE_PORTAL_PORT',
  'employer-dashboard': 'EMPLOYER_DASHBOARD_PORT',
  agenda_remote: 'AGENDA_REMOTE_PORT',
} as const satisfies Record<keyof typeof DEFAULT_PORTS, string>;

export type PortName = keyof typeof DEFAULT_PORTS;

export function portOf(name: PortName, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[PORT_VARIABLES[name]];
  if (raw === undefined || raw === '') return DEFAULT_PORTS[name];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${PORT_VARIABLES[name]}=${raw} is not a valid port number`);
  }
  return port;
}

export function subgraphUrl(name: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env[`${name.toUpperCase()}_URL`];
  return explicit ?? `http://127.0.0.1:${portOf(name, env)}/graphql`;
}

export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'production';
}

const DEV_ONLY_SECRETS: Record<string, string> = {
  GATEWAY_SIGNING_SECRET: 'development-only-gateway-signing-secret-change-me',
};

/**
 * Secrets must be set in production; in development a fixed, clearly named default keeps a single
 * service runnable on its own.
 */
export function secret(name: keyof typeof DEV_ONLY_SECRETS, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value && value.length >= 32) return value;
  if (value) throw new Error(`${name} must be at least 32 characters long`);
  if (isProduction(env)) throw new Error(`${name} must be set in production`);
  return DEV_ONLY_SECRETS[name]!;
}
