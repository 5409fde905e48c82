import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ViewerRole } from '../../shared/viewer';
import type { FieldError, FieldErrors } from '../../shared/validation';

export const DOCUMENT_CATEGORIES = [
  'PROBLEM_ANALYSIS',
  'PLAN_OF_ACTION',
  'EVALUATION',
  'UWV_OTHER',
  'INVITATION',
  'CORRESPONDENCE',
  'MEDICAL_INFO',
  'OTHER',
  'SIGNED',
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];
export type SignatureStatus = 'PENDING' | 'SIGNED' | 'DECLINED';

export interface SignatureRequestSummary {
  id: string;
  status: SignatureStatus;
  requestedAt: string;
  requestedByName: string | null;
  signedAt: string | null;
  declinedAt: string | null;
  declineReason: string | null;
}

export interface DossierDocument {
  id: string;
  title: string;
  description: string | null;
  category: DocumentCategory;
  source: 'EMPLOYEE' | 'EMPLOYER' | 'OCCUPATIONAL_HEALTH' | 'UWV';
  uploadedByName: string | null;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: string;
  sharedWithEmployee: boolean;
  visibleToEmployer: boolean;
  contentPath: string;
  signatureRequest: SignatureRequestSummary | null;
}

export interface DossierNote {
  id: string;
  authorName: string;
  authorRole: string;
  text: string;
  createdAt: string;
  medical: boolean;
  sharedWithEmployee: boolean;
  writtenByMe: boolean;
}

export interface CaseDossier {
  id: string;
  documents: DossierDocument[];
  notes: DossierNote[];
}

const SIGNATURE_REQUEST_FIELDS = gql`
  fragment SignatureRequestSummaryFields on SignatureRequest {
    id
    status
    requestedAt
    requestedByName
    signedAt
    declinedAt
    declineReason
  }
`;

export const DOSSIER_DOCUMENT_FIELDS = gql`
  fragment DossierDocumentFields on DossierDocument {
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
    sharedWithEmployee
    visibleToEmployer
    contentPath
    signatureRequest {
      ...SignatureRequestSummaryFields
    }
  }
  ${SIGNATURE_REQUEST_FIELDS}
`;

const NOTE_FIELDS = gql`
  fragment DossierNoteFields on DossierNote {
    id
    authorName
    authorRole
    text
    createdAt
    medical
    sharedWithEmployee
    writtenByMe
  }
`;

export const CASE_DOSSIER: TypedDocumentNode<{ sickCase: CaseDossier | null }, { id: string }> = gql`
  query CaseDossier($id: ID!) {
    sickCase(id: $id) {
      id
      documents {
        ...DossierDocumentFields
      }
      notes {
        ...DossierNoteFields
      }
    }
  }
  ${DOSSIER_DOCUMENT_FIELDS}
  ${NOTE_FIELDS}
`;

export const REQUEST_SIGNATURE: TypedDocumentNode<
  { requestSignature: SignatureRequestSummary & { document: { id: string; sharedWithEmployee: boolean } } },
  { input: { documentId: string } }
> = gql`
  mutation RequestSignature($input: RequestSignatureInput!) {
    requestSignature(input: $input) {
      ...SignatureRequestSummaryFields
      document {
        id
        sharedWithEmployee
      }
    }
  }
  ${SIGNATURE_REQUEST_FIELDS}
`;

export const ADD_NOTE: TypedDocumentNode<
  { addNote: DossierNote },
  { input: { sickCaseId: string; text: string; medical: boolean; sharedWithEmployee: boolean } }
> = gql`
  mutation AddDossierNote($input: AddNoteInput!) {
    addNote(input: $input) {
      ...DossierNoteFields
    }
  }
  ${NOTE_FIELDS}
`;

export const SHARE_NOTE: TypedDocumentNode<
  { shareNote: { id: string; sharedWithEmployee: boolean } },
  { noteId: string; shared: boolean }
> = gql`
  mutation ShareDossierNote($noteId: ID!, $shared: Boolean!) {
    shareNote(noteId: $noteId, shared: $shared) {
      id
      sharedWithEmployee
    }
  }
`;

/** Only the bedrijfsarts records medical content (DESIGN.md, privacy); nobody else is even offered it. */
export const canWriteMedical = (role: ViewerRole | null): boolean => role === 'OCCUPATIONAL_PHYSICIAN';

/** The categories a role may choose for an upload: never SIGNED (the portal makes those), MEDICAL_INFO only for the bedrijfsarts. */
export function uploadCategories(role: ViewerRole | null): DocumentCategory[] {
  return DOCUMENT_CATEGORIES.filter(
    (category) => category !== 'SIGNED' && (category !== 'MEDICAL_INFO' || canWriteMedical(role)),
  );
}

/** A PDF that is not itself a signed copy and has no live request can be offered for signing. */
export function canOfferForSigning(
  document: Pick<DossierDocument, 'mimeType' | 'category' | 'signatureRequest'>,
): boolean {
  return (
    document.mimeType === 'application/pdf' &&
    document.category !== 'SIGNED' &&
    (document.signatureRequest === null || document.signatureRequest.status === 'DECLINED')
  );
}

/** Previewable in the browser itself; other types (Word, HEIC) are downloaded. */
export function previewKind(mimeType: string): 'pdf' | 'image' | null {
  if (mimeType === 'application/pdf') return 'pdf';
  if (mimeType === 'image/png' || mimeType === 'image/jpeg') return 'image';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Upload

/** As the server's default UPLOAD_MAX_BYTES; the server decides, this only spares a long wait. */
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
export const UPLOAD_MAX_MB = UPLOAD_MAX_BYTES / 1024 / 1024;
export const DESCRIPTION_MAX = 1000;
export const TITLE_MAX = 200;
export const NOTE_MAX = 5000;

export interface UploadValues {
  file: File | null;
  title: string;
  description: string;
  category: DocumentCategory;
  sharedWithEmployee: boolean;
}
export type UploadField = 'file' | 'title' | 'description' | 'category';

const tooLong = (value: string, max: number): FieldError | undefined =>
  [...value.trim()].length > max ? { key: 'validation.tooLong', values: { max } } : undefined;

export function validateUpload(values: UploadValues, maxBytes = UPLOAD_MAX_BYTES): FieldErrors<UploadField> {
  const errors: FieldErrors<UploadField> = {};
  if (!values.file || values.file.size === 0) errors.file = { key: 'validation.fileRequired' };
  else if (values.file.size > maxBytes)
    errors.file = { key: 'validation.fileTooLarge', values: { maxMb: Math.round(maxBytes / 1024 / 1024) } };
  if (values.description.trim() === '') errors.description = { key: 'validation.descriptionRequired' };
  else errors.description = tooLong(values.description, DESCRIPTION_MAX);
  errors.title = tooLong(values.title, TITLE_MAX);
  return Object.fromEntries(
    Object.entries(errors).filter(([, error]) => error !== undefined),
  ) as FieldErrors<UploadField>;
}

/** The multipart body of POST /files/sick-cases/:id/documents. */
export function uploadForm(values: UploadValues, role: ViewerRole | null): FormData {
  const form = new FormData();
  form.set('description', values.description.trim());
  if (values.title.trim()) form.set('title', values.title.trim());
  const category = uploadCategories(role).includes(values.category) ? values.category : 'OTHER';
  form.set('category', category);
  form.set('sharedWithEmployee', String(values.sharedWithEmployee));
  // The file goes last: the server reads the fields first, before the bytes stream in.
  if (values.file) form.set('file', values.file, values.file.name);
  return form;
}

export const uploadPath = (sickCaseId: string) =>
  `/files/sick-cases/${encodeURIComponent(sickCaseId)}/documents`;

/** "1,2 MB", "340 kB" in the user's locale. */
export function formatSize(bytes: number, locale: string): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  if (bytes >= 1024 * 1024) return format(bytes / 1024 / 1024, 'MB');
  if (bytes >= 1024) return format(bytes / 1024, 'kB');
  return format(bytes, 'B');
}
