import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoTotpSecret } from '@poortwachter/kit';
import { System } from '@poortwachter/infra';
import { freshTotpCode, launchBrowser, screenshot, seriousAccessibilityViolations } from '../src/index.js';
import { exposeDevOutbox, linkPath, nextOutboxMessage } from '../src/outbox.js';

/**
 * The pages around the account: login and "Wachtwoord vergeten" in both widths, the whole
 * forgot-password path through the mail in the outbox, and "Mijn account" on a phone (reached
 * from the folded menu, which closes behind it) and on a desktop.
 */
let system: System;
let browser: Browser;

beforeAll(async () => {
  exposeDevOutbox();
  [system, browser] = await Promise.all([System.start({ withFrontends: true }), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

async function shown(locator: Locator, timeout = 20_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
}

async function newContext(width: number, height: number): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height }, locale: 'nl-NL', hasTouch: width < 600 });
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[browser] ${error.message}`));
  return page;
}

async function enterCredentials(page: Page, username: string, password: string): Promise<void> {
  await shown(page.getByLabel('Gebruikersnaam'));
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await enterCredentials(page, username, password);
  await shown(page.getByRole('heading', { name: 'Code invoeren', level: 1 }));
  await page.getByLabel('Code (6 cijfers)').fill(await freshTotpCode(username, demoTotpSecret(username)));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
}

const NEW_PASSWORD = 'Herfst-Wandeling-Linge-31';

describe('login and forgotten password', () => {
  it('shows the login and forgot-password pages without accessibility problems at 360 and 1280 px', async () => {
    for (const [width, height] of [
      [1280, 900],
      [360, 780],
    ] as const) {
      const context = await newContext(width, height);
      const page = await newPage(context);
      await page.goto(system.stack.urls.shells.employee);
      await shown(page.getByRole('heading', { name: 'Inloggen', level: 1 }));
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
      await screenshot(page, `account-login-${width}`);
      await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
      await shown(page.getByRole('heading', { name: 'Wachtwoord vergeten', level: 1 }));
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
      await screenshot(page, `account-forgot-password-${width}`);
      await context.close();
    }
  });

  it('resets a forgotten password through the link in the mail: the new password works, the old one and the used link do not', async () => {
    const admin = await system.login('beheerder.demo');
    const found = await system.query<{ users: { items: { username: string; email: string }[] } }>(
      'query Users($filter: UserFilter) { users(filter: $filter) { items { username email } } }',
      { filter: { search: 'werknemer.demo' } },
      admin,
    );
    const email = found.data!.users.items.find((user) => user.username === 'werknemer.demo')!.email;
    expect(email).toMatch(/@/);

    const context = await newContext(1280, 900);
    const page = await newPage(context);
    await page.goto(system.stack.urls.shells.employee);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await shown(page.getByRole('heading', { name: 'Wachtwoord vergeten', level: 1 }));
    // An unknown username gets the very same answer: the page reveals no accounts.
    await page.getByLabel(/^Gebruikersnaam/).fill('bestaat.niet');
    await page.getByRole('button', { name: 'Link versturen' }).click();
    const sent = page.getByRole('heading', { name: 'Controleer uw e-mail', level: 1 });
    await shown(sent);
    const unknownAnswer = await page.getByRole('status').textContent();
    await page.goto(new URL('/wachtwoord-vergeten', system.stack.urls.shells.employee).toString());
    await shown(page.getByRole('heading', { name: 'Wachtwoord vergeten', level: 1 }));
    await page.getByLabel(/^Gebruikersnaam/).fill('werknemer.demo');
    await page.getByRole('button', { name: 'Link versturen' }).click();
    await shown(sent);
    expect(await page.getByRole('status').textContent()).toBe(unknownAnswer);
    await expectAccessible(page);
    await screenshot(page, 'account-forgot-password-sent');

    const mail = await nextOutboxMessage(context, system.stack.ports.identity, email, 'password-reset');
    expect(mail.text).toContain('werknemer.demo');
    const link = new URL(
      linkPath(mail.text, '/wachtwoord-herstellen'),
      system.stack.urls.shells.employee,
    ).toString();
    await page.goto(link);
    await shown(page.getByRole('heading', { name: 'Nieuw wachtwoord instellen', level: 1 }));
    await page.getByLabel(/^Nieuw wachtwoord/).fill('kortwachtwoord');
    await page.getByLabel('Herhaal nieuw wachtwoord').fill('kortwachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await shown(page.getByRole('alert').filter({ hasText: /hoofdletter/ }));
    await expectAccessible(page);
    await screenshot(page, 'account-reset-password-refused');
    await page.getByLabel(/^Nieuw wachtwoord/).fill(NEW_PASSWORD);
    await page.getByLabel('Herhaal nieuw wachtwoord').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await shown(page.getByRole('heading', { name: 'Uw wachtwoord is gewijzigd', level: 1 }));
    await page.getByRole('link', { name: 'Naar inloggen' }).click();

    await enterCredentials(page, 'werknemer.demo', DEMO_PASSWORD);
    await shown(page.getByRole('alert').filter({ hasText: 'Gebruikersnaam of wachtwoord onjuist' }));
    await logIn(page, 'werknemer.demo', NEW_PASSWORD);
    await shown(page.getByRole('heading', { name: 'Mijn verzuim', level: 1 }));
    await context.close();

    // The link worked once.
    const again = await newPage(await newContext(1280, 900));
    await again.goto(link);
    await shown(again.getByRole('heading', { name: 'Deze link is al gebruikt', level: 1 }));
    await again.context().close();
  });
});

describe('account page', () => {
  it('is reached from the folded phone menu, which closes behind it, and passes axe at 360 and 1280 px', async () => {
    const context = await newContext(360, 780);
    const page = await newPage(context);
    await page.goto(system.stack.urls.shells.employee);
    await logIn(page, 'werknemer.demo', NEW_PASSWORD);
    await shown(page.getByRole('heading', { name: 'Mijn verzuim', level: 1 }));

    await page.getByRole('button', { name: 'Menu openen' }).click();
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const account = menu.getByRole('link', { name: 'Mijn account' });
    await shown(account);
    await account.click();
    await shown(page.getByRole('heading', { name: 'Mijn account', level: 1 }));
    const burger = page.getByRole('button', { name: 'Menu openen' });
    await shown(burger);
    expect(await burger.getAttribute('aria-expanded')).toBe('false');
    // The folded menu has slid out of the screen: the account page is what the user sees.
    await expect
      .poll(() =>
        page.evaluate(() => document.getElementById('main-navigation')!.getBoundingClientRect().right),
      )
      .toBeLessThanOrEqual(0);
    await shown(page.getByRole('heading', { name: 'Wachtwoord wijzigen' }));
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await screenshot(page, 'account-settings-360');

    await page.setViewportSize({ width: 1280, height: 900 });
    await shown(page.getByRole('heading', { name: 'Mijn account', level: 1 }));
    // On a wide screen the menu is back beside the page (after its slide-in).
    await expect
      .poll(() =>
        page.evaluate(() => document.getElementById('main-navigation')!.getBoundingClientRect().left),
      )
      .toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'account-settings-1280');
    await context.close();
  });
});
