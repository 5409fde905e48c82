import { gql, type TypedDocumentNode } from '@apollo/client';

export type SickCaseStatus = 'OPEN' | 'RECOVERED';

export interface AbsenceCoursePoint {
  from: string;
  absencePercentage: number;
}

export interface OwnSickCase {
  id: string;
  firstSickDay: string;
  status: SickCaseStatus;
  absencePercentage: number;
  recoveredOn: string | null;
  waitingPeriodEndsOn: string;
  absenceCourse: AbsenceCoursePoint[];
}

export interface MyAbsenceData {
  me: { id: string; fullName: string; sickCases: OwnSickCase[] } | null;
}

export const MY_ABSENCE: TypedDocumentNode<MyAbsenceData, Record<string, never>> = gql`
  query MyAbsence {
    me {
      id
      fullName
      sickCases {
        id
        firstSickDay
        status
        absencePercentage
        recoveredOn
        waitingPeriodEndsOn
        absenceCourse {
          from
          absencePercentage
        }
      }
    }
  }
`;

export interface OwnAppointment {
  id: string;
  startsAt: string;
  endsAt: string;
  professionalName: string;
  professionalRole: string;
  kind: string;
  location: string | null;
  videoUrl: string | null;
  status: string;
}

export interface MyAppointmentsData {
  myAppointments: OwnAppointment[];
}

// A separate operation from MY_ABSENCE: when the agenda subgraph is down, the dossier part still shows.
export const MY_APPOINTMENTS: TypedDocumentNode<MyAppointmentsData, Record<string, never>> = gql`
  query MyAppointments {
    myAppointments {
      id
      startsAt
      endsAt
      professionalName
      professionalRole
      kind
      location
      videoUrl
      status
    }
  }
`;

/** The file shown as "Actueel dossier": the open case that started last. */
export function currentCase(cases: readonly OwnSickCase[]): OwnSickCase | null {
  return (
    cases
      .filter((c) => c.status === 'OPEN')
      .sort((a, b) => b.firstSickDay.localeCompare(a.firstSickDay))[0] ?? null
  );
}

/** Upcoming appointments first (soonest first); those that ended are "past" (latest first). */
export function splitAppointments(appointments: readonly OwnAppointment[], now: Date = new Date()) {
  const upcoming = appointments.filter((a) => Date.parse(a.endsAt) >= now.getTime()).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = appointments.filter((a) => Date.parse(a.endsAt) < now.getTime()).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, past };
}
