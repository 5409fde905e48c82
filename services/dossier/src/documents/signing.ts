import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import { PNG } from 'pngjs';
import { BUSINESS_TIME_ZONE } from '@poortwachter/kit';
import { DossierErrorCode, dossierError } from '../domain/rules.js';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A drawn signature is a few hundred pixels wide; anything near these limits is not one. */
const MAX_SIGNATURE_BYTES = 2 * 1024 * 1024;
const MAX_SIGNATURE_SIDE = 4000;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DATA_URL = /^data:image\/png;base64,/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Below these, the canvas holds a dot or a stray click rather than a signature. */
const MIN_INK_PIXELS = 60;
const MIN_INK_WIDTH = 20;

export interface ValidSignature {
  png: Buffer;
  width: number;
  height: number;
  inkPixels: number;
}

/**
 * Checks a drawn signature (`data:image/png;base64,...`, as signature_pad's toDataURL gives it):
 * it must decode as a PNG of sane size and hold enough dark, opaque pixels to be a signature.
 * The header is checked before decoding, so a tiny file claiming a huge canvas cannot make the
 * service inflate gigabytes.
 */
export function validateSignaturePng(dataUrl: string): ValidSignature {
  const invalid = (why: string) => dossierError(DossierErrorCode.SIGNATURE_INVALID_IMAGE, `The signature is not a usable PNG image: ${why}.`);
  const empty = () => dossierError(DossierErrorCode.SIGNATURE_EMPTY, 'The signature is empty: draw your signature first.');
  const trimmed = dataUrl.trim();
  if (trimmed === '') throw empty();
  if (!DATA_URL.test(trimmed)) throw invalid('expected a data:image/png;base64 URL');
  const base64 = trimmed.replace(DATA_URL, '');
  if (base64 === '') throw empty();
  if (base64.length > (MAX_SIGNATURE_BYTES * 4) / 3 + 4) throw invalid('the image is too large');
  if (!BASE64.test(base64)) throw invalid('the data is not base64');
  const png = Buffer.from(base64, 'base64');
  if (png.length < PNG_MAGIC.length + 25) throw empty();
  if (!png.subarray(0, 8).equals(PNG_MAGIC) || png.toString('latin1', 12, 16) !== 'IHDR') throw invalid('not a PNG file');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width === 0 || height === 0) throw empty();
  if (width > MAX_SIGNATURE_SIDE || height > MAX_SIGNATURE_SIDE) throw invalid('the image is too large');
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch {
    throw invalid('the PNG data is damaged');
  }
  // Ink: opaque enough and darker than paper. signature_pad draws on a transparent canvas, but a
  // canvas filled white with a dark pen must pass too, and an all-white one must not.
  let inkPixels = 0;
  let minX = Number.POSITIVE_INFINITY;
  let maxX = -1;
  const data = image.data;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const offset = (y * image.width + x) * 4;
      const alpha = data[offset + 3]!;
      if (alpha < 64) continue;
      const luminance = 0.2126 * data[offset]! + 0.7152 * data[offset + 1]! + 0.0722 * data[offset + 2]!;
      if (luminance > 200) continue;
      inkPixels++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
    }
  }
  if (inkPixels < MIN_INK_PIXELS || maxX - minX + 1 < MIN_INK_WIDTH) throw empty();
  return { png, width: image.width, height: image.height, inkPixels };
}

/** Letters that do not decompose into a base letter plus accents. */
const LATIN_LOOKALIKES: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', Ħ: 'H', ħ: 'h', Œ: 'OE', œ: 'oe' };

/** pdf-lib's standard fonts encode WinAnsi only; other characters would make drawText throw. */
export function winAnsi(text: string): string {
  return [...text]
    .map((char) => {
      if (/[\x20-\x7E\u00A0-\u00FF]/.test(char)) return char;
      if (LATIN_LOOKALIKES[char]) return LATIN_LOOKALIKES[char];
      const stripped = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return /^[\x20-\x7E]+$/.test(stripped) ? stripped : '?';
    })
    .join('');
}

const stampFormatter = new Intl.DateTimeFormat('nl-NL', {
  timeZone: BUSINESS_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "12-03-2026 14:05" in Dutch time, whatever the server's time zone. */
export function formatStampTime(at: Date): string {
  const parts = Object.fromEntries(stampFormatter.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`;
}

export interface StampInput {
  signaturePng: Buffer;
  signerName: string;
  signedAt: Date;
  originalSha256: string;
}

/**
 * The signed copy: the original PDF with, on its last page, a box at the bottom right holding the
 * drawn signature, the signer, the date and time (Europe/Amsterdam) and the SHA-256 of the
 * original, so anyone can check which exact document was signed. The hash is also written into
 * the document properties (uncompressed), where software can read it without parsing pages.
 */
export async function stampSignature(original: Uint8Array, input: StampInput): Promise<Uint8Array> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(original, { updateMetadata: false });
  } catch (error) {
    throw dossierError(DossierErrorCode.SIGNATURE_ORIGINAL_UNREADABLE, `The document to sign cannot be read as a PDF: ${(error as Error).message}`);
  }
  const pages = pdf.getPages();
  const page = pages[pages.length - 1];
  if (!page) throw dossierError(DossierErrorCode.SIGNATURE_ORIGINAL_UNREADABLE, 'The document to sign has no pages.');
  const [font, mono, image] = await Promise.all([
    pdf.embedFont(StandardFonts.Helvetica),
    pdf.embedFont(StandardFonts.Courier),
    pdf.embedPng(input.signaturePng),
  ]);
  const { width: pageWidth } = page.getSize();
  const box = { width: 250, height: 120 };
  const margin = 28;
  const x = Math.max(margin, pageWidth - margin - box.width);
  const y = margin;
  page.drawRectangle({ x, y, width: box.width, height: box.height, color: rgb(1, 1, 1), borderColor: rgb(0.2, 0.2, 0.2), borderWidth: 0.75 });

  const imageArea = { width: box.width - 16, height: 56 };
  const scale = Math.min(imageArea.width / image.width, imageArea.height / image.height);
  page.drawImage(image, {
    x: x + 8,
    y: y + box.height - 8 - image.height * scale,
    width: image.width * scale,
    height: image.height * scale,
  });
  const time = formatStampTime(input.signedAt);
  const lines: { text: string; font: PDFFont; size: number }[] = [
    { text: winAnsi(`Digitaal ondertekend door ${input.signerName}`), font, size: 7.5 },
    { text: `op ${time} (Europe/Amsterdam)`, font, size: 7.5 },
    { text: 'SHA-256 origineel:', font, size: 7.5 },
    // 64 hex digits on one line, so the hash can be copied whole.
    { text: input.originalSha256, font: mono, size: 5.5 },
  ];
  let lineY = y + box.height - 8 - imageArea.height - 10;
  for (const line of lines) {
    page.drawText(truncateToWidth(line.text, line.font, line.size, box.width - 16), { x: x + 8, y: lineY, size: line.size, font: line.font, color: rgb(0, 0, 0) });
    lineY -= line.size + 4;
  }
  pdf.setSubject(`Ondertekend op ${time} (Europe/Amsterdam)`);
  pdf.setKeywords([`SHA-256 origineel: ${input.originalSha256}`]);
  pdf.setModificationDate(input.signedAt);
  pdf.setProducer('Poortwachter');
  // Without object streams the document properties stay readable as plain text in the file.
  return pdf.save({ useObjectStreams: false });
}

function truncateToWidth(text: string, font: PDFFont, size: number, maxWidth: number): string {
  if (font.widthOfTextAtSize(text, size) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > maxWidth) cut = cut.slice(0, -1);
  return `${cut}…`;
}
