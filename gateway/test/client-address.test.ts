import type http from 'node:http';
import { HeaderMap } from '@apollo/server';
import { verifyGatewayIdentity } from '@poortwachter/kit';
import { describe, expect, it } from 'vitest';
import { clientAddressOf } from '../src/auth-endpoints.js';
import { resolveOptions } from '../src/config.js';
import { createContext } from '../src/identity.js';
import { EMPLOYER, SIGNING_SECRET } from './fake-subgraphs.js';

function request(remoteAddress: string, forwarded?: string): http.IncomingMessage {
  return {
    socket: { remoteAddress },
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  } as unknown as http.IncomingMessage;
}

describe('the client address forwarded to subgraphs', () => {
  it('is the socket address unless a proxy is trusted', () => {
    expect(clientAddressOf(request('::ffff:192.0.2.10', '198.51.100.1'), false)).toBe('192.0.2.10');
    expect(clientAddressOf(request('2001:db8::1'), false)).toBe('2001:db8::1');
  });

  it('with TRUST_PROXY takes only the first X-Forwarded-For hop, and only when it is an address', () => {
    expect(clientAddressOf(request('10.0.0.2', '198.51.100.1, 10.0.0.1'), true)).toBe('198.51.100.1');
    expect(clientAddressOf(request('10.0.0.2', 'not-an-address, 198.51.100.1'), true)).toBe('10.0.0.2');
    expect(clientAddressOf(request('10.0.0.2'), true)).toBe('10.0.0.2');
  });

  it('travels in the signed identity, where a subgraph reads it back', () => {
    const context = createContext(EMPLOYER, 'req-1', SIGNING_SECRET, { clientAddress: '198.51.100.1', token: 'abc' });
    const verified = verifyGatewayIdentity(new HeaderMap(Object.entries(context.subgraphHeaders)), SIGNING_SECRET);
    expect(verified).toEqual({ identity: EMPLOYER, clientAddress: '198.51.100.1' });
    expect(context.token).toBe('abc');
  });
});

describe('which addresses the configuration trusts', () => {
  const secrets = { GATEWAY_SIGNING_SECRET: 'g'.repeat(32) };

  it('trusts X-Forwarded-For only with TRUST_PROXY=true and marks cookies Secure in production', () => {
    expect(resolveOptions({}, { NODE_ENV: 'production', ...secrets })).toMatchObject({ trustProxy: false, secureCookies: true });
    expect(resolveOptions({}, { TRUST_PROXY: 'true' })).toMatchObject({ trustProxy: true, secureCookies: false });
  });
});
