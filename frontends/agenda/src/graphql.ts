import { gql, type TypedDocumentNode } from '@apollo/client';

export interface AgendaAppointment {
  id: string;
  startsAt: string;
  endsAt: string;
  professionalName: string;
  professionalRole: string;
  kind: string;
  location: string | null;
  videoUrl: string | null;
  status: string;
  person: { id: string; fullName: string };
}

export interface AppointmentsData {
  appointments: AgendaAppointment[];
}
export interface AppointmentsVariables {
  from: string;
  to: string;
}

export const APPOINTMENTS: TypedDocumentNode<AppointmentsData, AppointmentsVariables> = gql`
  query Appointments($from: DateTime, $to: DateTime) {
    appointments(from: $from, to: $to) {
      id
      startsAt
      endsAt
      professionalName
      professionalRole
      kind
      location
      videoUrl
      status
      person {
        id
        fullName
      }
    }
  }
`;
