import { gzipSync } from 'node:zlib';
import { DEMO_PASSWORD, demoTotpSecret } from '@poortwachter/kit';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../browser.js';
import { freshTotpCode } from '../totp.js';

export interface PageWeight {
  /** JavaScript files fetched until the page settled. */
  scripts: number;
  /** Their size as served, and gzip-compressed (level 6, what a typical server sends). */
  rawBytes: number;
  gzipBytes: number;
  /** Largest Contentful Paint in ms, as Chromium reports it. */
  lcpMs: number | null;
}

// Runs in the page (a string: the DOM's PerformanceObserver types are not this Node program's).
const LARGEST_CONTENTFUL_PAINT = `new Promise((resolve) => {
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    resolve(entries.length > 0 ? entries[entries.length - 1].startTime : null);
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(() => resolve(null), 1000);
})`;

/** The DESIGN.md yardsticks for a shell's first page. */
export const INITIAL_JS_BUDGET_GZIP = 170 * 1024;
export const LCP_BUDGET_MS = 1500;

/**
 * Loads a page in a fresh browser context and weighs the JavaScript it fetched until the network
 * was idle. `prepare` may sign in first; the page is then loaded with the HTTP cache disabled, so
 * everything the signed-in page needs counts, also what the login page had already fetched.
 */
async function weigh(browser: Browser, url: string, prepare?: (page: Page) => Promise<void>): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    if (prepare) {
      await prepare(page);
      await (await context.newCDPSession(page)).send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    const bodies: Promise<Buffer | null>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script' && response.status() === 200) bodies.push(response.body().catch(() => null));
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const lcpMs = await page.evaluate<number | null>(LARGEST_CONTENTFUL_PAINT);
    const files = (await Promise.all(bodies)).filter((body): body is Buffer => body !== null);
    return {
      scripts: files.length,
      rawBytes: files.reduce((sum, body) => sum + body.length, 0),
      gzipBytes: files.reduce((sum, body) => sum + gzipSync(body, { level: 6 }).length, 0),
      lcpMs,
    };
  } finally {
    await context.close();
  }
}

async function signIn(page: Page, shellUrl: string, username: string): Promise<void> {
  await page.goto(new URL('/inloggen', shellUrl).toString(), { waitUntil: 'networkidle' });
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByLabel('Code (6 cijfers)').fill(await freshTotpCode(username, demoTotpSecret(username)));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'), { timeout: 30_000 });
}

export interface ShellWeights {
  shell: string;
  loginPage: PageWeight;
  /** The first screen after signing in (dashboard with its remotes), cold cache. */
  dashboard: PageWeight;
}

/** Both shells: the login page of a first visit, and the dashboard a signed-in user opens. */
export async function measureShells(shells: { name: string; url: string; username: string }[]): Promise<ShellWeights[]> {
  const browser = await launchBrowser();
  try {
    const results: ShellWeights[] = [];
    for (const shell of shells) {
      const loginPage = await weigh(browser, new URL('/inloggen', shell.url).toString());
      const dashboard = await weigh(browser, shell.url, (page) => signIn(page, shell.url, shell.username));
      results.push({ shell: shell.name, loginPage, dashboard });
    }
    return results;
  } finally {
    await browser.close();
  }
}
