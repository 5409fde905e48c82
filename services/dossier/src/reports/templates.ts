import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';

/*
 * Report templates of "Toevoegen van een rapportage". A template turns the facts of a person's
 * dossier into sections of text once; the same sections become an editable Word file (docx) and a
 * PDF, so both say exactly the same. Only non-medical facts go in: an employer's report.
 */

export interface ReportSection {
  heading: string;
  /** Label/value lines, shown as "Label: value". */
  facts?: [string, string][];
  /** Free paragraphs, e.g. the text of a P&O note. */
  paragraphs?: string[];
}

export interface ReportContent {
  title: string;
  subtitle: string;
  sections: ReportSection[];
  footer: string;
}

export interface ReportFacts {
  person: { name: string; dateOfBirth: string | null; personnelNumber: string | null };
  employment: { employer: string; division: string | null; department: string | null; jobTitle: string | null; hoursPerWeek: number; startDate: string } | null;
  sickCase: { firstSickDay: string; absencePercentage: number; expectedRecoveryDate: string | null } | null;
  notes: { folder: string; title: string; text: string; authorName: string; createdAt: Date }[];
  author: string;
  date: string;
}

export const TEMPLATES = {
  INZETBAARHEIDSGESPREK: {
    name: 'WG – Inzetbaarheidsgesprek',
    description: 'Verslag van het gesprek van werkgever en werknemer over wat de werknemer (nog) kan: persoons- en dienstverbandgegevens, de ziekmelding en de gekozen P&O-notities.',
  },
} as const;
export type TemplateCode = keyof typeof TEMPLATES;

const FOLDER_NAMES: Record<string, string> = {
  EMPLOYEE_EMPLOYER_MEETING: 'Overleg werknemer – werkgever',
  ABSENCE_MEETING: 'Verzuimgesprek',
  MANAGEMENT_MEETING: 'Directieoverleg',
  BACKGROUND: 'Achtergrondinformatie',
};

function dutchDate(iso: string | null): string {
  if (!iso) return '—';
  const [year, month, day] = iso.split('-');
  return `${day}-${month}-${year}`;
}

export function buildReport(template: TemplateCode, facts: ReportFacts): ReportContent {
  const sections: ReportSection[] = [
    {
      heading: 'Werknemer',
      facts: [
        ['Naam', facts.person.name],
        ['Geboortedatum', dutchDate(facts.person.dateOfBirth)],
        ['Personeelsnummer', facts.person.personnelNumber ?? '—'],
      ],
    },
  ];
  if (facts.employment) {
    sections.push({
      heading: 'Dienstverband',
      facts: [
        ['Werkgever', facts.employment.employer],
        ['Divisie', facts.employment.division ?? '—'],
        ['Afdeling', facts.employment.department ?? '—'],
        ['Functie', facts.employment.jobTitle ?? '—'],
        ['Uren per week', String(facts.employment.hoursPerWeek).replace('.', ',')],
        ['In dienst', dutchDate(facts.employment.startDate)],
      ],
    });
  }
  if (facts.sickCase) {
    sections.push({
      heading: 'Ziekmelding',
      facts: [
        ['Eerste ziektedag', dutchDate(facts.sickCase.firstSickDay)],
        ['Verzuimpercentage', `${facts.sickCase.absencePercentage}%`],
        ['Verwachte hersteldatum', dutchDate(facts.sickCase.expectedRecoveryDate)],
      ],
    });
  }
  sections.push({
    heading: 'Gespreksverslag',
    paragraphs:
      facts.notes.length === 0
        ? ['Er zijn geen P&O-notities gekozen.']
        : facts.notes.flatMap((note) => [
            `${FOLDER_NAMES[note.folder] ?? note.folder} – ${note.title} (${note.authorName}, ${dutchDate(note.createdAt.toISOString().slice(0, 10))})`,
            note.text,
          ]),
  });
  sections.push({
    heading: 'Afspraken en vervolg',
    paragraphs: ['Wat kan de werknemer nog wel? Welke aanpassingen zijn afgesproken? Wanneer is het volgende contact?'],
  });
  return {
    title: TEMPLATES[template].name,
    subtitle: `${facts.person.name} – ${dutchDate(facts.date)}`,
    sections,
    footer: `Opgesteld door ${facts.author} op ${dutchDate(facts.date)}. Bevat geen medische informatie.`,
  };
}

export async function renderDocx(content: ReportContent): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(content.title)] }),
    new Paragraph({ children: [new TextRun({ text: content.subtitle, italics: true })] }),
  ];
  for (const section of content.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }));
    for (const [label, value] of section.facts ?? []) {
      children.push(new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }));
    }
    for (const paragraph of section.paragraphs ?? []) {
      const lines = paragraph.split('\n');
      children.push(new Paragraph({ children: lines.map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 })) }));
    }
  }
  children.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: content.footer, size: 18 })] }));
  const document = new Document({ creator: 'Poortwachter', title: content.title, sections: [{ children }] });
  return Packer.toBuffer(document);
}

/** Characters the standard PDF fonts cannot encode become "?" rather than failing the report. */
function encodable(font: PDFFont, value: string): string {
  return [...value]
    .map((char) => {
      try {
        font.encodeText(char);
        return char;
      } catch {
        return '?';
      }
    })
    .join('');
}

function wrap(font: PDFFont, size: number, value: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of value.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

export async function renderPdf(content: ReportContent): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(content.title);
  pdf.setCreator('Poortwachter');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  let page = pdf.addPage([595.28, 841.89]);
  let y = page.getHeight() - margin;
  const width = page.getWidth() - 2 * margin;
  const write = (value: string, font: PDFFont, size: number, gap = 4) => {
    for (const line of wrap(font, size, encodable(font, value), width)) {
      if (y < margin + size) {
        page = pdf.addPage([595.28, 841.89]);
        y = page.getHeight() - margin;
      }
      page.drawText(line, { x: margin, y: y - size, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size + gap;
    }
  };
  write(content.title, bold, 18, 6);
  write(content.subtitle, regular, 11, 14);
  for (const section of content.sections) {
    y -= 6;
    write(section.heading, bold, 13, 6);
    for (const [label, value] of section.facts ?? []) write(`${label}: ${value}`, regular, 10.5);
    for (const paragraph of section.paragraphs ?? []) {
      write(paragraph, regular, 10.5);
      y -= 4;
    }
  }
  y -= 10;
  write(content.footer, regular, 8.5);
  return Buffer.from(await pdf.save());
}
