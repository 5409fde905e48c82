import { describe, expect, it, vi } from 'vitest';
import { describeError, errorCode, i18n, loadNamespaces } from '@poortwachter/ui';
import { createGraphQLRequest, createSessionStore, GraphQLRequestError, graphqlOperation } from '../src';

const VIEWER = graphqlOperation<{ viewer: { id: string } }, { id: string }>(`
  query Viewer($id: ID!) {
    viewer(id: $id) { id }
  }
`);

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('plain-fetch GraphQL request', () => {
  it('posts the operation as Apollo Client would: CSRF header, cookies, JSON body', async () => {
    const fetcher = vi.fn().mockResolvedValue(json({ data: { viewer: { id: 'u1' } } }));
    const request = createGraphQLRequest({ url: 'http://gateway.test/graphql', fetcher });
    expect(await request(VIEWER, { id: 'u1' })).toEqual({ viewer: { id: 'u1' } });
    const [url, init] = fetcher.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('http://gateway.test/graphql');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('include');
    expect(init.headers).toMatchObject({ 'content-type': 'application/json', 'apollo-require-preflight': 'true' });
    expect(init.headers).not.toHaveProperty('authorization');
    expect(JSON.parse(init.body as string)).toEqual({ operationName: 'Viewer', query: 'query Viewer($id: ID!) { viewer(id: $id) { id } }', variables: { id: 'u1' } });
  });

  it('rejects with the GraphQL errors (also on HTTP 400), readable by errorCode and describeError', async () => {
    const fetcher = vi.fn().mockResolvedValue(json({ errors: [{ message: 'no', extensions: { code: 'INVALID_CREDENTIALS', retryAfterSeconds: 3 } }] }, 400));
    const error = await createGraphQLRequest({ url: 'http://gateway.test/graphql', fetcher })(VIEWER, { id: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect(errorCode(error)).toBe('INVALID_CREDENTIALS');
    expect((error as GraphQLRequestError).errors[0]?.extensions?.retryAfterSeconds).toBe(3);
  });

  it('reports a failed connection as a network error and a bare HTTP error by its status', async () => {
    const offline = createGraphQLRequest({ url: 'http://gateway.test/graphql', fetcher: vi.fn().mockRejectedValue(new TypeError('Failed to fetch')) });
    expect(describeError(await offline(VIEWER, { id: 'x' }).catch((e: unknown) => e)).key).toBe('network');
    const proxy = createGraphQLRequest({ url: 'http://gateway.test/graphql', fetcher: vi.fn().mockResolvedValue(new Response('<html>', { status: 502 })) });
    expect(describeError(await proxy(VIEWER, { id: 'x' }).catch((e: unknown) => e))).toEqual({ key: 'data', code: 'HTTP_502' });
  });

  it('sends the bearer token when signed in and renews an expired one once', async () => {
    const user = { id: 'u1', username: 'werknemer.demo', displayName: 'Sanne de Vries', role: 'EMPLOYEE' as const };
    const refresh = vi.fn().mockResolvedValue({ accessToken: 'jwt-2', expiresAt: '2999-01-01T00:00:00.000Z', user });
    const session = createSessionStore(undefined, Date.now, { refresh, logout: vi.fn() });
    session.signIn({ accessToken: 'jwt-1', expiresAt: '2999-01-01T00:00:00.000Z', user });
    const fetcher = vi
      .fn()
      .mockResolvedValueOnce(json({ errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] }))
      .mockResolvedValueOnce(json({ data: { viewer: { id: 'u1' } } }));
    const request = createGraphQLRequest({ url: 'http://gateway.test/graphql', session, fetcher });
    expect(await request(VIEWER, { id: 'u1' })).toEqual({ viewer: { id: 'u1' } });
    const headers = fetcher.mock.calls.map(([, init]) => (init as RequestInit).headers as Record<string, string>);
    expect(headers.map((h) => h.authorization)).toEqual(['Bearer jwt-1', 'Bearer jwt-2']);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});

describe('message catalogs on demand', () => {
  it('loads a namespace that is not there yet', async () => {
    i18n.removeResourceBundle('en', 'common');
    expect(i18n.hasResourceBundle('en', 'common')).toBe(false);
    await i18n.changeLanguage('en');
    await loadNamespaces('common');
    expect(i18n.hasResourceBundle('en', 'common')).toBe(true);
    expect(i18n.t('common:close')).toBe('Close');
    await i18n.changeLanguage('nl');
  });
});
