import { describe, expect, it } from 'vitest';
import { splitAppointments, type OwnAppointment } from '../src/features/appointments/operations';
import { appointmentIcs, icsFileName } from '../src/features/appointments/ics';
import { addDays, coursePeriods } from '../src/features/dossiers/course';
import {
  currentCase,
  documentGroup,
  splitCases,
  type OwnSickCase,
} from '../src/features/dossiers/operations';
import { checkUpload, uploadDocument, UPLOAD_MAX_BYTES } from '../src/features/dossiers/upload';
import { FileRequestError } from '@poortwachter/ui';
import { selectableYears, yearAbsence, yearGrid } from '../src/features/year-overview/absenceDays';

const sickCase = (overrides: Partial<OwnSickCase>): OwnSickCase => ({
  id: 'c',
  firstSickDay: '2026-01-05',
  status: 'OPEN',
  absencePercentage: 100,
  recoveredOn: null,
  waitingPeriodEndsOn: '2028-01-03',
  absenceCourse: [],
  ...overrides,
});

const appointment = (
  id: string,
  startsAt: string,
  endsAt: string,
  extra: Partial<OwnAppointment> = {},
): OwnAppointment => ({
  id,
  startsAt,
  endsAt,
  professionalName: 'dr. Marieke Bos',
  professionalRole: 'OCCUPATIONAL_PHYSICIAN',
  kind: 'Spreekuur bedrijfsarts',
  location: 'Fultonbaan 56, Nieuwegein',
  videoUrl: null,
  status: 'PLANNED',
  ...extra,
});

describe('dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    // A daylight-saving switch (last Sunday of March in the Netherlands) is just a day.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });
});

describe('absence course periods', () => {
  it('holds each percentage until the day before the next point, and ends the day before recovery', () => {
    const periods = coursePeriods(
      sickCase({
        firstSickDay: '2026-01-05',
        recoveredOn: '2026-03-02',
        absenceCourse: [
          { from: '2026-02-02', absencePercentage: 50 },
          { from: '2026-01-05', absencePercentage: 100 },
          { from: '2026-03-02', absencePercentage: 0 },
        ],
      }),
    );
    expect(periods).toEqual([
      { from: '2026-01-05', to: '2026-02-01', absencePercentage: 100 },
      { from: '2026-02-02', to: '2026-03-01', absencePercentage: 50 },
    ]);
  });

  it('keeps an open case open-ended and falls back to the case percentage without a course', () => {
    expect(coursePeriods(sickCase({ absencePercentage: 60 }))).toEqual([
      { from: '2026-01-05', to: null, absencePercentage: 60 },
    ]);
  });
});

describe('year overview', () => {
  it('counts full and partial days of a year, an open case until today only', () => {
    const result = yearAbsence(
      [
        sickCase({
          firstSickDay: '2026-01-05',
          absenceCourse: [
            { from: '2026-01-05', absencePercentage: 100 },
            { from: '2026-01-15', absencePercentage: 40 },
          ],
        }),
      ],
      2026,
      '2026-01-20',
    );
    expect(result.fullDays).toBe(10);
    expect(result.partialDays).toBe(6);
    expect(result.days.get('2026-01-05')).toEqual({ percentage: 100, kind: 'full' });
    expect(result.days.get('2026-01-14')?.kind).toBe('full');
    expect(result.days.get('2026-01-15')).toEqual({ percentage: 40, kind: 'partial' });
    expect(result.days.has('2026-01-21')).toBe(false);
    expect(result.days.has('2026-01-04')).toBe(false);
  });

  it('clips a case that spans New Year to the chosen year, and counts 29 February in a leap year', () => {
    const cases = [
      sickCase({
        firstSickDay: '2023-12-20',
        status: 'RECOVERED',
        recoveredOn: '2024-03-01',
        absenceCourse: [
          { from: '2023-12-20', absencePercentage: 100 },
          { from: '2024-03-01', absencePercentage: 0 },
        ],
      }),
    ];
    const leap = yearAbsence(cases, 2024, '2026-06-01');
    // 1 Jan – 29 Feb 2024: 31 + 29 days.
    expect(leap.fullDays).toBe(60);
    expect(leap.days.has('2024-02-29')).toBe(true);
    expect(leap.days.has('2024-03-01')).toBe(false);
    expect(yearAbsence(cases, 2023, '2026-06-01').fullDays).toBe(12);
    expect(yearAbsence(cases, 2025, '2026-06-01').days.size).toBe(0);
  });

  it('takes the highest percentage where cases overlap and never counts 0% days', () => {
    const result = yearAbsence(
      [
        sickCase({
          id: 'a',
          firstSickDay: '2025-05-01',
          status: 'RECOVERED',
          recoveredOn: '2025-05-11',
          absenceCourse: [{ from: '2025-05-01', absencePercentage: 30 }],
        }),
        sickCase({
          id: 'b',
          firstSickDay: '2025-05-05',
          status: 'RECOVERED',
          recoveredOn: '2025-05-07',
          absenceCourse: [{ from: '2025-05-05', absencePercentage: 100 }],
        }),
      ],
      2025,
      '2026-01-01',
    );
    expect(result.fullDays).toBe(2);
    expect(result.partialDays).toBe(8);
    expect(result.days.get('2025-05-06')?.kind).toBe('full');
  });

  it('builds Monday-first month grids, with 29 days in February of a leap year', () => {
    const grid = yearGrid(2024);
    expect(grid).toHaveLength(12);
    // 1 January 2024 was a Monday, 1 February 2024 a Thursday.
    expect(grid[0]!.weeks[0]![0]).toBe('2024-01-01');
    expect(grid[1]!.weeks[0]!.slice(0, 4)).toEqual([null, null, null, '2024-02-01']);
    expect(grid[1]!.weeks.flat().filter(Boolean)).toHaveLength(29);
    expect(yearGrid(2025)[1]!.weeks.flat().filter(Boolean)).toHaveLength(28);
    expect(grid.every((month) => month.weeks.every((week) => week.length === 7))).toBe(true);
  });

  it('offers the years from the first case until now', () => {
    expect(selectableYears([sickCase({ firstSickDay: '2023-04-01' })], 2026)).toEqual([
      2026, 2025, 2024, 2023,
    ]);
    expect(selectableYears([], 2026)).toEqual([2026]);
  });
});

describe('cases and documents', () => {
  const cases = [
    sickCase({ id: 'old', firstSickDay: '2024-02-03', status: 'RECOVERED', recoveredOn: '2024-02-14' }),
    sickCase({ id: 'now', firstSickDay: '2026-01-05' }),
    sickCase({ id: 'older', firstSickDay: '2023-02-03', status: 'RECOVERED', recoveredOn: '2023-02-14' }),
  ];
  it('takes the open case that started last as current, and splits open from closed, latest first', () => {
    expect(currentCase(cases)?.id).toBe('now');
    expect(currentCase([cases[0]!])).toBeNull();
    const { open, closed } = splitCases(cases);
    expect(open.map((c) => c.id)).toEqual(['now']);
    expect(closed.map((c) => c.id)).toEqual(['old', 'older']);
  });

  it('puts the arbodienst reports under "UWV documenten" and everything else under "Documenten"', () => {
    expect(documentGroup({ category: 'PROBLEM_ANALYSIS' })).toBe('uwv');
    expect(documentGroup({ category: 'PLAN_OF_ACTION' })).toBe('uwv');
    expect(documentGroup({ category: 'INVITATION' })).toBe('documents');
    expect(documentGroup({ category: 'SIGNED' })).toBe('documents');
  });
});

describe('appointments', () => {
  it('splits appointments into upcoming (soonest first) and past (latest first)', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const { upcoming, past } = splitAppointments(
      [
        appointment('late', '2026-03-20T09:00:00Z', '2026-03-20T09:30:00Z'),
        appointment('soon', '2026-03-11T09:00:00Z', '2026-03-11T09:30:00Z'),
        appointment('old', '2026-02-01T09:00:00Z', '2026-02-01T09:30:00Z'),
        appointment('older', '2026-01-01T09:00:00Z', '2026-01-01T09:30:00Z'),
      ],
      now,
    );
    expect(upcoming.map((a) => a.id)).toEqual(['soon', 'late']);
    expect(past.map((a) => a.id)).toEqual(['old', 'older']);
  });

  it('writes an iCalendar event in UTC with a stable uid, place and video link', () => {
    const ics = appointmentIcs(
      appointment('a1', '2026-03-12T08:30:00.000Z', '2026-03-12T09:00:00.000Z', {
        videoUrl: 'https://video.example/abc',
      }),
      {
        title: 'Spreekuur bedrijfsarts met dr. Marieke Bos',
        description: 'Met dr. Marieke Bos, bedrijfsarts',
      },
    );
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('BEGIN:VEVENT');
    expect(unfolded).toContain('DTSTART:20260312T083000Z');
    expect(unfolded).toContain('DTEND:20260312T090000Z');
    expect(unfolded).toContain('SUMMARY:Spreekuur bedrijfsarts met dr. Marieke Bos');
    expect(unfolded).toContain('UID:a1@poortwachter');
    expect(unfolded).toContain('LOCATION:Fultonbaan 56\\, Nieuwegein');
    expect(unfolded).toContain('URL:https://video.example/abc');
    expect(unfolded).toContain('STATUS:CONFIRMED');
    expect(icsFileName('afspraak', appointment('a1', '2026-03-12T08:30:00Z', '2026-03-12T09:00:00Z'))).toBe(
      'afspraak-2026-03-12.ics',
    );
  });
});

describe('upload', () => {
  const pdf = new File(['%PDF-1.7\n'], 'verslag.pdf', { type: 'application/pdf' });

  it('checks file, size and description before sending', () => {
    expect(checkUpload({ file: null, description: 'x', visibleToEmployer: false })).toBe(
      'UPLOAD_FILE_MISSING',
    );
    expect(checkUpload({ file: pdf, description: '  ', visibleToEmployer: false })).toBe(
      'UPLOAD_DESCRIPTION_REQUIRED',
    );
    const big = { size: UPLOAD_MAX_BYTES + 1, name: 'groot.pdf' } as File;
    expect(checkUpload({ file: big, description: 'x', visibleToEmployer: false })).toBe('UPLOAD_TOO_LARGE');
    expect(checkUpload({ file: pdf, description: 'Verslag', visibleToEmployer: false })).toBeNull();
  });

  it('posts multipart form data to the sick case and returns the document', async () => {
    const calls: { path: string; init?: RequestInit }[] = [];
    const fake = async (path: string, init?: RequestInit) => {
      calls.push({ path, init });
      return new Response(JSON.stringify({ document: { id: 'd1', title: 'Verslag' } }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      });
    };
    const document = await uploadDocument(fake, 'case/1', {
      file: pdf,
      description: ' Verslag ',
      visibleToEmployer: true,
    });
    expect(document).toEqual({ id: 'd1', title: 'Verslag' });
    expect(calls[0]!.path).toBe('/files/sick-cases/case%2F1/documents');
    expect(calls[0]!.init?.method).toBe('POST');
    const form = calls[0]!.init?.body as FormData;
    expect(form.get('description')).toBe('Verslag');
    expect(form.get('visibleToEmployer')).toBe('true');
    expect((form.get('file') as File).name).toBe('verslag.pdf');
  });

  it("rejects with the server's stable code", async () => {
    const fake = async () =>
      new Response(JSON.stringify({ error: { code: 'UPLOAD_TYPE_NOT_ALLOWED', message: 'no' } }), {
        status: 415,
      });
    const failure = await uploadDocument(fake, 'c1', {
      file: pdf,
      description: 'x',
      visibleToEmployer: false,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FileRequestError);
    expect((failure as FileRequestError).code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    expect((failure as FileRequestError).statusCode).toBe(415);
    const proxy = async () => new Response('<html>Bad gateway</html>', { status: 502 });
    const other = (await uploadDocument(proxy, 'c1', {
      file: pdf,
      description: 'x',
      visibleToEmployer: false,
    }).catch((error: unknown) => error)) as FileRequestError;
    expect(other.statusCode).toBe(502);
    expect(other.code).toBeUndefined();
  });
});
