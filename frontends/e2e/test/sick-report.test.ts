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
 * Issue 5, as the employer manual describes it: report a sick employee in the "Ziek melden"
 * widget, see the first action of the trajectory in the action list, handle it with a conclusion
 * that creates a follow-up activity.
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

describe('sick report and trajectory in the employer dashboard', () => {
  it('reports a sick employee, shows the first action, and handles it with a follow-up', async () => {
    const token = await system.login('werkgever.demo');
    const persons = await system.query<{ persons: { items: { id: string; fullName: string }[] } }>(
      '{ persons(filter: { absent: false }, page: { limit: 5 }) { items { id fullName } } }',
      {},
      token,
    );
    if (!persons.data) throw new Error(JSON.stringify(persons));
    const person = persons.data.persons.items[0]!;

    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' })
    ).newPage();
    await logIn(page, 'werkgever.demo');

    await page.getByRole('searchbox', { name: 'Zoek medewerker' }).fill(person.fullName);
    await page.getByRole('button', { name: new RegExp(`^Ziek melden\\s*:\\s*${person.fullName}$`) }).click();
    const dialog = page.getByRole('dialog', { name: `Ziekmelding: ${person.fullName}` });
    await shown(dialog);
    // The form never asks for medical information and says so.
    await shown(dialog.getByText(/geen medische informatie/i).first());
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'employer-sick-report-dialog');
    await dialog.getByRole('button', { name: 'Ziekmelding opslaan' }).click();
    await shown(page.getByText('Ziekmelding opgeslagen').first());

    // Stored: the person now has an open case, and its trajectory arrived in activities.
    const stored = await system.query<{ person: { sickCases: { id: string; status: string }[] } }>(
      'query P($id: ID!) { person(id: $id) { sickCases { id status } } }',
      { id: person.id },
      token,
    );
    expect(stored.data!.person.sickCases.some((sickCase) => sickCase.status === 'OPEN')).toBe(true);
    await page.keyboard.press('Escape');

    const actionList = page.getByRole('region', { name: 'Actielijst' });
    const openFirstAction = actionList.getByRole('button', {
      name: new RegExp(`Openen\\s*:\\s*Activiteit .*gesprek.* van ${person.fullName}`, 'i'),
    });
    await expect
      .poll(
        async () => {
          await actionList.getByRole('button', { name: 'Verversen' }).click();
          return openFirstAction.count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBeGreaterThan(0);
    await screenshot(page, 'employer-action-list-after-report');

    await openFirstAction.first().click();
    const handle = page.getByRole('dialog', { name: /Activiteit: .*gesprek/i });
    await shown(handle);
    await shown(handle.getByText('De signaleringsdatum kan niet worden gewijzigd'));
    await handle.getByLabel('Conclusie').fill('Gesprek gevoerd; spreekuur bedrijfsarts gewenst.');
    await handle.getByLabel('Vervolgactie aanmaken').check();
    await handle.getByLabel('Soort vervolgactie').selectOption({ index: 1 });
    const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await handle.getByLabel('Deadline vervolgactie').fill(inTwoWeeks);
    await handle.getByRole('button', { name: 'Opslaan' }).click();
    await shown(page.getByText('De activiteit is opgeslagen.').first());
    await screenshot(page, 'employer-activity-handled');

    // Stored: the first action is handled with its conclusion, and a follow-up exists.
    const activities = await system.query<{
      activities: {
        title: string;
        status: string;
        conclusion: string | null;
        followUpOf: { id: string } | null;
      }[];
    }>(
      'query A($id: ID!) { activities(filter: { personId: $id }) { title status conclusion followUpOf { id } } }',
      { id: person.id },
      token,
    );
    const handled = activities.data!.activities.find(
      (activity) => /gesprek/i.test(activity.title) && activity.status === 'HANDLED',
    );
    expect(handled?.conclusion).toBe('Gesprek gevoerd; spreekuur bedrijfsarts gewenst.');
    expect(
      activities.data!.activities.some(
        (activity) => activity.followUpOf !== null && activity.status === 'OPEN',
      ),
    ).toBe(true);
    await page.context().close();
  });
});
