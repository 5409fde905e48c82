import { addDays, coursePeriods } from '../dossiers/course';
import type { AbsenceCoursePoint, OwnSickCase } from '../dossiers/operations';

export type AbsenceKind = 'full' | 'partial';

export interface AbsenceDay {
  /** The highest absence percentage of that day over all cases (1–100). */
  percentage: number;
  kind: AbsenceKind;
}

export interface YearAbsence {
  days: Map<string, AbsenceDay>;
  fullDays: number;
  partialDays: number;
}

type YearCase = Pick<OwnSickCase, 'firstSickDay' | 'absencePercentage' | 'recoveredOn'> & {
  absenceCourse: readonly AbsenceCoursePoint[];
};

/**
 * Every calendar day of `year` on which the employee was absent, from the cases' absence course:
 * 100% is full absence, anything between is partial. A case still open runs until `today`
 * (inclusive), never into the future. Overlapping cases (should not happen) take the highest value.
 */
export function yearAbsence(cases: readonly YearCase[], year: number, today: string): YearAbsence {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const days = new Map<string, AbsenceDay>();
  for (const sickCase of cases) {
    for (const period of coursePeriods(sickCase)) {
      const end = [period.to ?? today, today, last].sort()[0]!;
      let day = period.from < first ? first : period.from;
      while (day <= end) {
        const existing = days.get(day);
        if (!existing || existing.percentage < period.absencePercentage) {
          const percentage = Math.min(100, period.absencePercentage);
          days.set(day, { percentage, kind: percentage >= 100 ? 'full' : 'partial' });
        }
        day = addDays(day, 1);
      }
    }
  }
  let fullDays = 0;
  let partialDays = 0;
  for (const value of days.values()) {
    if (value.kind === 'full') fullDays += 1;
    else partialDays += 1;
  }
  return { days, fullDays, partialDays };
}

/** The years worth offering: from the first sick day on record until this year. */
export function selectableYears(
  cases: readonly Pick<OwnSickCase, 'firstSickDay'>[],
  currentYear: number,
): number[] {
  const earliest = cases.reduce((min, c) => Math.min(min, Number(c.firstSickDay.slice(0, 4))), currentYear);
  const years: number[] = [];
  for (let y = currentYear; y >= earliest; y -= 1) years.push(y);
  return years;
}

export interface MonthGrid {
  month: number;
  /** Weeks of 7 cells (Monday first); null outside the month. */
  weeks: (string | null)[][];
}

/** The 12 month grids of a year, weeks starting on Monday (the Dutch calendar). */
export function yearGrid(year: number): MonthGrid[] {
  const months: MonthGrid[] = [];
  for (let month = 0; month < 12; month += 1) {
    const firstWeekday = (new Date(Date.UTC(year, month, 1)).getUTCDay() + 6) % 7;
    const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const cells: (string | null)[] = Array.from({ length: firstWeekday }, () => null);
    for (let d = 1; d <= length; d += 1)
      cells.push(`${year}-${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks: (string | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    months.push({ month, weeks });
  }
  return months;
}
