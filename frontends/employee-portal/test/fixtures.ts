import type { DossierDocument, DossierNote, OwnSickCase } from '../src/features/dossiers/operations';
import { DOSSIER, MY_ABSENCE } from '../src/features/dossiers/operations';
import { MY_PENDING_SIGNATURES, type PendingSignature } from '../src/features/signing/operations';

export const cases: OwnSickCase[] = [
  {
    id: 'c-old',
    firstSickDay: '2025-02-03',
    status: 'RECOVERED',
    absencePercentage: 0,
    recoveredOn: '2025-02-14',
    waitingPeriodEndsOn: '2027-02-01',
    absenceCourse: [],
  },
  {
    id: 'c-now',
    firstSickDay: '2026-01-05',
    status: 'OPEN',
    absencePercentage: 50,
    recoveredOn: null,
    waitingPeriodEndsOn: '2028-01-03',
    absenceCourse: [
      { from: '2026-01-05', absencePercentage: 100 },
      { from: '2026-02-02', absencePercentage: 50 },
    ],
  },
];

const typedCase = (c: OwnSickCase) => ({
  __typename: 'SickCase',
  ...c,
  absenceCourse: c.absenceCourse.map((p) => ({ __typename: 'AbsenceCoursePoint', ...p })),
});

export const absenceMock = {
  request: { query: MY_ABSENCE },
  result: {
    data: {
      me: { __typename: 'Person', id: 'p1', fullName: 'Sanne de Vries', sickCases: cases.map(typedCase) },
    },
  },
  maxUsageCount: 10,
};

export const documentOf = (
  id: string,
  overrides: Partial<DossierDocument> = {},
): DossierDocument & { __typename: string } => ({
  __typename: 'DossierDocument',
  id,
  title: 'Probleemanalyse',
  description: null,
  category: 'PROBLEM_ANALYSIS',
  source: 'OCCUPATIONAL_HEALTH',
  uploadedByName: 'Ruben Visser',
  fileName: 'probleemanalyse.pdf',
  mimeType: 'application/pdf',
  sizeBytes: 48_213,
  createdAt: '2026-02-20T10:00:00.000Z',
  visibleToEmployer: true,
  contentPath: `/files/documents/${id}`,
  signatureRequest: null,
  ...overrides,
});

export const note: DossierNote & { __typename: string } = {
  __typename: 'DossierNote',
  id: 'n1',
  authorName: 'Ruben Visser',
  authorRole: 'CASE_MANAGER',
  text: 'Gesprek gehad over opbouw van uren.',
  createdAt: '2026-02-21T09:00:00.000Z',
  medical: false,
};

export function dossierMock(
  documents = [
    documentOf('d-pa'),
    documentOf('d-inv', {
      title: 'Uitnodiging spreekuur',
      category: 'INVITATION',
      fileName: 'uitnodiging.png',
      mimeType: 'image/png',
    }),
  ],
) {
  const c = cases[1]!;
  return {
    request: { query: DOSSIER, variables: { id: 'c-now' } },
    result: { data: { sickCase: { ...typedCase(c), expectedRecoveryDate: null, documents, notes: [note] } } },
    maxUsageCount: 10,
  };
}

export const pendingRequest = (id: string, title: string): PendingSignature & { __typename: string } => ({
  __typename: 'SignatureRequest',
  id,
  status: 'PENDING',
  requestedAt: '2026-02-22T09:00:00.000Z',
  requestedByName: 'Karin de Boer',
  document: {
    ...documentOf(`doc-${id}`, {
      title,
      category: 'PLAN_OF_ACTION',
      signatureRequest: { id, status: 'PENDING' },
    }),
    signatureRequest: { __typename: 'SignatureRequest', id, status: 'PENDING' } as never,
    sickCase: { __typename: 'SickCase', id: 'c-now', firstSickDay: '2026-01-05' } as never,
  },
});

export function pendingMock(requests: ReturnType<typeof pendingRequest>[]) {
  return { request: { query: MY_PENDING_SIGNATURES }, result: { data: { myPendingSignatures: requests } } };
}
