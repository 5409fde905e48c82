// Monaco's web workers (editor, JSON, GraphQL language service) as webpack chunks from this origin.
import 'graphiql/setup-workers/webpack';
import 'graphiql/style.css';
import './explorer.css';
import { GraphiQL } from 'graphiql';
import { StrictMode, useId, useMemo, useState, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** The explorer is served by the gateway itself, so the API is on the same origin. */
const ENDPOINT = new URL('/graphql', window.location.href).toString();
/** Kept for the browser tab only: a token must not outlive the session on a shared machine. */
const TOKEN_KEY = 'poortwachter.explorer.accessToken';

const DEFAULT_QUERY = `# Poortwachter API explorer
#
# NL: Plak je toegangstoken bovenaan; de documentatie (links) toont wat je token mag zien.
#     Zonder token werkt alleen inloggen (ontwikkel-login, tot partnerkoppelingen
#     client credentials krijgen): mutation { login(username: "…", password: "…") { accessToken } }
# EN: Paste your access token at the top; the docs (left) show what your token may see.
#     Without a token only the (development) login works.

query Viewer {
  viewer {
    id
    displayName
    role
  }
}
`;

function readStoredToken(): string {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

function storeToken(token: string): void {
  try {
    if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
    else window.sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage may be disabled; the token then lives in this page only.
  }
}

/** Accepts a pasted "Bearer xyz" as well as the bare token. */
function normalizeToken(raw: string): string {
  return raw.trim().replace(/^Bearer\s+/i, '');
}

/**
 * Sends the token and the CSRF preflight header the gateway requires; headers typed into
 * GraphiQL's header editor win, so a developer can try another token per tab.
 */
function createFetcher(token: string): Fetcher {
  const fetcher = async (params: unknown, options?: { headers?: Record<string, unknown> }) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'apollo-require-preflight': 'true',
    };
    if (token) headers.authorization = `Bearer ${token}`;
    for (const [name, value] of Object.entries(options?.headers ?? {}))
      headers[name.toLowerCase()] = String(value);
    const response = await fetch(ENDPOINT, { method: 'POST', headers, body: JSON.stringify(params) });
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
    }
  };
  return fetcher as Fetcher;
}

function Explorer() {
  const [token, setToken] = useState<string>(readStoredToken);
  const inputId = useId();
  // A new fetcher makes GraphiQL introspect again, so the docs follow the token's permissions.
  const fetcher = useMemo(() => createFetcher(token), [token]);

  const update = (value: string) => {
    const next = normalizeToken(value);
    setToken(next);
    storeToken(next);
  };

  return (
    <div className="explorer">
      <header className="explorer-bar">
        <div className="explorer-intro">
          <h1>Poortwachter API explorer</h1>
          <p lang="nl">
            Verken de GraphQL-API met je eigen toegangstoken; je ziet alleen wat dat token mag zien.
          </p>
          <p lang="en">
            Explore the GraphQL API with your own access token; you only see what that token may see.
          </p>
        </div>
        <div className="explorer-token">
          <label htmlFor={inputId}>Toegangstoken (Bearer) / Access token</label>
          <div className="explorer-token-row">
            <input
              id={inputId}
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder="eyJhbGciOi…"
              value={token}
              onChange={(event) => update(event.target.value)}
            />
            <button type="button" onClick={() => update('')} disabled={!token}>
              Wissen / Clear
            </button>
          </div>
          <small>{token ? 'Token actief / token in use' : 'Geen token: anoniem / no token: anonymous'}</small>
        </div>
      </header>
      <main className="explorer-graphiql">
        <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} shouldPersistHeaders={false} />
      </main>
    </div>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('The explorer page has no #root element');
createRoot(root).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);
