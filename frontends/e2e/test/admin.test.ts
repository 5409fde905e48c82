import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoId, demoTotpSecret } from '@poortwachter/kit';
import { System } from '@poortwachter/infra';
import { freshTotpCode, launchBrowser, screenshot, seriousAccessibilityViolations } from '../src/index.js';
import { exposeDevOutbox, linkPath, nextOutboxMessage, outboxMessages } from '../src/outbox.js';

/**
 * The administrator's screens in the employer shell ("Beheer"): inviting a user (the mail lands in
 * the outbox), blocking one (sessions end, login refused), the requests for a new invitation with
 * "opnieuw uitnodigen", and the partner API clients — each at desktop and phone width, with axe.
 */
let system: System;
let browser: Browser;
let adminContext: BrowserContext;
let admin: Page;

beforeAll(async () => {
  exposeDevOutbox();
  [system, browser] = await Promise.all([System.start({ withFrontends: true }), launchBrowser()]);
  // One administrator session for the whole file: every screen is reached from the menu.
  adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  admin = await adminContext.newPage();
  admin.on('pageerror', (error) => console.log(`[browser] ${error.message}`));
  await admin.goto(new URL('/beheer/gebruikers', system.stack.urls.shells.employer).toString());
  await logIn(admin, 'beheerder.demo');
  await shown(admin.getByRole('heading', { name: 'Beheer', level: 1 }));
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

async function enterCredentials(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await shown(page.getByLabel('Gebruikersnaam'));
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

async function logIn(page: Page, username: string): Promise<void> {
  await enterCredentials(page, username);
  await shown(page.getByRole('heading', { name: 'Code invoeren', level: 1 }));
  await page.getByLabel('Code (6 cijfers)').fill(await freshTotpCode(username, demoTotpSecret(username)));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
}

/** Both widths of one screen: desktop first, then a 360 px phone, each looked at by axe. */
async function bothWidths(page: Page, name: string): Promise<void> {
  // Full-page screenshots of a scrolled page show the fixed header halfway down.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectAccessible(page);
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 360, height: 780 });
  // The menu slides away when the layout turns into the phone layout; wait until it has.
  await expect
    .poll(() =>
      page.evaluate(
        () => (document.getElementById('main-navigation')?.getBoundingClientRect().right ?? 0) <= 0,
      ),
    )
    .toBe(true);
  try {
    await screenshot(page, `${name}-360`);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

async function openUsers(): Promise<void> {
  await admin.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Gebruikers' }).click();
  await shown(admin.getByRole('table').last());
}

const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;

describe('admin: users', () => {
  it('invites an employer user through the users screen; the invitation mail with the username reaches the outbox', async () => {
    await openUsers();
    await bothWidths(admin, 'admin-users');
    await admin.getByRole('button', { name: 'Gebruiker uitnodigen' }).click();
    const form = admin.getByRole('region', { name: 'Gebruiker uitnodigen' });
    await shown(form);
    await form.getByLabel(/^Naam/).fill('Joke de Boer');
    await form.getByLabel(/^E-mailadres/).fill('joke.deboer@example.nl');
    await form.getByLabel(/^Gebruikersnaam/).fill('Joke.deBoer');
    await form.getByLabel('Zorggroep Rivierenland').check();
    await bothWidths(admin, 'admin-invite');
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await shown(
      admin
        .getByRole('status')
        .filter({
          hasText: 'De uitnodiging is verstuurd naar joke.deboer@example.nl (gebruikersnaam Joke.deBoer).',
        }),
    );

    const mail = await nextOutboxMessage(
      adminContext,
      system.stack.ports.identity,
      'joke.deboer@example.nl',
      'invitation',
    );
    expect(mail.text).toContain('Uw gebruikersnaam: Joke.deBoer');
    // An employer user's link opens the employer portal.
    expect(mail.text).toContain(`${system.stack.urls.shells.employer.replace(/\/$/, '')}/activeren?token=`);
    const row = admin.getByRole('row').filter({ hasText: 'Joke de Boer' });
    await shown(row);
    await shown(row.getByText('Uitgenodigd'));
  });

  it('blocks a user: the running session ends at once and the login is refused', async () => {
    const token = await system.login('teamleider.demo');
    expect(
      (await system.query<{ viewer: { username: string } }>('{ viewer { username } }', {}, token)).data
        ?.viewer.username,
    ).toBe('teamleider.demo');

    await openUsers();
    await admin.getByLabel('Zoeken op naam, gebruikersnaam of e-mail').fill('teamleider');
    const manage = admin.getByRole('button', { name: 'Fatima El Amrani (teamleider Team Tiel) beheren' });
    await shown(manage);
    await expect.poll(() => admin.getByRole('button', { name: /beheren$/ }).count()).toBe(1);
    await manage.click();
    const panel = admin.getByRole('region', { name: /Fatima El Amrani .* beheren/ });
    await panel.getByRole('button', { name: 'Blokkeren' }).click();
    await shown(
      panel
        .getByRole('status')
        .filter({ hasText: 'Het account is geblokkeerd; alle sessies zijn beëindigd.' }),
    );
    await shown(panel.getByRole('button', { name: 'Deblokkeren' }));
    await shown(admin.getByRole('row').filter({ hasText: 'Fatima El Amrani' }).getByText('Geblokkeerd'));
    await bothWidths(admin, 'admin-user-blocked');

    // The access token issued before the block is refused by the gateway at once: identity told it
    // which user's sessions the block ended.
    expect((await system.query('{ viewer { username } }', {}, token)).status).toBe(401);
    system.forgetSession('teamleider.demo');

    // Signing in is refused with the same words as a wrong password: nothing is revealed.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(system.stack.urls.shells.employer);
    await enterCredentials(page, 'teamleider.demo');
    await shown(page.getByRole('alert').filter({ hasText: 'Gebruikersnaam of wachtwoord onjuist' }));
    expect(await page.getByRole('heading', { name: 'Code invoeren' }).count()).toBe(0);
    await screenshot(page, 'admin-blocked-login-refused');
    await context.close();
  });

  it('lists a request for a new invitation and invites the user again from there', async () => {
    const email = 'noor.nieuwelink@example.nl';
    const input = {
      role: 'EMPLOYEE',
      personId: demoId('person', 14),
      email,
      displayName: 'Noor Nieuwelink',
      username: 'Noor.Nieuwelink',
    };
    const adminToken = await system.login('beheerder.demo');
    const inviteQuery =
      'mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { invitationId } }';
    expect((await system.query(inviteQuery, { input }, adminToken)).errors).toBeUndefined();
    const first = await nextOutboxMessage(adminContext, system.stack.ports.identity, email, 'invitation');
    // Invited again: the first link is void.
    expect((await system.query(inviteQuery, { input }, adminToken)).errors).toBeUndefined();
    await nextOutboxMessage(adminContext, system.stack.ports.identity, email, 'invitation', 1);

    // The user opens the old link on a phone and asks for a new invitation; one is sent by itself.
    const userContext = await browser.newContext({
      viewport: { width: 360, height: 780 },
      locale: 'nl-NL',
      hasTouch: true,
    });
    const phone = await userContext.newPage();
    await phone.goto(
      new URL(linkPath(first.text, '/activeren'), system.stack.urls.shells.employee).toString(),
    );
    await shown(phone.getByRole('heading', { name: 'Deze activatielink is verlopen', level: 1 }));
    await phone.getByRole('button', { name: 'Nieuwe uitnodiging aanvragen' }).click();
    await shown(phone.getByText(/Uw aanvraag is ontvangen/));
    await nextOutboxMessage(adminContext, system.stack.ports.identity, email, 'invitation', 2);

    // Three automatic resends a day; after those, an old link becomes a request for the arbodienst.
    const request = 'mutation Request($token: String!) { requestNewInvitation(token: $token) }';
    for (let seen = 3; seen <= 4; seen++) {
      const mails = (await outboxMessages(adminContext, system.stack.ports.identity, email)).filter(
        (m) => m.purpose === 'invitation',
      );
      await system.query(request, { token: tokenOf(linkPath(mails[1]!.text, '/activeren')) });
      await nextOutboxMessage(adminContext, system.stack.ports.identity, email, 'invitation', seen);
    }
    const mails = (await outboxMessages(adminContext, system.stack.ports.identity, email)).filter(
      (m) => m.purpose === 'invitation',
    );
    expect(mails).toHaveLength(5);
    await system.query(request, { token: tokenOf(linkPath(mails[1]!.text, '/activeren')) });

    await admin.reload();
    const requests = admin.getByRole('region', { name: 'Aanvragen voor een nieuwe uitnodiging' });
    await shown(requests);
    const row = requests.getByRole('row').filter({ hasText: 'Noor Nieuwelink' });
    await shown(row.getByText('Link vervangen door een nieuwere uitnodiging', { exact: true }));
    await bothWidths(admin, 'admin-invitation-requests');
    await row.getByRole('button', { name: 'Noor Nieuwelink opnieuw uitnodigen' }).click();
    await shown(
      requests
        .getByRole('status')
        .filter({ hasText: `Noor Nieuwelink is opnieuw uitgenodigd; de e-mail is verstuurd naar ${email}.` }),
    );
    await expect.poll(() => requests.getByRole('row').filter({ hasText: 'Noor Nieuwelink' }).count()).toBe(0);

    // The new mail's link works; the one before it no longer does.
    const fresh = await nextOutboxMessage(adminContext, system.stack.ports.identity, email, 'invitation', 5);
    await phone.goto(
      new URL(linkPath(mails[0]!.text, '/activeren'), system.stack.urls.shells.employee).toString(),
    );
    await shown(phone.getByRole('heading', { name: 'Deze activatielink is verlopen', level: 1 }));
    await phone.goto(
      new URL(linkPath(fresh.text, '/activeren'), system.stack.urls.shells.employee).toString(),
    );
    await shown(phone.getByRole('heading', { name: 'Account activeren', level: 1 }));
    await userContext.close();
  });
});

describe('admin: API clients', () => {
  it('creates a partner client whose secret is shown once, and revokes it', async () => {
    await admin
      .getByRole('navigation', { name: 'Beheer' })
      .getByRole('link', { name: 'API-koppelingen' })
      .click();
    await shown(admin.getByRole('button', { name: 'Koppeling aanmaken' }).first());
    await admin.getByRole('button', { name: 'Koppeling aanmaken' }).first().click();
    await admin.getByLabel(/^Naam van de koppeling/).fill('Salarispakket Rivierenland');
    await admin.getByLabel(/^Werkgever/).selectOption({ label: 'Zorggroep Rivierenland' });
    await admin.getByLabel('Personen lezen (persons:read)').check();
    await admin.getByLabel('Ziek- en herstelmeldingen doen (sickcases:write)').check();
    await bothWidths(admin, 'admin-api-clients-form');
    await admin.getByRole('button', { name: 'Aanmaken', exact: true }).click();
    const created = admin.getByRole('status').filter({ hasText: 'Koppeling aangemaakt' });
    await shown(created);
    const clientId = ((await admin.getByTestId('client-id').textContent()) ?? '').trim();
    const clientSecret = ((await admin.getByTestId('client-secret').textContent()) ?? '').trim();
    expect(clientSecret.length).toBeGreaterThan(20);
    await bothWidths(admin, 'admin-api-clients');

    // The secret works at the token endpoint, for the granted scopes only.
    const tokenUrl = new URL('/oauth/token', system.stack.urls.gateway).toString();
    const grant = (scope: string) =>
      fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
          scope,
        }),
      });
    expect((await grant('persons:read')).status).toBe(200);
    expect((await grant('reports:read')).status).toBe(400);

    const row = admin.getByRole('row').filter({ hasText: 'Salarispakket Rivierenland' });
    await row.getByRole('button', { name: 'Koppeling Salarispakket Rivierenland intrekken' }).click();
    await shown(row.getByText(/Ingetrokken op/));
    expect((await grant('persons:read')).status).toBe(401);
  });
});
