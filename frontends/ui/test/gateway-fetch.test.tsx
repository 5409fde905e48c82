import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileRequestError, GatewayAccessProvider, useGatewayFetch, type GatewayAccess } from '../src/gateway-fetch';

function fetchOf(access: GatewayAccess) {
  const wrapper = ({ children }: { children: ReactNode }) => <GatewayAccessProvider access={access}>{children}</GatewayAccessProvider>;
  return renderHook(() => useGatewayFetch(), { wrapper }).result.current;
}

afterEach(() => vi.unstubAllGlobals());

describe('useGatewayFetch', () => {
  it('sends the bearer token to the gateway origin', async () => {
    const calls: [string, Headers][] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push([url, new Headers(init.headers)]);
      return new Response('ok', { status: 200 });
    });
    const gatewayFetch = fetchOf({ origin: 'http://gateway.test', token: () => 'token-1', refresh: async () => true });
    const response = await gatewayFetch('/files/documents/d1');
    expect(response.status).toBe(200);
    expect(calls[0]![0]).toBe('http://gateway.test/files/documents/d1');
    expect(calls[0]![1].get('authorization')).toBe('Bearer token-1');
  });

  it('renews the token once on a 401 and repeats the request with the new token', async () => {
    let token = 'expired';
    const seen: (string | null)[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      const authorization = new Headers(init.headers).get('authorization');
      seen.push(authorization);
      return new Response(null, { status: authorization === 'Bearer fresh' ? 200 : 401 });
    });
    const refresh = vi.fn(async () => {
      token = 'fresh';
      return true;
    });
    const response = await fetchOf({ origin: 'http://gateway.test', token: () => token, refresh })('/files/x');
    expect(response.status).toBe(200);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['Bearer expired', 'Bearer fresh']);
  });

  it('gives the 401 back when the session has ended, without repeating', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 401 }));
    vi.stubGlobal('fetch', fetchMock);
    const response = await fetchOf({ origin: 'http://gateway.test', token: () => 'old', refresh: async () => false })('/files/x');
    expect(response.status).toBe(401);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('fileRequestError', () => {
  it('reads the stable code of a JSON error and keeps only the status of anything else', async () => {
    const coded = await fileRequestError(
      new Response(JSON.stringify({ error: { code: 'UPLOAD_TOO_LARGE', message: 'Too large' } }), { status: 413 }),
    );
    expect(coded).toMatchObject({ statusCode: 413, code: 'UPLOAD_TOO_LARGE', message: 'Too large' });
    const html = await fileRequestError(new Response('<html>bad gateway</html>', { status: 502 }));
    expect(html).toMatchObject({ statusCode: 502, code: undefined, message: 'HTTP 502' });
  });
});
