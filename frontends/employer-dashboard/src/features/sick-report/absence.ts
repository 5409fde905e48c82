import { daysBetween } from '@poortwachter/ui';
import type { AbsenceCase } from './operations';

/** One stretch of a sick case with a single absence percentage; `to` is exclusive. */
export interface AbsenceSegment {
  caseId: string;
  from: string;
  to: string;
  absencePercentage: number;
  ongoing: boolean;
}

/** The open case of a person (the one that started last), if any. */
export function openSickCase<C extends Pick<AbsenceCase, 'status' | 'firstSickDay'>>(
  cases: readonly C[],
): C | null {
  return (
    [...cases]
      .filter((c) => c.status === 'OPEN')
      .sort((a, b) => b.firstSickDay.localeCompare(a.firstSickDay))[0] ?? null
  );
}

/** Calendar days of a case: up to the recovery day, or including today while it is open. */
export function caseDuration(
  sickCase: Pick<AbsenceCase, 'firstSickDay' | 'recoveredOn'>,
  today: string,
): number {
  return sickCase.recoveredOn
    ? daysBetween(sickCase.firstSickDay, sickCase.recoveredOn)
    : daysBetween(sickCase.firstSickDay, today) + 1;
}

function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + 1));
  return date.toISOString().slice(0, 10);
}

/**
 * The absence course of every case as segments, oldest first. A course that is empty (older data)
 * falls back to the case's own percentage from the first sick day.
 */
export function absenceSegments(cases: readonly AbsenceCase[], today: string): AbsenceSegment[] {
  const segments: AbsenceSegment[] = [];
  for (const sickCase of [...cases].sort((a, b) => a.firstSickDay.localeCompare(b.firstSickDay))) {
    const end = sickCase.recoveredOn ?? nextDay(today);
    const points = sickCase.absenceCourse.length
      ? [...sickCase.absenceCourse].sort((a, b) => a.from.localeCompare(b.from))
      : [{ from: sickCase.firstSickDay, absencePercentage: sickCase.absencePercentage }];
    points.forEach((point, index) => {
      const to = points[index + 1]?.from ?? end;
      if (point.absencePercentage > 0 && point.from < to) {
        segments.push({
          caseId: sickCase.id,
          from: point.from,
          to,
          absencePercentage: point.absencePercentage,
          ongoing: !sickCase.recoveredOn && to === end,
        });
      }
    });
  }
  return segments;
}
