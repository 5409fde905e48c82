import type { AbsenceSegment } from './absence';

export interface AbsenceCardPdf {
  title: string;
  subtitle: string;
  head: string[];
  body: string[][];
  /** The timeline drawn as bars, with the period it spans. */
  timeline?: { from: string; to: string; caption: string; segments: AbsenceSegment[] };
  fileName: string;
}

const DAY = 86_400_000;
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/**
 * Builds the absence card as a PDF. jsPDF is loaded on demand: most visits never export, and it
 * would otherwise weigh on the dashboard's first load.
 */
export async function buildAbsenceCardPdf(
  card: AbsenceCardPdf,
): Promise<{ save(): void; bytes(): ArrayBuffer }> {
  const [{ jsPDF }, { autoTable }] = await Promise.all([import('jspdf'), import('jspdf-autotable')]);
  const doc = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4' });
  const width = doc.internal.pageSize.getWidth();
  doc.setProperties({ title: card.title, creator: 'Poortwachter' });
  doc.setFontSize(16);
  doc.text(card.title, 14, 16);
  doc.setFontSize(9);
  doc.text(card.subtitle, 14, 22);
  let y = 28;
  if (card.timeline && card.timeline.segments.length > 0) {
    const { from, to, segments, caption } = card.timeline;
    const start = time(from);
    const span = Math.max(time(to) - start, DAY);
    const left = 14;
    const barWidth = width - 28;
    doc.text(caption, left, y + 3);
    doc.setDrawColor(160);
    doc.rect(left, y + 5, barWidth, 10);
    for (const segment of segments) {
      const x = left + ((time(segment.from) - start) / span) * barWidth;
      const w = Math.max(((time(segment.to) - time(segment.from)) / span) * barWidth, 0.5);
      const h = (10 * segment.absencePercentage) / 100;
      doc.setFillColor(214, 92, 32);
      doc.rect(x, y + 15 - h, w, h, 'F');
    }
    y += 20;
  }
  autoTable(doc, {
    head: [card.head],
    body: card.body,
    startY: y,
    styles: { fontSize: 9 },
    headStyles: { fillColor: [31, 79, 138] },
  });
  return {
    save: () => doc.save(card.fileName),
    bytes: () => doc.output('arraybuffer'),
  };
}
