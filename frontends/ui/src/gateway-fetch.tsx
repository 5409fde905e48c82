import { createContext, useCallback, useContext, type ReactNode } from 'react';

/**
 * Authorised HTTP access to the gateway beside GraphQL (the `/files` routes). The shell owns the
 * gateway address and the session and provides them here (`startShell`); remotes reach them
 * through this context. It lives in the design system's main entry on purpose: that entry is a
 * module-federation singleton, so shell and remotes share one context object (the shell kit entry
 * is bundled into each shell and would give a remote a context nobody provides).
 */
export interface GatewayAccess {
  /** The gateway origin that paths such as a document's `contentPath` are relative to. */
  origin: string;
  /** The current access token, if signed in. */
  token(): string | null;
  /** Tries once to renew the access token (the refresh cookie); false when the session has ended. */
  refresh(): Promise<boolean>;
}

const GatewayContext = createContext<GatewayAccess | null>(null);

/** Provides the gateway access: `startShell` around the routes, tests with their own. */
export function GatewayAccessProvider({ access, children }: { access: GatewayAccess; children: ReactNode }) {
  return <GatewayContext.Provider value={access}>{children}</GatewayContext.Provider>;
}

export type GatewayFetch = (path: string, init?: RequestInit) => Promise<Response>;

/** `fetch` against the gateway with the session's bearer token; renews the token once on a 401 and repeats. */
export function useGatewayFetch(): GatewayFetch {
  const access = useContext(GatewayContext);
  if (!access)
    throw new Error('useGatewayFetch must be used inside <GatewayAccessProvider> (startShell sets one up)');
  const once = useCallback(
    (path: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      const token = access.token();
      if (token) headers.set('authorization', `Bearer ${token}`);
      return fetch(new URL(path, access.origin).toString(), { ...init, headers });
    },
    [access],
  );
  return useCallback(
    async (path, init) => {
      const response = await once(path, init);
      if (response.status !== 401) return response;
      // An upload body that is a stream cannot be sent twice; FormData, Blob and strings can.
      if (!(await access.refresh())) return response;
      return once(path, init);
    },
    [access, once],
  );
}

/** A failed gateway request: the HTTP status and the stable error code, when the gateway sent one. */
export class FileRequestError extends Error {
  override name = 'FileRequestError';
  constructor(
    readonly statusCode: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Reads `{ "error": { "code", "message" } }` from a failed response (or keeps only the status). */
export async function fileRequestError(response: Response): Promise<FileRequestError> {
  let code: string | undefined;
  let message = `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not JSON (a proxy's error page): the status is all there is.
  }
  return new FileRequestError(response.status, code, message);
}
