import { isLocale, type Locale } from '@poortwachter/ui';

/**
 * What a shell reads from `/runtime-config.json` at start, so one build runs in every environment:
 * `{ "gatewayUrl": "http://localhost:4000/graphql", "locale": "nl",
 *    "remotes": { "employeePortal": "http://localhost:3101/mf-manifest.json", ... } }`.
 */
export interface RuntimeConfig {
  gatewayUrl: string;
  locale?: Locale;
  /** Remote key (camelCase, see REMOTE_NAMES) → URL of its `mf-manifest.json`. */
  remotes: Record<string, string>;
}

export const RUNTIME_CONFIG_PATH = '/runtime-config.json';

export class RuntimeConfigError extends Error {
  override name = 'RuntimeConfigError';
}

function isAbsoluteOrRootUrl(value: string): boolean {
  if (value.startsWith('/')) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Validates the parsed JSON; throws a RuntimeConfigError that names the offending field. */
export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new RuntimeConfigError('runtime config must be a JSON object');
  const raw = value as Record<string, unknown>;
  if (typeof raw.gatewayUrl !== 'string' || !isAbsoluteOrRootUrl(raw.gatewayUrl)) {
    throw new RuntimeConfigError('runtime config: "gatewayUrl" must be an http(s) URL or an absolute path');
  }
  if (raw.locale !== undefined && !isLocale(raw.locale))
    throw new RuntimeConfigError('runtime config: "locale" must be "nl" or "en"');
  const remotesRaw = raw.remotes ?? {};
  if (typeof remotesRaw !== 'object' || remotesRaw === null || Array.isArray(remotesRaw)) {
    throw new RuntimeConfigError('runtime config: "remotes" must be an object of manifest URLs');
  }
  const remotes: Record<string, string> = {};
  for (const [key, entry] of Object.entries(remotesRaw as Record<string, unknown>)) {
    if (typeof entry !== 'string' || !isAbsoluteOrRootUrl(entry)) {
      throw new RuntimeConfigError(`runtime config: "remotes.${key}" must be the URL of an mf-manifest.json`);
    }
    remotes[key] = entry;
  }
  return { gatewayUrl: raw.gatewayUrl, locale: raw.locale as Locale | undefined, remotes };
}

export async function loadRuntimeConfig(
  url: string = RUNTIME_CONFIG_PATH,
  fetchImpl: typeof fetch = fetch,
): Promise<RuntimeConfig> {
  const response = await fetchImpl(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) throw new RuntimeConfigError(`runtime config: ${url} answered HTTP ${response.status}`);
  return parseRuntimeConfig(await response.json());
}
