import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { formatStampTime, sha256Hex, stampSignature, validateSignaturePng, winAnsi } from '../src/documents/signing.js';
import { demoSignaturePng, renderLetter } from '../src/seed/letters.js';
import { cleanFileName, titleFromFileName, uploadMaxBytes } from '../src/http/upload.js';
import { contentDisposition } from '../src/http/files.js';
import { currentValueOf, normaliseEmail, normalisePhone } from '../src/documents/person-details.js';
import type { PersonEntity } from '../src/entities/index.js';

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

function png(width: number, height: number, paint: (x: number, y: number) => [number, number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) image.data.set(paint(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(image);
}

const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'OK';
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('validateSignaturePng', () => {
  it('accepts a drawn signature on a transparent or a white canvas', () => {
    expect(validateSignaturePng(dataUrl(demoSignaturePng(1))).inkPixels).toBeGreaterThan(500);
    const onWhite = png(200, 80, (x, y) => (Math.abs(y - 40 - Math.sin(x / 10) * 20) < 2 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    expect(codeOf(() => validateSignaturePng(dataUrl(onWhite)))).toBe('OK');
  });

  it('calls blank canvases, dots and missing data empty', () => {
    const dot = png(200, 80, (x, y) => (Math.hypot(x - 100, y - 40) < 3 ? [0, 0, 0, 255] : [0, 0, 0, 0]));
    const faint = png(200, 80, (x, y) => (y === 40 ? [0, 0, 0, 30] : [0, 0, 0, 0]));
    for (const input of ['', '   ', 'data:image/png;base64,', dataUrl(png(200, 80, () => [0, 0, 0, 0])), dataUrl(png(200, 80, () => [255, 255, 255, 255])), dataUrl(dot), dataUrl(faint)]) {
      expect(codeOf(() => validateSignaturePng(input)), input.slice(0, 30)).toBe('SIGNATURE_EMPTY');
    }
  });

  it('calls other formats, damaged data and huge canvases invalid, before decoding them', () => {
    const valid = demoSignaturePng(1);
    const damaged = Buffer.from(valid);
    damaged.fill(7, 60, 200);
    const huge = Buffer.from(valid);
    huge.writeUInt32BE(100_000, 16);
    for (const input of ['data:image/gif;base64,R0lGODlh', 'data:image/png;base64,%%%', dataUrl(Buffer.from('GIF89a'.padEnd(64, 'x'))), dataUrl(damaged), dataUrl(huge)]) {
      expect(codeOf(() => validateSignaturePng(input)), input.slice(0, 30)).toBe('SIGNATURE_INVALID_IMAGE');
    }
  });
});

describe('stampSignature', () => {
  it('adds the signature image, keeps the pages and records the original hash and time', async () => {
    const original = await renderLetter({ heading: 'Plan van aanpak', sender: 'HR', recipient: 'Sanne', date: new Date('2026-03-01T10:00:00Z'), facts: [['a', 'b']], sections: [{ paragraphs: ['tekst '.repeat(900)] }] });
    const hash = sha256Hex(original);
    const signedAt = new Date('2026-03-14T13:05:00Z');
    const stamped = await stampSignature(original, { signaturePng: demoSignaturePng(3), signerName: 'Łucja Nowak-de Vries', signedAt, originalSha256: hash });
    const pdf = await PDFDocument.load(stamped);
    expect(pdf.getPageCount()).toBe((await PDFDocument.load(original)).getPageCount());
    expect(pdf.getPageCount()).toBeGreaterThan(1);
    expect(pdf.getKeywords()).toBe(`SHA-256 origineel: ${hash}`);
    expect(pdf.getSubject()).toBe('Ondertekend op 14-03-2026 14:05 (Europe/Amsterdam)');
    expect(Buffer.from(stamped).toString('latin1')).toContain('/ModDate (D:20260314130500Z)');
    expect(Buffer.from(stamped).toString('latin1').match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(1);
    expect(Buffer.from(original).toString('latin1')).not.toContain('/Subtype /Image');
  });

  it('refuses what is not a PDF', async () => {
    await expect(
      stampSignature(new Uint8Array(Buffer.from('not a pdf')), { signaturePng: demoSignaturePng(), signerName: 'x', signedAt: new Date(), originalSha256: 'a'.repeat(64) }),
    ).rejects.toMatchObject({ extensions: { code: 'SIGNATURE_ORIGINAL_UNREADABLE' } });
  });

  it('renders letters deterministically', async () => {
    const letter = { heading: 'Probleemanalyse', sender: 'Arbodienst', recipient: 'Sanne', date: new Date('2026-02-02T10:00:00Z'), facts: [], sections: [{ paragraphs: ['Belastbaar.'] }] };
    expect(sha256Hex(await renderLetter(letter))).toBe(sha256Hex(await renderLetter(letter)));
  });
});

describe('text helpers', () => {
  it('formats the stamp time in Dutch time, summer and winter', () => {
    expect(formatStampTime(new Date('2026-01-15T23:30:00Z'))).toBe('16-01-2026 00:30');
    expect(formatStampTime(new Date('2026-07-01T08:00:00Z'))).toBe('01-07-2026 10:00');
  });

  it('keeps Dutch names and replaces what the PDF font cannot write', () => {
    expect(winAnsi('Sanne de Vries-Çelik')).toBe('Sanne de Vries-Çelik');
    expect(winAnsi('Łucja 李')).toBe('Lucja ?');
  });

  it('cleans uploaded file names and derives titles', () => {
    const pdf = { mime: 'application/pdf', ext: 'pdf' };
    expect(cleanFileName('C:\\Users\\sanne\\Brief huisarts.pdf', pdf)).toBe('Brief huisarts.pdf');
    expect(cleanFileName('../../etc/passwd', pdf)).toBe('passwd.pdf');
    expect(cleanFileName('virus.exe', pdf)).toBe('virus.exe.pdf');
    expect(cleanFileName('', { mime: 'image/jpeg', ext: 'jpg' })).toBe('document.jpg');
    expect(cleanFileName('foto.JPEG', { mime: 'image/jpeg', ext: 'jpg' })).toBe('foto.JPEG');
    expect(cleanFileName(`${'a'.repeat(300)}.pdf`, pdf)).toHaveLength(200);
    expect(titleFromFileName('Plan van aanpak.pdf')).toBe('Plan van aanpak');
    expect(contentDisposition('inline', 'Verslag één.pdf')).toBe(`inline; filename="Verslag een.pdf"; filename*=UTF-8''Verslag%20%C3%A9%C3%A9n.pdf`);
  });

  it('reads UPLOAD_MAX_BYTES', () => {
    expect(uploadMaxBytes({})).toBe(20 * 1024 * 1024);
    expect(uploadMaxBytes({ UPLOAD_MAX_BYTES: '1000' })).toBe(1000);
    expect(() => uploadMaxBytes({ UPLOAD_MAX_BYTES: '20MB' })).toThrow(/UPLOAD_MAX_BYTES/);
  });

  it('normalises contact details', () => {
    expect(normalisePhone('06-12345678')).toBe('+31612345678');
    expect(normalisePhone('(0344) 61 23 45')).toBe('+31344612345');
    expect(normalisePhone('+49 30 901820')).toBe('+4930901820');
    expect(codeOf(() => normalisePhone('0612'))).toBe('INVALID_PHONE_NUMBER');
    expect(codeOf(() => normalisePhone('bel me'))).toBe('INVALID_PHONE_NUMBER');
    expect(normaliseEmail('S.deVries@Zorggroep.NL')).toBe('S.deVries@zorggroep.nl');
    for (const bad of ['sanne', 'sanne@', '@example.org', 'sanne@example', 'san ne@example.org', 'sanne@exa_mple.org', `${'a'.repeat(65)}@example.org`]) {
      expect(codeOf(() => normaliseEmail(bad)), bad).toBe('INVALID_EMAIL');
    }
  });

  it('shows the current value a correction request is about', () => {
    const person = { firstName: 'Sanne', lastName: 'de Vries', initials: 'S.', dateOfBirth: '1988-04-12', street: 'Waalkade', houseNumber: '12', postalCode: '4001 LM', city: 'Tiel', personnelNumber: 'P00001' } as PersonEntity;
    const employment = { startDate: '2020-01-01', endDate: null, jobTitle: 'Wijkverpleegkundige', hoursPerWeek: 32 };
    expect(currentValueOf(person, 'ADDRESS', [])).toBe('Waalkade 12, 4001 LM Tiel');
    expect(currentValueOf(person, 'EMPLOYMENT', [employment])).toBe('Wijkverpleegkundige, 32 uur per week, sinds 2020-01-01');
    expect(currentValueOf(person, 'OTHER', [])).toBeNull();
  });
});
