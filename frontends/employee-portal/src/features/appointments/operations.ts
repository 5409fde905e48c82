import { gql, type TypedDocumentNode } from '@apollo/client';

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

/** Upcoming appointments first (soonest first); those that ended are "past" (latest first). */
export function splitAppointments(appointments: readonly OwnAppointment[], now: Date = new Date()) {
  const upcoming = appointments
    .filter((a) => Date.parse(a.endsAt) >= now.getTime())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = appointments
    .filter((a) => Date.parse(a.endsAt) < now.getTime())
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, past };
}
