import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource, demoId } from '@poortwachter/kit';
import { System, eventually } from '@poortwachter/infra';
import { freshTotpCode, launchBrowser, screenshot, seriousAccessibilityViolations } from '../src/index.js';

/**
 * The employee manual's first use ("Account activeren", "Wachtwoord instellen", "Inloggen",
 * "Tweestapsverificatie"): an invitation from the arbodienst, the activation link from the mail,
 * the password rules one by one, the case-sensitive username, enrolling an authenticator app with
 * the secret shown on the page, the recovery codes, and the employee's own dashboard.
 */
let system: System;
let browser: Browser;

beforeAll(async () => {
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

async function expectFocused(locator: Locator): Promise<void> {
  await expect.poll(() => locator.evaluate((element) => element === document.activeElement)).toBe(true);
}

const USERNAME = 'Eva.Eerstegebruik';
const EMAIL = 'eva.eerstegebruik@example.nl';
const PASSWORD = 'Lange-Zomeravond-2026';

describe('first use of the employee portal', () => {
  it('activates an invited account, enrols an authenticator app and reaches "Mijn verzuim"', async () => {
    const admin = await system.login('beheerder.demo');
    const invited = await system.query<{ inviteUser: { user: { username: string; role: string } } }>(
      'mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { user { username role } } }',
      { input: { role: 'EMPLOYEE', personId: demoId('person', 12), email: EMAIL, displayName: 'Eva Eerstegebruik', username: USERNAME } },
      admin,
    );
    expect(invited.errors).toBeUndefined();
    expect(invited.data?.inviteUser.user).toEqual({ username: USERNAME, role: 'EMPLOYEE' });

    // The invitation mail, as the outbox holds it: the username and the single-use link.
    // The test system runs in production mode, where the devOutbox query is refused (NOT_AVAILABLE);
    // the outbox table behind it holds the same mail.
    const outbox = createDataSource({ url: system.db.url, schema: 'identity', entities: [], migrations: [], poolSize: 1 });
    await outbox.initialize();
    const mail = await eventually(async () => {
      const rows = (await outbox.query(
        `SELECT text FROM identity.outbox WHERE kind = 'MAIL' AND purpose = 'invitation' AND recipient = $1 ORDER BY created_at DESC LIMIT 1`,
        [EMAIL],
      )) as { text: string }[];
      return rows[0];
    }).finally(() => outbox.destroy());
    expect(mail.text).toContain(USERNAME);
    const link = /https?:\/\/\S+?(\/activeren\?token=\S+)/.exec(mail.text);
    expect(link).not.toBeNull();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`[browser] ${error.message}`));
    // The link's path and token on the shell this test stack serves.
    await page.goto(new URL(link![1]!, system.stack.urls.shells.employee).toString());
    await shown(page.getByRole('heading', { name: 'Account activeren', level: 1 }));
    await shown(page.getByLabel('E-mailadres'));
    await page.getByLabel('E-mailadres').fill(EMAIL);
    await expectAccessible(page);
    await screenshot(page, 'first-use-activation');

    const alert = page.getByRole('alert');
    const submit = page.getByRole('button', { name: 'Account activeren' });
    const refusals: [string, string][] = [
      ['Kort-Wacht1', 'Het wachtwoord is korter dan 12 tekens.'],
      ['lange-zomeravond-2026', 'Het wachtwoord bevat geen hoofdletter.'],
      ['Lange-Zomeravond-Vuur', 'Het wachtwoord bevat geen cijfer.'],
      ['Password1234', 'Dit wachtwoord wordt te vaak gebruikt of is gelekt.'],
    ];
    let previous: string | null = null;
    for (const [password, message] of refusals) {
      await page.getByLabel(/^Wachtwoord/).fill(password);
      await page.getByLabel('Herhaal wachtwoord').fill(password);
      await submit.click();
      await expect
        .poll(async () => {
          const text = (await alert.count()) > 0 ? await alert.first().textContent() : '';
          return !!text?.includes(message) && (previous === null || !text.includes(previous));
        })
        .toBe(true);
      previous = message;
    }
    await screenshot(page, 'first-use-password-refused');
    await page.getByLabel(/^Wachtwoord/).fill(PASSWORD);
    await page.getByLabel('Herhaal wachtwoord').fill(PASSWORD);
    await submit.click();
    await shown(page.getByRole('heading', { name: 'Uw account is geactiveerd', level: 1 }));
    await page.getByRole('link', { name: 'Naar inloggen' }).click();

    // The username is case-sensitive.
    await shown(page.getByRole('heading', { name: 'Inloggen', level: 1 }));
    await page.getByLabel('Gebruikersnaam').fill(USERNAME.toLowerCase());
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await shown(page.getByRole('alert').filter({ hasText: 'Gebruikersnaam of wachtwoord onjuist' }));

    await page.getByLabel('Gebruikersnaam').fill(USERNAME);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const enrol = page.getByRole('heading', { name: 'Tweestapsverificatie instellen', level: 1 });
    await shown(enrol);
    await expectFocused(enrol);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Authenticator-app' }).click();

    const link2fa = page.getByRole('heading', { name: 'Authenticator-app koppelen', level: 1 });
    await shown(link2fa);
    await expectFocused(link2fa);
    await shown(page.getByRole('img', { name: /QR-code/ }));
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const codeField = page.getByLabel('Code uit de app (6 cijfers)');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    await expectAccessible(page);
    await screenshot(page, 'first-use-authenticator');
    await codeField.fill(await freshTotpCode(USERNAME, secret));
    await page.getByRole('button', { name: 'Koppelen' }).click();

    await shown(page.getByRole('heading', { name: 'Uw herstelcodes', level: 1 }));
    expect(await page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem').count()).toBe(10);
    const proceed = page.getByRole('button', { name: 'Verder naar het portaal' });
    expect(await proceed.isDisabled()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'first-use-recovery-codes');
    await page.getByLabel('Ik heb de codes bewaard').check();
    await proceed.click();

    await shown(page.getByRole('heading', { name: 'Mijn verzuim', level: 1 }));
    await screenshot(page, 'first-use-dashboard');
    await context.close();
  });
});
