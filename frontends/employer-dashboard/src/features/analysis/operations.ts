import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DurationClass } from '@poortwachter/ui';

export interface OpenAbsenceData {
  openAbsenceByDurationClass: { durationClass: DurationClass; label: string; count: number; share: number }[];
}

export const OPEN_ABSENCE_BY_DURATION_CLASS: TypedDocumentNode<OpenAbsenceData, Record<string, never>> = gql`
  query OpenAbsenceByDurationClass {
    openAbsenceByDurationClass {
      durationClass
      label
      count
      share
    }
  }
`;
