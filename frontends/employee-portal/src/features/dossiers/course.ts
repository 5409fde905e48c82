import type { AbsenceCoursePoint, OwnSickCase } from './operations';

/** `YYYY-MM-DD` plus `days` calendar days (UTC arithmetic, so no daylight-saving surprises). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export interface CoursePeriod {
  from: string;
  /** Last day (inclusive); null while the period runs on. */
  to: string | null;
  absencePercentage: number;
}

type CourseCase = Pick<OwnSickCase, 'firstSickDay' | 'absencePercentage' | 'recoveredOn'> & {
  absenceCourse: readonly AbsenceCoursePoint[];
};

/** The course oldest first; a case without recorded course counts as its percentage from the first sick day. */
export function coursePoints(sickCase: CourseCase): AbsenceCoursePoint[] {
  const points = [...sickCase.absenceCourse].sort((a, b) => a.from.localeCompare(b.from));
  if (points.length > 0) return points;
  return [{ from: sickCase.firstSickDay, absencePercentage: sickCase.absencePercentage || 100 }];
}

/**
 * The periods of absence: each course point holds until the day before the next one, the last one
 * until the day before recovery (the recovery day is the first day fit for work), or open-ended.
 * Periods at 0% (the recovery point itself) are left out.
 */
export function coursePeriods(sickCase: CourseCase): CoursePeriod[] {
  const points = coursePoints(sickCase);
  const periods: CoursePeriod[] = [];
  points.forEach((point, index) => {
    const next = points[index + 1];
    let to: string | null = next ? addDays(next.from, -1) : null;
    if (sickCase.recoveredOn) {
      const lastAbsent = addDays(sickCase.recoveredOn, -1);
      if (point.from > lastAbsent) return;
      if (to === null || to > lastAbsent) to = lastAbsent;
    }
    if (point.absencePercentage > 0 && (to === null || to >= point.from))
      periods.push({ from: point.from, to, absencePercentage: point.absencePercentage });
  });
  return periods;
}
