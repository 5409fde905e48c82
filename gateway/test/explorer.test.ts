import { launchBrowser } from '@poortwachter/infra';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../src/index.js';
import { PARTNER, startFakeSystem, tokenFor, type FakeSystem } from './fake-subgraphs.js';

let system: FakeSystem;
let gateway: RunningGateway;

beforeAll(async () => {
  system = await startFakeSystem();
  gateway = await startGateway({
    port: 0,
    supergraphSdl: system.supergraphSdl,
    subgraphUrls: system.subgraphUrls,
    production: true,
  });
});

afterAll(async () => {
  await gateway?.close();
  await system?.close();
});

describe('/explorer (bundled GraphiQL)', () => {
  it('serves the page with a strict content security policy and only same-origin scripts', async () => {
    const response = await fetch(`${gateway.origin}/explorer`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/connect-src 'self'/);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src.startsWith('/explorer/')).toBe(true);
      const asset = await fetch(`${gateway.origin}${src}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    }
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('does not serve files outside the explorer folder', async () => {
    const response = await fetch(`${gateway.origin}/explorer/..%2f..%2fpackage.json`);
    expect(response.status).toBe(404);
  });

  it('redirects / to the explorer', async () => {
    const response = await fetch(`${gateway.origin}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/explorer');
  });
});

describe('/explorer in a browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads the schema with a partner token and runs queries through the gateway', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Expected refusals: anonymous introspection in production (403) and the default query's
      // unknown field in the fake supergraph (400). Anything else (CSP, workers, scripts) counts.
      if (message.type() === 'error' && !/status of (403|400)/.test(message.text()))
        problems.push(message.text());
    });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));

    await page.goto(`${gateway.origin}/explorer`);
    await page.getByText('Explore the GraphQL API with your own access token').waitFor();
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    // Anonymous visitors may not introspect in production: the refusal is shown, not a crash.
    await expect
      .poll(() => page.locator('.graphiql-response').innerText(), { timeout: 15_000 })
      .toMatch(/INTROSPECTION_DISABLED/);

    await page.getByLabel('Toegangstoken (Bearer) / Access token').fill(`Bearer ${await tokenFor(PARTNER)}`);
    await page.getByText('Token actief / token in use').waitFor();
    await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().click();
    await page
      .locator('.graphiql-doc-explorer')
      .getByText('persons', { exact: true })
      .first()
      .waitFor({ timeout: 15_000 });

    await page.locator('.graphiql-execute-button').click();
    // The default query asks for `viewer`, which the fake supergraph lacks: the gateway answers.
    // (Monaco renders spaces as no-break spaces, hence \s.)
    await expect
      .poll(() => page.locator('.graphiql-response').innerText(), { timeout: 15_000 })
      .toMatch(/Cannot\squery\sfield/);

    expect(requests.every((url) => url.startsWith(gateway.origin))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('gets a token with client ID and secret from /oauth/token and fills the bearer field', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const partnerToken = await tokenFor(PARTNER);
    const seen: { authorization?: string; body: string }[] = [];
    // The fake system has no identity subgraph; the token endpoint's answer is played here.
    await page.route('**/oauth/token', async (route) => {
      const request = route.request();
      seen.push({ authorization: await request.headerValue('authorization') ?? undefined, body: request.postData() ?? '' });
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ access_token: partnerToken, token_type: 'Bearer', expires_in: 900, scope: 'persons:read' }),
      });
    });
    await page.goto(`${gateway.origin}/explorer`);
    await page.getByLabel('Client ID').fill('client-1');
    await page.getByLabel('Client secret').fill('s3cret:with+chars');
    await page.getByRole('button', { name: 'Token ophalen / Get token' }).click();
    await page.getByText('Token actief / token in use').waitFor();
    expect(await page.getByLabel('Toegangstoken (Bearer) / Access token').inputValue()).toBe(partnerToken);
    expect(await page.getByLabel('Client secret').inputValue()).toBe('');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.body).toBe('grant_type=client_credentials');
    const basic = Buffer.from(seen[0]!.authorization!.replace(/^Basic /, ''), 'base64').toString('utf8');
    expect(basic).toBe(`client-1:${encodeURIComponent('s3cret:with+chars')}`);
    await page.close();
  });
});
