import { describe, expect, it } from 'vitest';
import { buildAbsenceCardPdf } from '../src/features/sick-report/pdf';

describe('absence card PDF', () => {
  it('is a PDF with the title, the table and the timeline', async () => {
    const pdf = await buildAbsenceCardPdf({
      title: 'Verzuimkaart Pieter Bakker',
      subtitle: 'Aangemaakt op 10-03-2026. Bevat geen medische gegevens.',
      head: ['Eerste ziektedag', 'Hersteld op'],
      body: [
        ['02-02-2026', 'lopend'],
        ['02-06-2025', '16-06-2025'],
      ],
      timeline: {
        from: '2025-06-02',
        to: '2026-03-10',
        caption: 'Tijdlijn',
        segments: [
          { caseId: 's1', from: '2025-06-02', to: '2025-06-16', absencePercentage: 100, ongoing: false },
        ],
      },
      fileName: 'verzuimkaart.pdf',
    });
    const text = new TextDecoder('latin1').decode(pdf.bytes());
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('Verzuimkaart Pieter Bakker');
    expect(text).toContain('16-06-2025');
    expect(text).toContain('Eerste ziektedag');
  });
});
