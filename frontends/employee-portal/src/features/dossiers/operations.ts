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

/** The employee's own cases: the dashboard, the dossier overview and the year overview share this one query. */
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

export type DocumentCategory =
  | 'PROBLEM_ANALYSIS'
  | 'PLAN_OF_ACTION'
  | 'EVALUATION'
  | 'UWV_OTHER'
  | 'INVITATION'
  | 'CORRESPONDENCE'
  | 'MEDICAL_INFO'
  | 'OTHER'
  | 'SIGNED';
export type DocumentSource = 'EMPLOYEE' | 'EMPLOYER' | 'OCCUPATIONAL_HEALTH' | 'UWV';
export type SignatureStatus = 'PENDING' | 'SIGNED' | 'DECLINED';

export interface DossierDocument {
  id: string;
  title: string;
  description: string | null;
  category: DocumentCategory;
  source: DocumentSource;
  uploadedByName: string | null;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: string;
  visibleToEmployer: boolean;
  contentPath: string;
  signatureRequest: { id: string; status: SignatureStatus } | null;
}

export interface DossierNote {
  id: string;
  authorName: string;
  authorRole: string;
  text: string;
  createdAt: string;
  medical: boolean;
}

export interface DossierCase extends OwnSickCase {
  expectedRecoveryDate: string | null;
  documents: DossierDocument[];
  notes: DossierNote[];
}

export const DOCUMENT_FIELDS = gql`
  fragment EmployeeDocumentFields on DossierDocument {
    id
    title
    description
    category
    source
    uploadedByName
    fileName
    mimeType
    sizeBytes
    createdAt
    visibleToEmployer
    contentPath
    signatureRequest {
      id
      status
    }
  }
`;

export const DOSSIER: TypedDocumentNode<{ sickCase: DossierCase | null }, { id: string }> = gql`
  query EmployeeDossier($id: ID!) {
    sickCase(id: $id) {
      id
      firstSickDay
      status
      absencePercentage
      expectedRecoveryDate
      recoveredOn
      waitingPeriodEndsOn
      absenceCourse {
        from
        absencePercentage
      }
      documents {
        ...EmployeeDocumentFields
      }
      notes {
        id
        authorName
        authorRole
        text
        createdAt
        medical
      }
    }
  }
  ${DOCUMENT_FIELDS}
`;

export const SET_DOCUMENT_VISIBLE_TO_EMPLOYER: TypedDocumentNode<
  { setDocumentVisibleToEmployer: { id: string; visibleToEmployer: boolean } },
  { documentId: string; visible: boolean }
> = gql`
  mutation SetDocumentVisibleToEmployer($documentId: ID!, $visible: Boolean!) {
    setDocumentVisibleToEmployer(documentId: $documentId, visible: $visible) {
      id
      visibleToEmployer
    }
  }
`;

/** The file shown as "Actueel dossier": the open case that started last. */
export function currentCase<C extends Pick<OwnSickCase, 'status' | 'firstSickDay'>>(
  cases: readonly C[],
): C | null {
  return (
    cases
      .filter((c) => c.status === 'OPEN')
      .sort((a, b) => b.firstSickDay.localeCompare(a.firstSickDay))[0] ?? null
  );
}

/** Open cases first (latest first), then closed ones (latest first): the manual's "(openstaande) dossiers". */
export function splitCases<C extends Pick<OwnSickCase, 'status' | 'firstSickDay'>>(
  cases: readonly C[],
): { open: C[]; closed: C[] } {
  const latestFirst = [...cases].sort((a, b) => b.firstSickDay.localeCompare(a.firstSickDay));
  return {
    open: latestFirst.filter((c) => c.status === 'OPEN'),
    closed: latestFirst.filter((c) => c.status !== 'OPEN'),
  };
}

/** The manual's three groups on the "Documenten en Notities" tab. */
export type DocumentGroup = 'uwv' | 'documents';

const UWV_CATEGORIES: readonly DocumentCategory[] = [
  'PROBLEM_ANALYSIS',
  'PLAN_OF_ACTION',
  'EVALUATION',
  'UWV_OTHER',
];

/** "UWV documenten" are the arbodienst's reports in the reintegration file; everything else is "Documenten". */
export function documentGroup(document: Pick<DossierDocument, 'category'>): DocumentGroup {
  return UWV_CATEGORIES.includes(document.category) ? 'uwv' : 'documents';
}
