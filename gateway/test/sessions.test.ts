import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseCookies, serializeCookie } from '../src/cookies.js';
import { injectTrustToken, isLogout, moveTokensToCookies, sessionLocations, TRUST_TOKEN_VARIABLE } from '../src/sessions.js';

function locate(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition') as OperationDefinitionNode;
  return { locations: sessionLocations(operation, document), logout: isLogout(operation, document) };
}

const inAnHour = new Date(Date.now() + 3600_000).toISOString();

describe('session tokens move from the body into cookies', () => {
  it('takes refreshToken and trustToken out of completeLogin, even aliased or in fragments', () => {
    const { locations } = locate(`
      mutation { a: completeLogin(challengeId: "c", code: "1") { accessToken r: refreshToken refreshTokenExpiresAt ...T } }
      fragment T on AuthSession { trustToken trustTokenExpiresAt }`);
    const body = JSON.stringify({
      data: { a: { accessToken: 'at', r: 'refresh-1', refreshTokenExpiresAt: inAnHour, trustToken: 'trust-1', trustTokenExpiresAt: inAnHour } },
    });
    const moved = moveTokensToCookies(body, locations, true);
    const data = JSON.parse(moved.body).data.a;
    expect(data).toEqual({ accessToken: 'at', refreshTokenExpiresAt: inAnHour, trustTokenExpiresAt: inAnHour });
    expect(moved.cookies).toHaveLength(2);
    const [refresh, trust] = moved.cookies;
    expect(refresh).toMatch(/^pw_refresh=refresh-1; Path=\/auth; HttpOnly; SameSite=Strict; Max-Age=(3599|3600); Secure$/);
    expect(trust).toMatch(/^pw_trust=trust-1; Path=\/graphql; HttpOnly; SameSite=Strict; Max-Age=(3599|3600); Secure$/);
  });

  it('finds the session under startLogin and confirmTwoFactorEnrolment', () => {
    const { locations } = locate(`mutation {
      startLogin(username: "u", password: "p") { challengeId s: session { refreshToken } }
      confirmTwoFactorEnrolment(challengeId: "c", code: "1") { recoveryCodes session { refreshToken } }
    }`);
    expect(locations.map((location) => location.path)).toEqual([
      ['startLogin', 's'],
      ['confirmTwoFactorEnrolment', 'session'],
    ]);
    const moved = moveTokensToCookies(
      JSON.stringify({ data: { startLogin: { challengeId: 'x', s: null }, confirmTwoFactorEnrolment: { recoveryCodes: [], session: { refreshToken: 'r2' } } } }),
      locations,
      false,
    );
    expect(moved.body).not.toContain('r2');
    expect(moved.cookies).toEqual(['pw_refresh=r2; Path=/auth; HttpOnly; SameSite=Strict']);
  });

  it('ignores queries and recognises logout', () => {
    expect(locate('query { viewer { id } }')).toEqual({ locations: [], logout: false });
    expect(locate('mutation { bye: logout }').logout).toBe(true);
  });

  it('passes the trust cookie to startLogin when the client gave no trustToken', () => {
    const body = {
      query: 'mutation Login($u: String!, $p: String!) { startLogin(username: $u, password: $p) { challengeId } }',
      variables: { u: 'werknemer.demo', p: 'x' },
    };
    const injected = injectTrustToken(body, 'trust-abc') as { query: string; variables: Record<string, unknown> };
    expect(injected.variables).toEqual({ u: 'werknemer.demo', p: 'x', [TRUST_TOKEN_VARIABLE]: 'trust-abc' });
    expect(injected.query).toContain(`trustToken: $${TRUST_TOKEN_VARIABLE}`);
    expect(injected.query).toContain(`$${TRUST_TOKEN_VARIABLE}: String`);
    const explicit = { query: 'mutation { startLogin(username: "u", password: "p", trustToken: "mine") { challengeId } }' };
    expect(injectTrustToken(explicit, 'trust-abc')).toBe(explicit);
  });

  it('parses cookies and refuses values that would break the header', () => {
    expect(parseCookies('a=1; pw_refresh=abc_-.; pw_refresh=second; bad=x y')).toEqual(
      new Map([
        ['a', '1'],
        ['pw_refresh', 'abc_-.'],
      ]),
    );
    expect(() => serializeCookie('pw_refresh', 'a;b', { path: '/auth', secure: false })).toThrow();
  });
});
