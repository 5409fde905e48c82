import { init, loadRemote, registerRemotes } from '@module-federation/enhanced/runtime';
import type { RemoteAppProps } from '@poortwachter/ui';
import type { ComponentType } from 'react';

export type { RemoteAppProps };

/** Runtime-config key → module-federation container name of each remote. */
export const REMOTE_NAMES = {
  employeePortal: 'employee_portal',
  employerDashboard: 'employer_dashboard',
  agenda: 'agenda',
} as const;
export type RemoteKey = keyof typeof REMOTE_NAMES;
export type RemoteName = (typeof REMOTE_NAMES)[RemoteKey];


const entries = new Map<string, string>();

/**
 * Attaches to the federation instance the shell's webpack plugin created (same name) and registers
 * the remotes from the runtime config. Nothing is fetched until a remote is first rendered.
 */
export function initFederation(hostName: string, remotes: Record<string, string>): void {
  init({ name: hostName, remotes: [] });
  const list: { name: string; entry: string }[] = [];
  for (const [key, entry] of Object.entries(remotes)) {
    const name = (REMOTE_NAMES as Record<string, string>)[key];
    if (!name) continue;
    entries.set(name, entry);
    list.push({ name, entry });
  }
  registerRemotes(list);
}

/** Forgets a failed remote so the next load fetches its manifest again (the retry button). */
export function resetRemote(name: string): void {
  const entry = entries.get(name);
  if (entry) registerRemotes([{ name, entry }], { force: true });
}

export class RemoteLoadError extends Error {
  override name = 'RemoteLoadError';
  constructor(
    readonly remoteId: string,
    options?: { cause?: unknown },
  ) {
    super(`Remote module ${remoteId} could not be loaded`, options);
  }
}

/** Loads `name/Expose` and returns its default export, rejecting with a RemoteLoadError on any failure. */
export async function loadRemoteComponent<P>(id: string): Promise<{ default: ComponentType<P> }> {
  const name = id.split('/')[0] ?? id;
  if (!entries.has(name))
    throw new RemoteLoadError(id, { cause: new Error(`no entry for remote ${name} in the runtime config`) });
  let loaded: unknown;
  try {
    // The remote registers its own catalogs when its module loads (the shell does not know its texts).
    loaded = await loadRemote<unknown>(id);
  } catch (cause) {
    throw new RemoteLoadError(id, { cause });
  }
  const component = (loaded as { default?: unknown } | null)?.default;
  if (typeof component !== 'function' && (typeof component !== 'object' || component === null)) {
    throw new RemoteLoadError(id, { cause: new Error('the exposed module has no default export') });
  }
  return { default: component as ComponentType<P> };
}
