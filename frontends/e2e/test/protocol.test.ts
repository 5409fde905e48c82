import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPLOYER_1, System } from '@poortwachter/infra';
import {
  launchBrowser,
  screenshot,
  seriousAccessibilityViolations,
  shown,
  signInThroughUi,
} from '../src/index.js';

/**
 * Issue 5, protocol administration: the arbodienst's administrator changes a step of the standard
 * Poortwachter protocol and a client's own protocol at /beheer/protocol (a screen of the
 * employer-dashboard remote), on a desktop and on a phone; other roles are refused.
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

const logIn = (page: Page, username: string) =>
  signInThroughUi(page, system.stack.urls.shells.employer, username, 'Mijn Dashboard');

async function newPage(width: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: width < 600 ? 800 : 900 },
    locale: 'nl-NL',
  });
  return context.newPage();
}

interface ProtocolRow {
  code: string;
  signalDay: number;
  deadlineDay: number;
  overridden: boolean;
}
const PROTOCOL =
  'query P($employerId: ID) { protocol(employerId: $employerId) { version rows { code signalDay deadlineDay overridden } } }';

describe('protocol administration in the employer shell', () => {
  it('lets the administrator change a standard step and a client step, and shows the change at once', async () => {
    const page = await newPage(1280);
    await logIn(page, 'beheerder.demo');
    await page.getByRole('link', { name: 'Naar protocolbeheer' }).click();
    await shown(page.getByRole('heading', { name: 'Protocolbeheer', level: 1 }));
    const table = page.getByRole('table', { name: 'Stappen van het verzuimprotocol' });
    await shown(table);
    expect(await table.getByRole('row').count()).toBe(18);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'protocol-admin-standard-1280');

    await page.getByRole('button', { name: /^Wijzigen\s*:\s*Spreekuur probleemanalyse$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Protocolstap wijzigen: Spreekuur probleemanalyse' });
    await shown(dialog);
    await dialog.getByRole('spinbutton', { name: /^Signalering \(dag\)/ }).fill('30');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'protocol-admin-edit-dialog-1280');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await shown(
      page.getByText('De wijziging is opgeslagen als versie 2. Zij geldt voor nieuwe ziekmeldingen.'),
    );
    await shown(
      page.getByText(
        /Versie 2 – .* – Admin Arbodienst.*: Spreekuur probleemanalyse: signalering dag 32 → 30/,
      ),
    );
    const analysis = table.getByRole('row', { name: /Spreekuur probleemanalyse/ });
    expect(await analysis.getByRole('cell').nth(3).textContent()).toBe('30');

    // Stored as the new standard version.
    const token = await system.login('beheerder.demo');
    const standard = await system.query<{ protocol: { version: number; rows: ProtocolRow[] } }>(
      PROTOCOL,
      {},
      token,
    );
    expect(standard.data?.protocol.version).toBe(2);
    expect(standard.data?.protocol.rows.find((row) => row.code === 'BA_PROBLEEMANALYSE')).toMatchObject({
      signalDay: 30,
      deadlineDay: 42,
    });

    // A client's own protocol: one step deviates, the rest follows the standard.
    await page
      .getByRole('combobox', { name: /^Protocol van/ })
      .selectOption({ label: 'Zorggroep Rivierenland' });
    await shown(page.getByRole('heading', { name: 'Protocol van Zorggroep Rivierenland' }));
    await page.getByRole('button', { name: /^Wijzigen\s*:\s*\(Inzetbaarheids\)gesprek$/ }).click();
    const own = page.getByRole('dialog', { name: 'Protocolstap wijzigen: (Inzetbaarheids)gesprek' });
    await shown(own);
    await own.getByRole('spinbutton', { name: /^Deadline \(dag\)/ }).fill('3');
    await own.getByRole('button', { name: 'Opslaan' }).click();
    await shown(
      page.getByText('De wijziging is opgeslagen als versie 1. Zij geldt voor nieuwe ziekmeldingen.'),
    );
    await shown(table.getByText('Eigen'));
    await shown(page.getByRole('button', { name: /^Standaard herstellen\s*:\s*\(Inzetbaarheids\)gesprek$/ }));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'protocol-admin-employer-1280');
    const client = await system.query<{ protocol: { rows: ProtocolRow[] } }>(
      PROTOCOL,
      { employerId: EMPLOYER_1 },
      token,
    );
    expect(client.data?.protocol.rows.find((row) => row.code === 'WG_INZETBAARHEIDSGESPREK')).toMatchObject({
      deadlineDay: 3,
      overridden: true,
    });
    expect(client.data?.protocol.rows.find((row) => row.code === 'BA_PROBLEEMANALYSE')).toMatchObject({
      signalDay: 30,
      overridden: false,
    });
    await page.context().close();
  });

  it('works on a phone (360 px)', async () => {
    const page = await newPage(360);
    await logIn(page, 'beheerder.demo');
    await page.goto(new URL('/beheer/protocol', system.stack.urls.shells.employer).toString());
    await shown(page.getByRole('table', { name: 'Stappen van het verzuimprotocol' }));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'protocol-admin-standard-360');
    await page.getByRole('button', { name: /^Wijzigen\s*:\s*Plan van aanpak$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Protocolstap wijzigen: Plan van aanpak' });
    await shown(dialog);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'protocol-admin-edit-dialog-360');
    await page.context().close();
  });

  it('keeps an employer out: the shell sends them back to their dashboard', async () => {
    const page = await newPage(1280);
    await logIn(page, 'werkgever.demo');
    await page.goto(new URL('/beheer/protocol', system.stack.urls.shells.employer).toString());
    await shown(page.getByRole('heading', { name: 'Mijn Dashboard', level: 1 }));
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('heading', { name: 'Protocolbeheer' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Naar protocolbeheer' }).count()).toBe(0);
    await screenshot(page, 'protocol-admin-refused-1280');
    await page.context().close();
  });
});
