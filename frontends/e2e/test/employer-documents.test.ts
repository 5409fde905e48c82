import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoId } from '@poortwachter/kit';
import { System } from '@poortwachter/infra';
import {
  launchBrowser,
  minimalPdf,
  screenshot,
  SCREENSHOT_DIR,
  seriousAccessibilityViolations,
  shown,
  signInThroughUi,
} from '../src/index.js';

/**
 * The employer manual's "Documenten" and "P&O dossier" in a person's dossier: the employer adds a
 * letter for the employee, offers it for signing and writes a note shared with her; the employee
 * then finds the request among her documents to sign and reads the note. The employer also
 * handles the employee's request to correct her details. Person 1 (Sanne de Vries) is the only
 * person with an employee login; this test starts its own system, so the seeded counts other
 * journeys rely on stay as they are.
 */
let system: System;
let browser: Browser;
const PERSON_1 = demoId('person', 1);

beforeAll(async () => {
  [system, browser] = await Promise.all([System.start({ withFrontends: true }), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

const logIn = (page: Page, username: string) =>
  signInThroughUi(page, system.stack.urls.shells.employer, username, 'Mijn Dashboard');

/** What the user sees now (a dialog is fixed to the viewport, so a full-page shot would misplace it). */
async function viewportShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

async function noSidewaysScrolling(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
}

describe('documents and notes in the employer dashboard', () => {
  it('uploads a letter shared with the employee, offers it for signing, adds a shared note; the employee sees both', async () => {
    const stamp = Date.now().toString(36);
    const title = `Uitnodiging evaluatiegesprek ${stamp}`;
    const noteText = `Afgesproken: evaluatiegesprek over twee weken (${stamp}).`;
    const employee = await system.login('werknemer.demo');
    const before = await system.query<{ myPendingSignatures: { id: string }[] }>(
      '{ myPendingSignatures { id } }',
      {},
      employee,
    );
    const pendingBefore = before.data!.myPendingSignatures.length;

    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' })
    ).newPage();
    await logIn(page, 'werkgever.demo');
    await page.goto(new URL(`/personen/${PERSON_1}`, system.stack.urls.shells.employer).toString());
    await shown(page.getByRole('heading', { name: 'Dossier Sanne de Vries', level: 1 }));
    const section = page.getByRole('region', { name: 'Documenten en notities' });
    await shown(section.getByRole('list', { name: /^Documenten van de verzuimperiode/ }));
    // The employer is never offered medical content.
    expect(await section.getByText('Medisch', { exact: true }).count()).toBe(0);

    await section.getByRole('button', { name: 'Document toevoegen' }).click();
    const upload = page.getByRole('dialog', { name: /^Document toevoegen aan de verzuimperiode/ });
    await shown(upload);
    expect(
      await upload
        .getByRole('combobox', { name: 'Soort document' })
        .locator('option[value="MEDICAL_INFO"]')
        .count(),
    ).toBe(0);
    await upload
      .getByLabel(/^Bestand/)
      .setInputFiles({ name: 'uitnodiging.pdf', mimeType: 'application/pdf', buffer: minimalPdf(title) });
    await upload.getByRole('combobox', { name: 'Soort document' }).selectOption('INVITATION');
    await upload.getByLabel('Titel').fill(title);
    await upload
      .getByLabel(/^Omschrijving/)
      .fill('Uitnodiging voor het evaluatiegesprek met de leidinggevende');
    await upload.getByRole('checkbox', { name: /Delen met werknemer/ }).check();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await viewportShot(page, 'employer-documents-upload-1280');
    await upload.getByRole('button', { name: 'Toevoegen' }).click();
    await shown(section.getByText(`"${title}" is toegevoegd.`));

    const item = section.getByRole('listitem').filter({ hasText: title });
    await shown(item);
    await shown(item.getByText('Gedeeld', { exact: true }));
    await item.getByRole('button', { name: new RegExp(`^Bekijken\\s*:\\s*${title}$`) }).click();
    const preview = page.getByRole('dialog', { name: `Voorbeeld: ${title}` });
    await shown(preview.locator('iframe'));
    expect(await preview.locator('iframe').getAttribute('src')).toMatch(/^blob:/);
    await preview.getByRole('button', { name: 'Sluiten' }).click();

    await item
      .getByRole('button', { name: new RegExp(`^Ter ondertekening aanbieden\\s*:\\s*${title}$`) })
      .click();
    const offer = page.getByRole('dialog', { name: `${title} ter ondertekening aanbieden` });
    await shown(offer);
    await offer.getByRole('button', { name: 'Aanbieden' }).click();
    await shown(section.getByText(`"${title}" is ter ondertekening aangeboden.`));
    await shown(item.getByText('Wacht op handtekening'));
    await shown(item.getByText(/^Aangeboden door Peter Jansen/));

    await section.getByRole('textbox', { name: /^Notitie/ }).fill(noteText);
    await section.getByRole('checkbox', { name: /Delen met werknemer/ }).check();
    await section.getByRole('button', { name: 'Notitie opslaan' }).click();
    await shown(section.getByText('De notitie is opgeslagen.'));
    const noteItem = section.getByRole('listitem').filter({ hasText: noteText });
    await shown(noteItem.getByText(/^Peter Jansen .*\(werkgever\)/));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'employer-documents-1280');

    // The employee: the request waits for her signature, and the note is hers to read.
    const pending = await system.query<{
      myPendingSignatures: { id: string; requestedByName: string | null; document: { title: string } }[];
    }>('{ myPendingSignatures { id requestedByName document { title } } }', {}, employee);
    expect(pending.data!.myPendingSignatures).toHaveLength(pendingBefore + 1);
    expect(
      pending.data!.myPendingSignatures.find((request) => request.document.title === title)?.requestedByName,
    ).toMatch(/^Peter Jansen/);
    const mine = await system.query<{
      me: {
        sickCases: {
          status: string;
          notes: { text: string; authorName: string }[];
          documents: { title: string }[];
        }[];
      };
    }>('{ me { sickCases { status notes { text authorName } documents { title } } } }', {}, employee);
    const openCase = mine.data!.me.sickCases.find((sickCase) => sickCase.status === 'OPEN')!;
    expect(openCase.notes.find((note) => note.text === noteText)?.authorName).toMatch(/^Peter Jansen/);
    expect(openCase.documents.map((document) => document.title)).toContain(title);

    // The same screen on a phone.
    await page.setViewportSize({ width: 360, height: 780 });
    await page.reload();
    await shown(page.getByRole('heading', { name: 'Dossier Sanne de Vries', level: 1 }));
    await shown(section.getByRole('listitem').filter({ hasText: title }));
    await noSidewaysScrolling(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'employer-documents-360');
    await section.getByRole('button', { name: 'Document toevoegen' }).click();
    await shown(upload);
    await noSidewaysScrolling(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await viewportShot(page, 'employer-documents-upload-360');
    await page.context().close();
  });

  it('resolves the employee’s correction request with an answer she reads in her details', async () => {
    const employee = await system.login('werknemer.demo');
    const created = await system.query<{ requestPersonCorrection: { id: string } }>(
      'mutation C($input: RequestPersonCorrectionInput!) { requestPersonCorrection(input: $input) { id } }',
      {
        input: {
          field: 'ADDRESS',
          proposedValue: 'Waalkade 14, 4001 LM Tiel',
          explanation: 'Ik ben verhuisd.',
        },
      },
      employee,
    );
    const id = created.data!.requestPersonCorrection.id;

    const page = await (
      await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'nl-NL' })
    ).newPage();
    await logIn(page, 'werkgever.demo');
    await page.goto(new URL(`/personen/${PERSON_1}`, system.stack.urls.shells.employer).toString());
    const widget = page.getByRole('region', { name: 'Correctieverzoeken' });
    await shown(widget.getByText(/^Adres: nu .* voorgesteld "Waalkade 14, 4001 LM Tiel"/));
    await widget
      .getByRole('button', { name: /^Afhandelen\s*:\s*Adres$/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Correctieverzoek afhandelen: Adres' });
    await shown(dialog);
    await dialog.getByRole('radio', { name: /Afgewezen/ }).check();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await shown(dialog.getByText('Leg uit waarom het verzoek wordt afgewezen.'));
    await dialog
      .getByLabel(/^Reactie aan de medewerker/)
      .fill('Stuur eerst een kopie van het huurcontract, dan passen we het aan.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await viewportShot(page, 'employer-correction-dialog-360');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await shown(widget.getByText('Het correctieverzoek is afgehandeld.'));
    await noSidewaysScrolling(page);

    const mine = await system.query<{
      myCorrectionRequests: {
        id: string;
        status: string;
        response: string | null;
        resolvedAt: string | null;
      }[];
    }>('{ myCorrectionRequests { id status response resolvedAt } }', {}, employee);
    expect(mine.data!.myCorrectionRequests.find((request) => request.id === id)).toMatchObject({
      status: 'REJECTED',
      response: 'Stuur eerst een kopie van het huurcontract, dan passen we het aan.',
    });
    await page.context().close();
  });
});
