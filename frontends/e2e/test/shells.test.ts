import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@poortwachter/kit';
import { System, eventually } from '@poortwachter/infra';
import { demoTotpSecret } from '@poortwachter/identity-service';
import { freshTotpCode, launchBrowser, screenshot, seriousAccessibilityViolations } from '../src/index.js';

/**
 * The manuals' users in a real browser: an employee and an employer log in to their shells, see
 * the data the remotes render, and keep a working shell when a remote or a subgraph is down.
 */
let system: System;
let browser: Browser;

beforeAll(async () => {
  [system, browser] = await Promise.all([System.start({ withFrontends: true }), launchBrowser()]);
  // The demo trajectory reaches activities through the event queue.
  const token = await system.login('werkgever.demo');
  await eventually(async () => {
    const result = await system.query<{ actionList: unknown[] }>(
      '{ actionList(daysAhead: 28) { id } }',
      {},
      token,
    );
    return (result.data?.actionList.length ?? 0) > 0;
  }, 60_000);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

async function newPage(width = 1280, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'nl-NL' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[browser] ${error.message}`));
  return page;
}

async function enterCredentials(
  page: Page,
  shellUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(shellUrl);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** The two-step login of a demo user: password, then the code of their enrolled authenticator app. */
async function logIn(page: Page, shellUrl: string, username: string): Promise<void> {
  await enterCredentials(page, shellUrl, username, DEMO_PASSWORD);
  const heading = page.getByRole('heading', { name: 'Code invoeren', level: 1 });
  await shown(heading);
  // Focus moves to each step's heading.
  await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.getByLabel('Code (6 cijfers)').fill(await freshTotpCode(username, demoTotpSecret(username)));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
}

/** Waits until the element is visible; fails the test with Playwright's message otherwise. */
async function shown(locator: Locator, timeout = 20_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

describe('employee shell', () => {
  it('refuses a wrong password with a Dutch message, and passes axe on the login page', async () => {
    const page = await newPage();
    await enterCredentials(
      page,
      system.stack.urls.shells.employee,
      'werknemer.demo',
      'Verkeerd-Wachtwoord-1',
    );
    await expect
      .poll(() => page.getByText('Gebruikersnaam of wachtwoord onjuist').count())
      .toBeGreaterThan(0);
    await screenshot(page, 'employee-login-refused');
    await expectAccessible(page);
    await page.context().close();
  });

  it("shows the employee's own dossiers and appointments from the employee-portal remote", async () => {
    const page = await newPage();
    await logIn(page, system.stack.urls.shells.employee, 'werknemer.demo');
    await shown(page.getByRole('heading', { name: 'Mijn verzuim', level: 1 }));
    await shown(page.getByRole('heading', { name: 'Actueel dossier' }));
    await shown(page.getByRole('table', { name: /Al uw verzuimdossiers/ }));
    // Sanne has one open and two closed cases.
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: /Al uw verzuimdossiers/ })
          .getByRole('row')
          .count(),
      )
      .toBe(4);
    await shown(page.getByRole('heading', { name: 'Komende afspraken' }));
    await shown(page.getByText(/Met dr\. Marieke Bos|Met Ruben Visser/).first());
    await screenshot(page, 'employee-dashboard-1280');
    await expectAccessible(page);
    await page.context().close();
  });

  it('works on a 360 px phone screen with the menu collapsed', async () => {
    const page = await newPage(360, 780);
    await logIn(page, system.stack.urls.shells.employee, 'werknemer.demo');
    await shown(page.getByRole('heading', { name: 'Mijn verzuim', level: 1 }));
    await shown(page.getByRole('button', { name: 'Menu openen' }));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'employee-dashboard-360');
    await expectAccessible(page);
    await page.context().close();
  });

  it('switches to English', async () => {
    const page = await newPage();
    await logIn(page, system.stack.urls.shells.employee, 'werknemer.demo');
    await shown(page.getByRole('heading', { name: 'Mijn verzuim', level: 1 }));
    await page.getByRole('button', { name: 'EN – English' }).first().click();
    await shown(page.getByRole('heading', { name: 'My absence', level: 1 }));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.context().close();
  });

  it('keeps the dossiers and shows an error panel only for appointments when the agenda subgraph is down', async () => {
    await system.stack.stopService('agenda');
    try {
      const page = await newPage();
      await logIn(page, system.stack.urls.shells.employee, 'werknemer.demo');
      await shown(page.getByRole('heading', { name: 'Actueel dossier' }));
      await shown(page.getByRole('table', { name: /Al uw verzuimdossiers/ }));
      await shown(page.getByRole('alert').filter({ hasText: 'Gegevens niet beschikbaar' }));
      await screenshot(page, 'employee-agenda-down');
      await page.context().close();
    } finally {
      await system.stack.startService('agenda');
    }
  });
});

describe('employer shell', () => {
  it('shows the action list and the open absence analysis on the dashboard', async () => {
    const page = await newPage();
    await logIn(page, system.stack.urls.shells.employer, 'werkgever.demo');
    await shown(page.getByRole('heading', { name: 'Mijn Dashboard', level: 1 }));
    const actions = page.getByRole('table', { name: /Actielijst/ });
    await shown(actions);
    await expect.poll(() => actions.getByRole('row').count()).toBeGreaterThan(1);
    await shown(page.getByText('Kort (1–7 dagen)').first());
    await screenshot(page, 'employer-dashboard-1280');
    await expectAccessible(page);
    await page.context().close();
  });

  it('lists only the persons of the own employer, searchable', async () => {
    const page = await newPage();
    await logIn(page, system.stack.urls.shells.employer, 'werkgever.demo');
    await page.getByRole('link', { name: 'Personen' }).first().click();
    await shown(page.getByRole('heading', { name: 'Personen', level: 1 }));
    const table = page.getByRole('table').first();
    await shown(table.getByText('Zorggroep Rivierenland').first());
    expect(await table.getByText('Bouwbedrijf Van Dijk & Zn.').count()).toBe(0);
    expect(await table.getByText('Gemeente Lekstad').count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Zoeken op naam' }).fill('Sanne');
    await shown(table.getByText('Sanne de Vries'));
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await screenshot(page, 'employer-persons');
    await expectAccessible(page);
    await page.context().close();
  });

  it('shows the agenda remote with appointments', async () => {
    const page = await newPage();
    await logIn(page, system.stack.urls.shells.employer, 'planner.demo');
    await page.getByRole('link', { name: 'Agenda' }).first().click();
    await shown(page.getByRole('heading', { name: 'Agenda', level: 1 }));
    await screenshot(page, 'employer-agenda');
    await expectAccessible(page);
    await page.context().close();
  });

  it('shows an error panel where a remote that cannot load belongs, and the rest of the shell keeps working', async () => {
    await system.stack.stopFrontend('employer-dashboard');
    const page = await newPage();
    await logIn(page, system.stack.urls.shells.employer, 'werkgever.demo');
    const panel = page.getByRole('alert').filter({ hasText: 'Dit onderdeel kon niet worden geladen' });
    await shown(panel);
    await screenshot(page, 'employer-remote-down');
    // The agenda remote still loads in the same shell.
    await page.getByRole('link', { name: 'Agenda' }).first().click();
    await shown(page.getByRole('heading', { name: 'Agenda', level: 1 }));
    await page.context().close();
  });
});
