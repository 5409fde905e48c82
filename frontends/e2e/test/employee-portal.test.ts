import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { System } from '@poortwachter/infra';
import {
  browserAccessToken,
  launchBrowser,
  minimalPdf,
  screenshot,
  seriousAccessibilityViolations,
  shown,
  signInThroughUi,
} from '../src/index.js';

/**
 * The employee manual's walkthrough (chapters 3 and 4) as Sanne de Vries, the demo employee: the
 * dashboard tiles, her current dossier with UWV documents and shared notes, an upload, signing the
 * plan of action by drawing on the canvas, her external appointments as .ics, the year overview
 * and her details — at desktop width, and every screen again on a 360 px phone.
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

const logIn = (page: Page, username = 'werknemer.demo') =>
  signInThroughUi(page, system.stack.urls.shells.employee, username, 'Mijn verzuim');

async function newPage(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'nl-NL',
    acceptDownloads: true,
    hasTouch: width < 600,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[browser] ${error.message}`));
  return page;
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
}

async function documentBytes(contentPath: string, token: string): Promise<Buffer> {
  const response = await fetch(new URL(contentPath, system.stack.urls.gateway), {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** Draws a signature-like scribble with the mouse: a few strokes of small steps. */
async function drawSignature(page: Page, canvas: Locator): Promise<void> {
  const box = (await canvas.boundingBox())!;
  const strokes: [number, number][][] = [
    [
      [0.1, 0.6],
      [0.2, 0.3],
      [0.28, 0.7],
      [0.36, 0.35],
      [0.45, 0.65],
    ],
    [
      [0.5, 0.5],
      [0.62, 0.3],
      [0.7, 0.62],
      [0.85, 0.4],
    ],
  ];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(box.x + first![0] * box.width, box.y + first![1] * box.height);
    await page.mouse.down();
    for (const [x, y] of rest)
      await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 8 });
    await page.mouse.up();
  }
}

interface DossierDocuments {
  sickCase: {
    documents: {
      id: string;
      title: string;
      category: string;
      contentPath: string;
      signatureRequest: { status: string } | null;
    }[];
  };
}

describe('the employee portal, as in the manual', () => {
  it('walks through dashboard, dossier, upload, signing, appointments, year overview and my details at 1280 px', async () => {
    const page = await newPage(1280, 900);
    await logIn(page);

    // 4 Werken vanuit het dashboard: the three tiles; two documents wait for a signature.
    const signTile = page.getByRole('region', { name: 'Te ondertekenen documenten' });
    await shown(signTile.getByText('2 documenten wachten op uw handtekening.'));
    expect(await signTile.getByTestId('signature-count').textContent()).toBe('2');
    await shown(page.getByRole('region', { name: 'Mijn gegevens' }));
    await shown(page.getByTestId('current-case'));
    await screenshot(page, 'employee-portal-dashboard-1280');
    await expectAccessible(page);

    // 4.1 Actueel dossier → 3.2 "Documenten en Notities" opens first.
    await page
      .getByRole('region', { name: 'Actueel dossier' })
      .getByRole('link', { name: 'Dossier openen' })
      .click();
    await shown(page.getByRole('heading', { name: /^Verzuimdossier vanaf/, level: 1 }));
    const uwv = page.getByRole('region', { name: 'UWV documenten' });
    await shown(uwv.getByRole('button', { name: 'Probleemanalyse', exact: true }));
    await shown(uwv.getByRole('button', { name: 'Plan van aanpak', exact: true }));
    const notes = page.getByRole('region', { name: 'Notities' });
    await shown(notes.getByText(/Telefonisch contact gehad/));
    // Not shared with her: the employer's internal note, the physician's medical note and the specialist's letter.
    expect(await page.getByText(/Intern: vervanging/).count()).toBe(0);
    expect(await page.getByText(/Medisch \(alleen bedrijfsarts\)/).count()).toBe(0);
    expect(await page.getByText('Informatie behandelend specialist').count()).toBe(0);
    await uwv.getByRole('button', { name: 'Probleemanalyse', exact: true }).click();
    const preview = page.getByRole('dialog', { name: 'Probleemanalyse' });
    // Drawn with pdf.js (mobile browsers show no inline PDFs): pages on canvases, their text for screen readers.
    await shown(preview.getByRole('document', { name: 'Document: Probleemanalyse' }));
    await expect
      .poll(() => preview.getByTestId('pdf-pages').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('done');
    expect(await preview.locator('canvas[data-page]').count()).toBeGreaterThan(0);
    expect(await preview.getByText(/Pagina 1: .*Probleemanalyse/).count()).toBe(1);
    await screenshot(page, 'employee-portal-preview-1280');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
    await screenshot(page, 'employee-portal-dossier-1280');
    await expectAccessible(page);

    // Verzuimverloop: the list and the chart.
    await page.getByRole('tab', { name: 'Verzuimverloop' }).click();
    await shown(page.getByRole('table', { name: 'Verzuimverloop: percentages per periode' }));
    await shown(page.getByRole('img', { name: /^Grafiek van het verzuimpercentage/ }));
    await screenshot(page, 'employee-portal-course-1280');
    await expectAccessible(page);

    // Upload: a PDF with a description; it is then listed under Documenten.
    await page.getByRole('tab', { name: 'Upload' }).click();
    await page
      .getByLabel(/^Bestand/)
      .setInputFiles({
        name: 'Verslag fysiotherapeut.pdf',
        mimeType: 'application/pdf',
        buffer: minimalPdf('Verslag fysiotherapeut'),
      });
    await page.getByLabel(/^Omschrijving/).fill('Verslag van de fysiotherapeut na zes behandelingen.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Uploaden' }).click();
    await shown(page.getByText('Document toegevoegd'));
    await screenshot(page, 'employee-portal-upload-1280');
    await page.getByRole('tab', { name: 'Documenten en Notities' }).click();
    const others = page.getByRole('region', { name: 'Documenten', exact: true });
    await shown(others.getByRole('button', { name: 'Verslag fysiotherapeut', exact: true }));
    await shown(others.getByText('Verslag van de fysiotherapeut na zes behandelingen.'));
    const caseId = new URL(page.url()).pathname.split('/')[2]!;

    // 4.2 Te ondertekenen documenten: open the plan of action, draw, sign.
    const token = await browserAccessToken(page);
    const before = await system.query<DossierDocuments>(
      'query($id: ID!) { sickCase(id: $id) { documents { id title category contentPath signatureRequest { status } } } }',
      { id: caseId },
      token,
    );
    const original = before.data!.sickCase.documents.find(
      (d) => d.title === 'Plan van aanpak' && d.category === 'PLAN_OF_ACTION',
    )!;
    expect(original.signatureRequest?.status).toBe('PENDING');
    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    await page
      .getByRole('region', { name: 'Te ondertekenen documenten' })
      .getByRole('link', { name: 'Naar te ondertekenen documenten' })
      .click();
    await shown(page.getByRole('heading', { name: 'Te ondertekenen documenten', level: 1 }));
    await page
      .getByRole('region', { name: 'UWV documenten' })
      .getByRole('link', { name: 'Plan van aanpak' })
      .click();
    await shown(page.getByRole('heading', { name: 'Ondertekenen: Plan van aanpak', level: 1 }));
    await expect
      .poll(() => page.getByTestId('pdf-pages').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('done');
    const canvas = page.getByRole('img', { name: 'Handtekeningvak' });
    await canvas.scrollIntoViewIfNeeded();
    await drawSignature(page, canvas);
    await shown(page.getByText('Er staat een handtekening in het vak.'));
    await page.getByLabel('Ik heb het document gelezen en onderteken het.').check();
    await screenshot(page, 'employee-portal-sign-1280');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    await shown(page.getByText('Document ondertekend'), 30_000);

    // The badge drops, and the signed copy is in the dossier: other bytes, with the signature image.
    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    await shown(
      page
        .getByRole('region', { name: 'Te ondertekenen documenten' })
        .getByText('1 document wacht op uw handtekening.'),
    );
    expect(await page.getByTestId('signature-count').textContent()).toBe('1');
    const after = await system.query<DossierDocuments>(
      'query($id: ID!) { sickCase(id: $id) { documents { id title category contentPath signatureRequest { status } } } }',
      { id: caseId },
      token,
    );
    expect(after.data!.sickCase.documents.find((d) => d.id === original.id)!.signatureRequest?.status).toBe(
      'SIGNED',
    );
    const signedCopies = after.data!.sickCase.documents.filter(
      (d) => d.category === 'SIGNED' && d.title.includes('Plan van aanpak'),
    );
    expect(signedCopies).toHaveLength(1);
    const [originalBytes, signedBytes] = await Promise.all([
      documentBytes(original.contentPath, token),
      documentBytes(signedCopies[0]!.contentPath, token),
    ]);
    expect(signedBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(signedBytes.equals(originalBytes)).toBe(false);
    expect(signedBytes.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    await page
      .getByRole('region', { name: 'Actueel dossier' })
      .getByRole('link', { name: 'Dossier openen' })
      .click();
    await shown(
      page
        .getByRole('region', { name: 'Documenten', exact: true })
        .getByRole('button', { name: signedCopies[0]!.title, exact: true }),
    );

    // 3.3 Afspraken → external appointments, each as .ics.
    await page.getByRole('link', { name: 'Afspraken' }).first().click();
    await shown(page.getByRole('heading', { name: 'Afspraken', level: 1 }));
    const upcoming = page.getByRole('region', { name: 'Komende afspraken' });
    await shown(upcoming.getByRole('button', { name: /^In agenda zetten \(\.ics\)/ }).first());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      upcoming
        .getByRole('button', { name: /^In agenda zetten \(\.ics\)/ })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^afspraak-\d{4}-\d{2}-\d{2}\.ics$/);
    const ics = await streamText(await download.createReadStream());
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    await screenshot(page, 'employee-portal-appointments-1280');
    await expectAccessible(page);

    // 3.4 Jaaroverzicht: the seeded absence days of this year are shaded.
    await page.goto(new URL('/jaaroverzicht', system.stack.urls.shells.employee).toString());
    await shown(page.getByRole('heading', { name: 'Jaaroverzicht', level: 1 }));
    await shown(page.getByTestId('year-calendar'));
    expect(await page.locator('[data-absence]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('year-summary').textContent()).toMatch(
      /^In \d{4}: \d+ dagen volledig en \d+ dagen gedeeltelijk verzuim\.$/,
    );
    await screenshot(page, 'employee-portal-year-1280');
    await expectAccessible(page);

    // 4.3 Mijn gegevens, with who looked at them.
    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    await page
      .getByRole('region', { name: 'Mijn gegevens' })
      .getByRole('link', { name: 'Mijn gegevens bekijken' })
      .click();
    await shown(page.getByRole('heading', { name: 'Mijn gegevens', level: 1 }));
    await shown(page.getByRole('region', { name: 'Persoonsgegevens' }).getByText('Sanne de Vries'));
    const log = page.getByRole('region', { name: 'Wie heeft mijn gegevens bekeken' });
    await expect.poll(() => log.getByRole('row').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await screenshot(page, 'employee-portal-details-1280');
    await expectAccessible(page);
    await page.context().close();
  });

  it('works on a 360 px phone: every screen without sideways scrolling and without serious axe violations', async () => {
    const page = await newPage(360, 780);
    await logIn(page);
    await shown(
      page.getByRole('region', { name: 'Te ondertekenen documenten' }).getByTestId('signature-count'),
    );
    await shown(page.getByRole('button', { name: 'Menu openen' }));
    const visit = async (path: string, heading: RegExp | string, name: string) => {
      await page.goto(new URL(path, system.stack.urls.shells.employee).toString());
      await shown(page.getByRole('heading', { name: heading, level: 1 }));
      await expectNoHorizontalScroll(page);
      await screenshot(page, `employee-portal-${name}-360`);
      await expectAccessible(page);
    };
    await visit('/', 'Mijn verzuim', 'dashboard');
    await visit('/dossiers', 'Dossiers', 'dossiers');
    await page.getByRole('table', { name: 'Openstaande verzuimdossiers' }).getByRole('link').first().click();
    await shown(page.getByRole('region', { name: 'UWV documenten' }));
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'employee-portal-dossier-360');
    await expectAccessible(page);
    const dossierPath = new URL(page.url()).pathname;
    await visit(`${dossierPath}/verzuimverloop`, /^Verzuimdossier vanaf/, 'course');
    await visit(`${dossierPath}/upload`, /^Verzuimdossier vanaf/, 'upload');
    await visit('/te-ondertekenen', 'Te ondertekenen documenten', 'signatures');
    await page.getByRole('link', { name: 'Uitnodiging evaluatiegesprek' }).click();
    await shown(page.getByRole('heading', { name: 'Ondertekenen: Uitnodiging evaluatiegesprek', level: 1 }));
    await shown(page.getByRole('img', { name: 'Handtekeningvak' }));
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'employee-portal-sign-360');
    await expectAccessible(page);
    await visit('/afspraken', 'Afspraken', 'appointments');
    await visit('/jaaroverzicht', 'Jaaroverzicht', 'year');
    await visit('/mijn-gegevens', 'Mijn gegevens', 'details');
    await page.context().close();
  });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
