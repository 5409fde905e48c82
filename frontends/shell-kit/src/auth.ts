import type { Session } from './session';

/** The gateway's cookie endpoints: the refresh token never reaches page scripts, only these calls carry it. */
export interface AuthEndpoints {
  /** A new access token from the HttpOnly refresh cookie, or null when the session has ended. */
  refresh(): Promise<Session | null>;
  /** Ends the server-side session (cookie, else the bearer token's own) and clears the cookie. */
  logout(accessToken: string | undefined): Promise<void>;
}

interface RefreshAnswer {
  accessToken?: unknown;
  accessTokenExpiresAt?: unknown;
  user?: Session['user'];
}

export function createAuthEndpoints(
  gatewayUrl: string,
  fetcher: typeof fetch = (...args) => globalThis.fetch(...args),
): AuthEndpoints {
  const url = (path: string) => new URL(path, gatewayUrl).toString();
  const post = (path: string, headers: Record<string, string> = {}) =>
    fetcher(url(path), {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });
  return {
    async refresh() {
      try {
        const response = await post('/auth/refresh');
        if (!response.ok) return null;
        const answer = (await response.json()) as RefreshAnswer;
        if (
          typeof answer.accessToken !== 'string' ||
          typeof answer.accessTokenExpiresAt !== 'string' ||
          !answer.user
        )
          return null;
        return { accessToken: answer.accessToken, expiresAt: answer.accessTokenExpiresAt, user: answer.user };
      } catch {
        return null;
      }
    },
    async logout(accessToken) {
      try {
        await post('/auth/logout', accessToken ? { authorization: `Bearer ${accessToken}` } : {});
      } catch {
        // The local session is gone either way; the server ends it at its idle timeout.
      }
    },
  };
}
