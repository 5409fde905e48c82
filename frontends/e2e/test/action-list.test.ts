import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { System } from '@poortwachter/infra';
import {
  launchBrowser,
  screenshot,
  seriousAccessibilityViolations,
  shown,
  signInThroughUi,
} from '../src/index.js';

/**
 * Issue 5, "BA and CM get their own list": the bedrijfsarts signs in to the employer shell and
 * finds the BA activities of the clients assigned to her on Mijn Dashboard, with her look-ahead
 * setting from the server; she does not get the employer's sick report widget.
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

describe("the bedrijfsarts's own action list", () => {
  for (const width of [1280, 360]) {
    it(`shows only BA activities in her scope (${width} px)`, async () => {
      const token = await system.login('bedrijfsarts.demo');
      const api = await system.query<{ actionList: { title: string; role: string }[] }>(
        '{ actionList(daysAhead: 90) { title role } }',
        {},
        token,
      );
      const expected = api.data!.actionList;
      expect(expected.length).toBeGreaterThan(0);
      expect(new Set(expected.map((activity) => activity.role))).toEqual(new Set(['BA']));

      const page = await (
        await browser.newContext({ viewport: { width, height: width < 600 ? 800 : 900 }, locale: 'nl-NL' })
      ).newPage();
      await logIn(page, 'bedrijfsarts.demo');
      const list = page.getByRole('region', { name: 'Actielijst' });
      await shown(list.getByText(/Uw acties als bedrijfsarts\./));
      if (width === 1280) {
        // Her look-ahead is a server setting: set it to 90 days and see the list follow.
        await list.getByRole('button', { name: 'Mijn instellingen' }).click();
        await list.getByRole('spinbutton', { name: 'Aantal dagen vooruit' }).fill('90');
        await list.getByRole('button', { name: 'Opslaan' }).click();
        await shown(list.getByText(/tot en met 90 dagen vooruit/));
        await shown(list.getByText(/Uw instelling (is opgeslagen|kon niet worden opgeslagen)/));
      }
      const table = list.getByRole('table');
      await shown(table);
      const roles = await table.locator('tbody tr td:nth-of-type(3)').allTextContents();
      expect(roles.length).toBeGreaterThan(0);
      if (width === 1280) expect(new Set(roles)).toEqual(new Set(['Bedrijfsarts']));
      expect(await page.getByRole('region', { name: 'Ziek melden' }).count()).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, `ba-action-list-${width}`);
      await page.context().close();
    });
  }
});
