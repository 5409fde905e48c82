import { describe, expect, it } from 'vitest';
import { portOf, secret } from '../src/config.js';
import { demoId, demoPlacement, DEMO_PERSON_COUNT } from '../src/demo.js';

describe('config', () => {
  it('reads ports from the environment and rejects nonsense', () => {
    expect(portOf('gateway', {})).toBe(4000);
    expect(portOf('dossier', { DOSSIER_PORT: '5002' })).toBe(5002);
    expect(() => portOf('dossier', { DOSSIER_PORT: 'abc' })).toThrow(/DOSSIER_PORT/);
  });

  it('requires real secrets in production only', () => {
    expect(secret('GATEWAY_SIGNING_SECRET', {})).toMatch(/development-only/);
    expect(() => secret('GATEWAY_SIGNING_SECRET', { NODE_ENV: 'production' })).toThrow(/must be set/);
    expect(() => secret('GATEWAY_SIGNING_SECRET', { GATEWAY_SIGNING_SECRET: 'short' })).toThrow(/32/);
  });
});

describe('demo ids', () => {
  it('are stable UUIDs, distinct per kind and index', () => {
    expect(demoId('person', 1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(demoId('person', 1)).toBe(demoId('person', 1));
    expect(new Set(Array.from({ length: DEMO_PERSON_COUNT }, (_, i) => demoId('person', i + 1))).size).toBe(DEMO_PERSON_COUNT);
    expect(demoId('person', 1)).not.toBe(demoId('employer', 1));
  });

  it('places every demo person in one of the departments of the three employers', () => {
    const employers = new Set(Array.from({ length: DEMO_PERSON_COUNT }, (_, i) => demoPlacement(i + 1).employerIndex));
    expect([...employers].sort()).toEqual([1, 2, 3]);
  });
});
