import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { PNG } from 'pngjs';
import { winAnsi } from '../documents/signing.js';

/*
 * Real documents for the demo dossiers: simple A4 letters made with pdf-lib, and a drawn demo
 * signature. Output depends only on the input (fixed dates, no random ids), so a document seeded
 * twice is byte-identical.
 */

export interface Letter {
  /** Big heading, e.g. "Plan van aanpak". */
  heading: string;
  sender: string;
  recipient: string;
  /** Shown as the letter's date and used as the PDF's creation date. */
  date: Date;
  /** Label–value rows under the heading (name, date of birth, employer, ...). */
  facts: [string, string][];
  sections: { title?: string; paragraphs: string[] }[];
  closing?: string[];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

const dateFormatter = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || line === '') line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export async function renderLetter(letter: Letter): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(letter.heading));
  pdf.setAuthor(winAnsi(letter.sender));
  pdf.setCreator('Poortwachter demo');
  pdf.setProducer('Poortwachter');
  pdf.setCreationDate(letter.date);
  pdf.setModificationDate(letter.date);
  const [regular, bold] = await Promise.all([pdf.embedFont(StandardFonts.Helvetica), pdf.embedFont(StandardFonts.HelveticaBold)]);
  const textWidth = A4[0] - 2 * MARGIN;
  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  // Leaves room at the bottom of the last page for a signature box (see stampSignature).
  const bottom = MARGIN + 140;

  const ensureRoom = (height: number) => {
    if (y - height >= bottom) return;
    page = pdf.addPage(A4);
    y = A4[1] - MARGIN;
  };
  const draw = (text: string, font: PDFFont, size: number, gap = 4, color = rgb(0.1, 0.1, 0.1)) => {
    for (const line of wrap(winAnsi(text), font, size, textWidth)) {
      ensureRoom(size + gap);
      page.drawText(line, { x: MARGIN, y: y - size, size, font, color });
      y -= size + gap;
    }
  };

  draw(letter.sender, bold, 10, 2, rgb(0.05, 0.3, 0.45));
  draw(`Aan: ${letter.recipient}`, regular, 10, 2);
  draw(`Datum: ${dateFormatter.format(letter.date)}`, regular, 10, 14);
  draw(letter.heading, bold, 20, 12);
  for (const [label, value] of letter.facts) {
    ensureRoom(14);
    page.drawText(winAnsi(`${label}:`), { x: MARGIN, y: y - 10, size: 10, font: bold });
    page.drawText(winAnsi(value), { x: MARGIN + 150, y: y - 10, size: 10, font: regular });
    y -= 14;
  }
  y -= 10;
  for (const section of letter.sections) {
    if (section.title) draw(section.title, bold, 12, 6);
    for (const paragraph of section.paragraphs) {
      draw(paragraph, regular, 10.5, 3.5);
      y -= 8;
    }
  }
  for (const line of letter.closing ?? []) draw(line, regular, 10.5, 3.5);
  return pdf.save({ useObjectStreams: false });
}

/**
 * A drawn-looking signature (dark ink on a transparent canvas, like signature_pad makes): a few
 * loops along a baseline. `seed` varies the shape a little.
 */
export function demoSignaturePng(seed = 1, width = 360, height = 110): Buffer {
  const png = new PNG({ width, height });
  const ink = (x: number, y: number) => {
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const px = Math.round(x + dx);
        const py = Math.round(y + dy);
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        const offset = (py * width + px) * 4;
        png.data[offset] = 20;
        png.data[offset + 1] = 30;
        png.data[offset + 2] = 90;
        png.data[offset + 3] = 255;
      }
    }
  };
  for (let t = 0; t <= 1; t += 0.0004) {
    const x = 20 + t * (width - 40);
    const y = height / 2 + Math.sin(t * Math.PI * (6 + seed)) * (height / 3.2) * (1 - t * 0.5) + Math.cos(t * Math.PI * 23) * 6;
    ink(x, y);
  }
  // An underline stroke.
  for (let x = 40; x < width - 60; x++) ink(x, height - 16 + Math.sin(x / 30) * 2);
  return PNG.sync.write(png);
}

/** A small photo-like image (an appointment card): what an employee might upload from a phone. */
export function demoCardPng(width = 480, height = 300): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 4;
      const header = y < 60;
      const line = !header && y % 36 === 0 && x > 30 && x < width - 30;
      const [r, g, b] = header ? [30, 110, 140] : line ? [150, 150, 160] : [250, 248, 240];
      png.data[offset] = r;
      png.data[offset + 1] = g;
      png.data[offset + 2] = b;
      png.data[offset + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
