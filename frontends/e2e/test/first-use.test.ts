import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoId, demoTotpSecret } from '@poortwachter/kit';
import { System } from '@poortwachter/infra';
import { freshTotpCode, launchBrowser, screenshot, seriousAccessibilityViolations } from '../src/index.js';
import { exposeDevOutbox, linkPath, nextOutboxMessage, outboxMessages, smsCode } from '../src/outbox.js';

/**
 * The employee manual's first use ("Account activeren", "Wachtwoord instellen", "Inloggen",
 * "Tweestapsverificatie"): an invitation from the arbodienst, the activation link from the mail,
 * the password rules one by one, the case-sensitive username, enrolling an authenticator app with
 * the secret shown on the page, the recovery codes, and the employee's own dashboard.
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

async function expectFocused(locator: Locator): Promise<void> {
  await expect.poll(() => locator.evaluate((element) => element === document.activeElement)).toBe(true);
}

const USERNAME = 'Eva.Eerstegebruik';
const EMAIL = 'eva.eerstegebruik@example.nl';
const PASSWORD = 'Lange-Zomeravond-2026';

async function invite(input: Record<string, unknown>): Promise<void> {
  const admin = await system.login('beheerder.demo');
  const invited = await system.query(
    'mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { user { username } } }',
    { input },
    admin,
  );
  expect(invited.errors).toBeUndefined();
}

/** Opens the activation link of the newest invitation mail to `email` and sets the password; ends on the login page. */
async function activate(
  context: BrowserContext,
  shellUrl: string,
  email: string,
  password: string,
): Promise<Page> {
  const mail = await nextOutboxMessage(context, system.stack.ports.identity, email, 'invitation');
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[browser] ${error.message}`));
  await page.goto(new URL(linkPath(mail.text, '/activeren'), shellUrl).toString());
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel(/^Wachtwoord/).fill(password);
  await page.getByLabel('Herhaal wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Account activeren' }).click();
  await shown(page.getByRole('heading', { name: 'Uw account is geactiveerd', level: 1 }));
  await page.getByRole('link', { name: 'Naar inloggen' }).click();
  await shown(page.getByRole('heading', { name: 'Inloggen', level: 1 }));
  return page;
}

async function logInWithPassword(page: Page, username: string, password: string): Promise<void> {
  await shown(page.getByLabel('Gebruikersnaam'));
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

describe('first use of the employee portal', () => {
  it('activates an invited account, enrols an authenticator app and reaches "Mijn verzuim"', async () => {
    const admin = await system.login('beheerder.demo');
    const invited = await system.query<{ inviteUser: { user: { username: string; role: string } } }>(
      'mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { user { username role } } }',
      {
        input: {
          role: 'EMPLOYEE',
          personId: demoId('person', 12),
          email: EMAIL,
          displayName: 'Eva Eerstegebruik',
          username: USERNAME,
        },
      },
      admin,
    );
    expect(invited.errors).toBeUndefined();
    expect(invited.data?.inviteUser.user).toEqual({ username: USERNAME, role: 'EMPLOYEE' });

    // The invitation mail, read from the development outbox page: the username and the single-use link.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const mail = await nextOutboxMessage(context, system.stack.ports.identity, EMAIL, 'invitation');
    expect(mail.text).toContain(USERNAME);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`[browser] ${error.message}`));
    // The link's path and token on the shell this test stack serves.
    await page.goto(new URL(linkPath(mail.text, '/activeren'), system.stack.urls.shells.employee).toString());
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
  it('enrols SMS with the code from the outbox, and a second login in the same browser asks no SMS for 24 hours', async () => {
    const username = 'Sem.Smsgebruiker';
    const email = 'sem.smsgebruiker@example.nl';
    const password = 'Regenboog-Boven-Tiel-77';
    const phone = '+31612340077';
    await invite({
      role: 'EMPLOYEE',
      personId: demoId('person', 13),
      email,
      displayName: 'Sem Smsgebruiker',
      username,
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const page = await activate(context, system.stack.urls.shells.employee, email, password);
    await logInWithPassword(page, username, password);
    await shown(page.getByRole('heading', { name: 'Tweestapsverificatie instellen', level: 1 }));
    await page.getByRole('button', { name: 'SMS', exact: true }).click();
    const smsSetup = page.getByRole('heading', { name: 'SMS instellen', level: 1 });
    await shown(smsSetup);
    await expectFocused(smsSetup);

    // A number that is not a mobile number is refused; a Dutch number works without +31.
    await page.getByLabel('Mobiel telefoonnummer').fill('12345');
    await page.getByRole('button', { name: 'Code sturen' }).click();
    await shown(page.getByRole('alert').filter({ hasText: 'Dit is geen geldig mobiel nummer' }));
    await page.getByLabel('Mobiel telefoonnummer').fill('06 1234 0077');
    await expectAccessible(page);
    await screenshot(page, 'first-use-sms-phone');
    await page.getByRole('button', { name: 'Code sturen' }).click();
    const codeField = page.getByLabel('Code uit de sms (6 cijfers)');
    await shown(codeField);
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');

    const sms = await nextOutboxMessage(context, system.stack.ports.identity, phone, 'login-code');
    const firstSmsAt = Date.now();
    const code = smsCode(sms.text);
    // A wrong code first: refused, and the right one still works after it.
    await codeField.fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await shown(page.getByRole('alert').filter({ hasText: 'De code is onjuist of verlopen' }));
    await expectAccessible(page);
    await screenshot(page, 'first-use-sms-code');
    await codeField.fill(code);
    await page.getByRole('button', { name: 'Bevestigen' }).click();

    await shown(page.getByRole('heading', { name: 'Uw herstelcodes', level: 1 }));
    await page.getByLabel('Ik heb de codes bewaard').check();
    await page.getByRole('button', { name: 'Verder naar het portaal' }).click();
    await shown(page.getByRole('heading', { name: 'Mijn verzuim', level: 1 }));

    // Logged out and in again in the same browser: the password is enough, no SMS is sent.
    await page.getByRole('button', { name: 'Uitloggen' }).first().click();
    await shown(page.getByRole('heading', { name: 'Inloggen', level: 1 }));
    await logInWithPassword(page, username, password);
    await shown(page.getByRole('heading', { name: 'Mijn verzuim', level: 1 }));
    expect(await page.getByRole('heading', { name: 'Code invoeren' }).count()).toBe(0);
    expect(
      (await outboxMessages(context, system.stack.ports.identity, phone)).filter(
        (m) => m.purpose === 'login-code',
      ),
    ).toHaveLength(1);
    await context.close();

    // Another browser is not trusted: it gets the SMS step (and a new code in the outbox). Identity
    // sends at most one SMS per account per 30 seconds, so this sign-in waits for that.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstSmsAt + 31_000 - Date.now())));
    const other = await browser.newContext({
      viewport: { width: 360, height: 780 },
      locale: 'nl-NL',
      hasTouch: true,
    });
    const otherPage = await other.newPage();
    await otherPage.goto(system.stack.urls.shells.employee);
    await logInWithPassword(otherPage, username, password);
    await shown(otherPage.getByRole('heading', { name: 'Code invoeren', level: 1 }));
    await shown(otherPage.getByText(/We hebben een code gestuurd naar/));
    const second = await nextOutboxMessage(other, system.stack.ports.identity, phone, 'login-code', 1);
    await otherPage.getByLabel('Code (6 cijfers)').fill(smsCode(second.text));
    await expectAccessible(otherPage);
    await screenshot(otherPage, 'first-use-sms-login-360');
    await otherPage.getByRole('button', { name: 'Bevestigen' }).click();
    await shown(otherPage.getByRole('heading', { name: 'Mijn verzuim', level: 1 }));
    await other.close();
  });
});

describe('first login of an employer with a provisional password', () => {
  it('makes the employer choose an own password under the rules, then enrol a second factor, then shows the dashboard', async () => {
    const username = 'Pieter.Voorlopig';
    const email = 'pieter.voorlopig@example.nl';
    await invite({
      role: 'EMPLOYER',
      email,
      displayName: 'Pieter Voorlopig',
      username,
      scope: { employerIds: [demoId('employer', 1)] },
    });

    // The administrator hands out a provisional password from the users screen.
    const adminContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
    });
    const admin = await adminContext.newPage();
    await admin.goto(new URL('/beheer/gebruikers', system.stack.urls.shells.employer).toString());
    await logInWithPassword(admin, 'beheerder.demo', DEMO_PASSWORD);
    await shown(admin.getByRole('heading', { name: 'Code invoeren', level: 1 }));
    await admin
      .getByLabel('Code (6 cijfers)')
      .fill(await freshTotpCode('beheerder.demo', demoTotpSecret('beheerder.demo')));
    await admin.getByRole('button', { name: 'Bevestigen' }).click();
    await shown(admin.getByRole('heading', { name: 'Beheer', level: 1 }));
    await admin.getByLabel('Zoeken op naam, gebruikersnaam of e-mail').fill('Voorlopig');
    await admin.getByRole('button', { name: 'Pieter Voorlopig beheren' }).click();
    await admin.getByRole('button', { name: 'Voorlopig wachtwoord instellen' }).click();
    const shownPassword = admin.getByTestId('provisional-password');
    await shown(shownPassword);
    const provisional = ((await shownPassword.textContent()) ?? '').trim();
    expect(provisional).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    await screenshot(admin, 'first-use-provisional-password-admin');
    await adminContext.close();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`[browser] ${error.message}`));
    await page.goto(system.stack.urls.shells.employer);
    await logInWithPassword(page, username, provisional);
    const own = page.getByRole('heading', { name: 'Kies een eigen wachtwoord', level: 1 });
    await shown(own);
    await expectFocused(own);
    await expectAccessible(page);
    await screenshot(page, 'first-use-own-password');

    const submit = page.getByRole('button', { name: 'Wachtwoord opslaan' });
    const refusals: [string, string, string][] = [
      ['kort-1A', 'kort-1A', 'minimaal 12 tekens lang zijn'],
      ['Pieter.Voorlopig-2026', 'Pieter.Voorlopig-2026', 'niet uw gebruikersnaam bevatten'],
      ['Password1234', 'Password1234', 'geen veelgebruikt of gelekt wachtwoord zijn'],
      [provisional, provisional, 'Kies een ander wachtwoord dan het voorlopige'],
      ['Werkgever-Tiel-2026', 'Werkgever-Tiel-2027', 'De twee wachtwoorden zijn niet gelijk'],
    ];
    const failure = page.getByRole('alert').filter({ hasText: 'Inloggen mislukt' });
    for (const [password, repeat, message] of refusals) {
      await page.getByLabel(/^Nieuw wachtwoord/).fill(password);
      await page.getByLabel('Herhaal nieuw wachtwoord').fill(repeat);
      await submit.click();
      await expect
        .poll(async () => ((await failure.count()) > 0 ? ((await failure.textContent()) ?? '') : ''))
        .toContain(message);
    }
    await page.getByLabel(/^Nieuw wachtwoord/).fill('Werkgever-Tiel-2026');
    await page.getByLabel('Herhaal nieuw wachtwoord').fill('Werkgever-Tiel-2026');
    await submit.click();

    await shown(page.getByRole('heading', { name: 'Tweestapsverificatie instellen', level: 1 }));
    await page.getByRole('button', { name: 'Authenticator-app' }).click();
    await shown(page.getByRole('heading', { name: 'Authenticator-app koppelen', level: 1 }));
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    await page.getByLabel('Code uit de app (6 cijfers)').fill(await freshTotpCode(username, secret));
    await page.getByRole('button', { name: 'Koppelen' }).click();
    await shown(page.getByRole('heading', { name: 'Uw herstelcodes', level: 1 }));
    await page.getByLabel('Ik heb de codes bewaard').check();
    await page.getByRole('button', { name: 'Verder naar het portaal' }).click();
    await shown(page.getByRole('heading', { name: 'Mijn Dashboard', level: 1 }));
    await screenshot(page, 'first-use-employer-dashboard');
    await context.close();

    // The provisional password is gone; the own password works.
    const start =
      'mutation Start($username: String!, $password: String!) { startLogin(username: $username, password: $password) { passwordChangeRequired } }';
    const old = await system.query(start, { username, password: provisional });
    expect(old.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    const fresh = await system.query<{ startLogin: { passwordChangeRequired: boolean } }>(start, {
      username,
      password: 'Werkgever-Tiel-2026',
    });
    expect(fresh.data?.startLogin.passwordChangeRequired).toBe(false);
  });
});
