import { DEMO_PASSWORD, demoTotpSecret } from '@poortwachter/kit';
import { freshTotpCode } from '@poortwachter/infra';
import type { Locator, Page } from 'playwright-core';

/** Waits until the element is visible; fails with Playwright's message otherwise. */
export async function shown(locator: Locator, timeout = 20_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}

/**
 * The two-step login of an enrolled demo user through the shell's screens, as the manuals
 * describe it: username and password, then the code of the authenticator app. Ends on the first
 * screen after signing in, recognised by its main heading.
 */
export async function signInThroughUi(
  page: Page,
  shellUrl: string,
  username: string,
  landingHeading: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(shellUrl);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await shown(page.getByRole('heading', { name: 'Code invoeren', level: 1 }));
  await page.getByLabel('Code (6 cijfers)').fill(await freshTotpCode(username, demoTotpSecret(username)));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await shown(page.getByRole('heading', { name: landingHeading, level: 1 }));
}

/** How many pixels the page is wider than the viewport (0 = no sideways scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The signed-in browser's own access token, so API checks act as the same user without a second login. */
export function browserAccessToken(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      (JSON.parse(sessionStorage.getItem('poortwachter.session') ?? '{}') as { accessToken: string })
        .accessToken,
  );
}

/** A small but complete one-page PDF with a line of text (uploads are checked by content, not by name). */
export function minimalPdf(text: string): Buffer {
  const content = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
