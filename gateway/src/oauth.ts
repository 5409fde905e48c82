import type http from 'node:http';
import { readBody, sendJson } from '@poortwachter/kit';
import { clientAddressOf } from './auth-endpoints.js';
import type { IdentityClient } from './identity-client.js';
import { IdentityUnavailable } from './identity-client.js';

const TOKEN_MUTATION = `mutation GatewayClientCredentials($clientId: String!, $clientSecret: String!, $scope: String) {
  clientCredentialsToken(clientId: $clientId, clientSecret: $clientSecret, scope: $scope) { accessToken tokenType expiresIn scope }
}`;
const MAX_BODY_BYTES = 8192;
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

function oauthError(
  response: http.ServerResponse,
  status: number,
  error: string,
  description: string,
  headers: Record<string, string>,
): void {
  sendJson(response, status, { error, error_description: description }, { ...headers, ...NO_STORE });
}

/** RFC 6749 §2.3.1: client id and secret are form-encoded before they go into Basic credentials. */
function basicCredentials(authorization: string | undefined): { id: string; secret: string } | null | 'malformed' {
  if (!authorization) return null;
  const match = /^Basic[ ]+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (!match) return 'malformed';
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed';
  try {
    const formDecode = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));
    return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return 'malformed';
  }
}

/**
 * POST /oauth/token: the OAuth 2.0 client-credentials grant (RFC 6749 §4.4) for partner software.
 * Identity checks the client, its secret and scopes, and throttles per client and per address.
 */
export async function handleTokenEndpoint(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  baseHeaders: Record<string, string>,
  identity: IdentityClient | null,
  trustProxy: boolean,
): Promise<void> {
  if (request.method !== 'POST') {
    sendJson(response, 405, { error: 'invalid_request', error_description: 'Use POST.' }, { ...baseHeaders, allow: 'POST, OPTIONS' });
    return;
  }
  const contentType = (request.headers['content-type'] ?? '').toLowerCase();
  if (!contentType.startsWith('application/x-www-form-urlencoded')) {
    oauthError(response, 400, 'invalid_request', 'Send the parameters as application/x-www-form-urlencoded.', baseHeaders);
    return;
  }
  const params = new URLSearchParams(await readBody(request, MAX_BODY_BYTES));
  for (const name of ['grant_type', 'client_id', 'client_secret', 'scope']) {
    if (params.getAll(name).length > 1) {
      oauthError(response, 400, 'invalid_request', `The parameter ${name} is repeated.`, baseHeaders);
      return;
    }
  }
  const grantType = params.get('grant_type');
  if (!grantType) {
    oauthError(response, 400, 'invalid_request', 'grant_type is missing.', baseHeaders);
    return;
  }
  if (grantType !== 'client_credentials') {
    oauthError(response, 400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported.', baseHeaders);
    return;
  }
  const basic = basicCredentials(request.headers.authorization);
  const challenge = { 'www-authenticate': 'Basic realm="poortwachter", charset="UTF-8"' };
  if (basic === 'malformed') {
    oauthError(response, 401, 'invalid_client', 'The Authorization header is not valid Basic credentials.', { ...baseHeaders, ...challenge });
    return;
  }
  const bodyId = params.get('client_id');
  const bodySecret = params.get('client_secret');
  if (basic && (bodySecret !== null || (bodyId !== null && bodyId !== basic.id))) {
    oauthError(response, 400, 'invalid_request', 'Use one client authentication method: Basic or the form body.', baseHeaders);
    return;
  }
  const clientId = basic?.id ?? bodyId;
  const clientSecret = basic?.secret ?? bodySecret;
  if (!clientId || !clientSecret) {
    oauthError(response, 401, 'invalid_client', 'Client authentication is missing.', { ...baseHeaders, ...challenge });
    return;
  }
  if (!identity) {
    oauthError(response, 503, 'temporarily_unavailable', 'No identity subgraph is configured.', baseHeaders);
    return;
  }
  const answer = await identity.call<{
    clientCredentialsToken: { accessToken: string; tokenType: string; expiresIn: number; scope: string } | null;
  }>(
    TOKEN_MUTATION,
    { clientId: clientId.slice(0, 200), clientSecret: clientSecret.slice(0, 500), scope: params.get('scope') },
    null,
    clientAddressOf(request, trustProxy),
  );
  const token = answer.data?.clientCredentialsToken;
  if (token) {
    sendJson(
      response,
      200,
      { access_token: token.accessToken, token_type: token.tokenType, expires_in: token.expiresIn, scope: token.scope },
      { ...baseHeaders, ...NO_STORE },
    );
    return;
  }
  const error = answer.errors?.[0];
  const code = error?.extensions?.code;
  const message = error?.message ?? 'The token request failed.';
  if (code === 'INVALID_CLIENT') oauthError(response, 401, 'invalid_client', message, { ...baseHeaders, ...challenge });
  else if (code === 'INVALID_SCOPE') oauthError(response, 400, 'invalid_scope', message, baseHeaders);
  else if (code === 'TOO_MANY_ATTEMPTS') {
    const retry = Number(error?.extensions?.retryAfterSeconds);
    oauthError(response, 429, 'too_many_attempts', message, {
      ...baseHeaders,
      ...(Number.isFinite(retry) && retry > 0 ? { 'retry-after': String(Math.ceil(retry)) } : {}),
    });
  } else if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED')
    oauthError(response, 400, 'invalid_request', message, baseHeaders);
  else throw new IdentityUnavailable(`clientCredentialsToken: ${message}`);
}
