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
const TOKEN_ENDPOINT = new URL('/oauth/token', window.location.href).toString();
/** Kept for the browser tab only: a token must not outlive the session on a shared machine. */
const TOKEN_KEY = 'poortwachter.explorer.accessToken';

const DEFAULT_QUERY = `# Poortwachter API explorer
#
# NL: Vul bovenaan je Client ID en Client secret in (of plak een toegangstoken); de
#     documentatie (links) toont wat je token mag zien.
# EN: Enter your client ID and secret at the top (or paste an access token); the docs
#     (left) show what your token may see.

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

interface TokenAnswer {
  access_token?: string;
  expires_in?: number;
  scope?: string;
  error?: string;
  error_description?: string;
}

/** OAuth 2.0 client credentials against the gateway's own token endpoint (HTTP Basic, RFC 6749 §2.3.1). */
async function requestClientToken(clientId: string, clientSecret: string): Promise<TokenAnswer> {
  const encode = (value: string) => encodeURIComponent(value);
  const basic = window.btoa(`${encode(clientId)}:${encode(clientSecret)}`);
  const response = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
    body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
  });
  try {
    return (await response.json()) as TokenAnswer;
  } catch {
    return { error: `HTTP ${response.status}` };
  }
}

/** A partner developer signs in with their API client; the token fills the bearer field. */
function ClientCredentialsForm({ onToken }: { onToken: (token: string) => void }) {
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [status, setStatus] = useState<{ kind: 'idle' | 'busy' | 'ok' | 'error'; text: string }>({ kind: 'idle', text: '' });
  const idField = useId();
  const secretField = useId();

  const submit = async (event: { preventDefault(): void }) => {
    event.preventDefault();
    if (!clientId.trim() || !clientSecret) return;
    setStatus({ kind: 'busy', text: 'Token aanvragen… / Requesting token…' });
    try {
      const answer = await requestClientToken(clientId.trim(), clientSecret);
      if (answer.access_token) {
        onToken(answer.access_token);
        // The secret is not kept once it has done its job.
        setClientSecret('');
        setStatus({
          kind: 'ok',
          text: `Token ontvangen (scope: ${answer.scope ?? '-'}, geldig ${answer.expires_in ?? '?'} s) / Token received`,
        });
      } else {
        setStatus({ kind: 'error', text: `${answer.error ?? 'error'}: ${answer.error_description ?? ''}` });
      }
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message });
    }
  };

  return (
    <form className="explorer-client" onSubmit={(event) => void submit(event)} aria-label="Client credentials">
      <div>
        <label htmlFor={idField}>Client ID</label>
        <input id={idField} autoComplete="off" spellCheck={false} value={clientId} onChange={(event) => setClientId(event.target.value)} />
      </div>
      <div>
        <label htmlFor={secretField}>Client secret</label>
        <input
          id={secretField}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={clientSecret}
          onChange={(event) => setClientSecret(event.target.value)}
        />
      </div>
      <button type="submit" disabled={status.kind === 'busy' || !clientId.trim() || !clientSecret}>
        Token ophalen / Get token
      </button>
      <small role="status" className={status.kind === 'error' ? 'explorer-client-error' : undefined}>
        {status.text}
      </small>
    </form>
  );
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
        <ClientCredentialsForm onToken={update} />
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
