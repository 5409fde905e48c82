import { describe, expect, it } from 'vitest';
import { loadRuntimeConfig, parseRuntimeConfig, RuntimeConfigError } from '../src/runtime-config';

const valid = {
  gatewayUrl: 'http://localhost:4000/graphql',
  locale: 'nl',
  remotes: {
    employeePortal: 'http://localhost:3101/mf-manifest.json',
    employerDashboard: 'http://localhost:3102/mf-manifest.json',
    agenda: 'http://localhost:3103/mf-manifest.json',
  },
};

describe('runtime config', () => {
  it('accepts the documented shape', () => {
    expect(parseRuntimeConfig(valid)).toEqual(valid);
    expect(parseRuntimeConfig({ gatewayUrl: '/graphql' })).toEqual({ gatewayUrl: '/graphql', locale: undefined, remotes: {} });
  });

  it.each([
    ['no object', null, /JSON object/],
    ['no gateway', { remotes: {} }, /gatewayUrl/],
    ['a non-http gateway', { gatewayUrl: 'javascript:alert(1)' }, /gatewayUrl/],
    ['an unknown locale', { ...valid, locale: 'de' }, /locale/],
    ['a remote without URL', { ...valid, remotes: { agenda: 42 } }, /remotes\.agenda/],
  ])('rejects %s with a named field', (_label, value, message) => {
    expect(() => parseRuntimeConfig(value)).toThrow(RuntimeConfigError);
    expect(() => parseRuntimeConfig(value)).toThrow(message);
  });

  it('fails clearly when the file is not served', async () => {
    const fetchImpl = (async () => new Response('nope', { status: 404 })) as typeof fetch;
    await expect(loadRuntimeConfig('/runtime-config.json', fetchImpl)).rejects.toThrow(/HTTP 404/);
    const ok = (async () => new Response(JSON.stringify(valid), { status: 200 })) as typeof fetch;
    await expect(loadRuntimeConfig('/runtime-config.json', ok)).resolves.toEqual(valid);
  });
});
