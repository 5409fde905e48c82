import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

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

export const DOCUMENT_SOURCES = ['EMPLOYEE', 'EMPLOYER', 'OCCUPATIONAL_HEALTH', 'UWV'] as const;
export type DocumentSource = (typeof DOCUMENT_SOURCES)[number];

/**
 * A document in a sick case's dossier. Only metadata lives here; the bytes live in the document
 * storage under `storageKey`, a random UUID that says nothing about the person or the file.
 */
@Entity({ name: 'document' })
export class DocumentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'sick_case_id' })
  sickCaseId: string;

  /** Copied from the sick case: the access log names the person without a join. */
  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text')
  category: DocumentCategory;

  @Column('text')
  source: DocumentSource;

  /** The user (or API client) who added the document; null for seeded and historical documents. */
  @Column('text', { name: 'uploaded_by_user_id', nullable: true })
  uploadedByUserId: string | null;

  @Column('text', { name: 'uploaded_by_name', nullable: true })
  uploadedByName: string | null;

  @Column('text', { name: 'file_name' })
  fileName: string;

  /** As sniffed from the content at upload, never as the client claimed. */
  @Column('text', { name: 'mime_type' })
  mimeType: string;

  @Column('integer', { name: 'size_bytes' })
  sizeBytes: number;

  /** Hex SHA-256 of the stored bytes: the signed copy states it, and integrity can be checked. */
  @Column('text')
  sha256: string;

  @Column('uuid', { name: 'storage_key' })
  storageKey: string;

  @Column('boolean', { name: 'shared_with_employee' })
  sharedWithEmployee: boolean;

  @Column('boolean', { name: 'visible_to_employer' })
  visibleToEmployer: boolean;

  /** The activity (activities subgraph) the document was imported for, e.g. "14. WG – Importeren document". */
  @Column('uuid', { name: 'activity_id', nullable: true })
  activityId: string | null;

  /** The report template a generated document was made from; null for uploads. */
  @Column('text', { nullable: true })
  template: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const SIGNATURE_STATUSES = ['PENDING', 'SIGNED', 'DECLINED'] as const;
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];

/** A request to the employee to sign one PDF document of their dossier. */
@Entity({ name: 'signature_request' })
export class SignatureRequestEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'document_id' })
  documentId: string;

  @Column('text')
  status: SignatureStatus;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt: Date;

  @Column('text', { name: 'requested_by_user_id', nullable: true })
  requestedByUserId: string | null;

  @Column('text', { name: 'requested_by_name', nullable: true })
  requestedByName: string | null;

  @Column('timestamptz', { name: 'signed_at', nullable: true })
  signedAt: Date | null;

  @Column('timestamptz', { name: 'declined_at', nullable: true })
  declinedAt: Date | null;

  @Column('text', { name: 'decline_reason', nullable: true })
  declineReason: string | null;

  @Column('uuid', { name: 'signed_document_id', nullable: true })
  signedDocumentId: string | null;

  /** The hash of the document as it was sent for signing; the signed copy prints it. */
  @Column('text', { name: 'original_sha256' })
  originalSha256: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A note in a sick case's dossier, by the employer or a professional of the arbodienst. */
@Entity({ name: 'note' })
export class NoteEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'sick_case_id' })
  sickCaseId: string;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('text', { name: 'author_user_id', nullable: true })
  authorUserId: string | null;

  @Column('text', { name: 'author_name' })
  authorName: string;

  /** The author's role when writing (EMPLOYER, OCCUPATIONAL_PHYSICIAN, CASE_MANAGER, ...). */
  @Column('text', { name: 'author_role' })
  authorRole: string;

  @Column('text')
  text: string;

  /** Medical notes (bedrijfsarts only) form a separate access domain: never shown to employers. */
  @Column('boolean')
  medical: boolean;

  @Column('boolean', { name: 'shared_with_employee' })
  sharedWithEmployee: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export const PERSON_FIELDS = [
  'FIRST_NAME',
  'LAST_NAME',
  'INITIALS',
  'DATE_OF_BIRTH',
  'ADDRESS',
  'PERSONNEL_NUMBER',
  'EMPLOYMENT',
  'OTHER',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export const CORRECTION_STATUSES = ['OPEN', 'RESOLVED', 'REJECTED'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

/** An employee's request to correct personal data they may not change themselves. */
@Entity({ name: 'correction_request' })
export class CorrectionRequestEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('text')
  field: PersonField;

  /** The value as stored when the request was made, so the reviewer sees what the employee saw. */
  @Column('text', { name: 'current_value', nullable: true })
  currentValue: string | null;

  @Column('text', { name: 'proposed_value' })
  proposedValue: string;

  @Column('text', { nullable: true })
  explanation: string | null;

  @Column('text')
  status: CorrectionStatus;

  @Column('text', { name: 'requested_by_user_id', nullable: true })
  requestedByUserId: string | null;

  /** The reviewer's answer to the employee (why it was rejected, or what was changed). */
  @Column('text', { nullable: true })
  response: string | null;

  /** When the request was resolved or rejected; null while open. */
  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Column('text', { name: 'resolved_by_user_id', nullable: true })
  resolvedByUserId: string | null;

  @Column('text', { name: 'resolved_by_name', nullable: true })
  resolvedByName: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * Dossier's read model of identity's users (from `user.changed`): the name an author is shown by.
 * No e-mail, no scope: authorization comes from the gateway-signed identity, never from here.
 */
@Entity({ name: 'user_directory' })
export class UserDirectoryEntity {
  @PrimaryColumn('text', { name: 'user_id' })
  userId: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text')
  role: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
