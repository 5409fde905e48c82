import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

/*
 * GraphQL types of the dossier's documents, notes, signing and the employee's own details. The
 * resolvers return the TypeORM entities; derived fields are field resolvers.
 */

export const DocumentCategory = {
  PROBLEM_ANALYSIS: 'PROBLEM_ANALYSIS',
  PLAN_OF_ACTION: 'PLAN_OF_ACTION',
  EVALUATION: 'EVALUATION',
  UWV_OTHER: 'UWV_OTHER',
  INVITATION: 'INVITATION',
  CORRESPONDENCE: 'CORRESPONDENCE',
  MEDICAL_INFO: 'MEDICAL_INFO',
  OTHER: 'OTHER',
  SIGNED: 'SIGNED',
} as const;
registerEnumType(DocumentCategory, {
  name: 'DocumentCategory',
  description: 'What kind of document it is; the first four are the "UWV documenten" of the employee portal.',
  valuesConfig: {
    PROBLEM_ANALYSIS: { description: 'Probleemanalyse (week 6) by the bedrijfsarts.' },
    PLAN_OF_ACTION: { description: 'Plan van aanpak (week 8) agreed by employer and employee.' },
    EVALUATION: { description: 'Evaluation of the plan of action (including the first-year and final evaluation).' },
    UWV_OTHER: { description: 'Another Poortwachter document for the UWV (e.g. 42nd-week report, reintegration report).' },
    INVITATION: { description: 'An invitation for a consultation (spreekuur) or meeting.' },
    CORRESPONDENCE: { description: 'Letters and other correspondence.' },
    MEDICAL_INFO: { description: 'Medical information: only the bedrijfsarts (and the employee, when shared) ever sees it.' },
    OTHER: { description: 'Anything else, e.g. what the employee uploads.' },
    SIGNED: { description: 'A copy signed by the employee in the portal.' },
  },
});

export const DocumentSource = { EMPLOYEE: 'EMPLOYEE', EMPLOYER: 'EMPLOYER', OCCUPATIONAL_HEALTH: 'OCCUPATIONAL_HEALTH', UWV: 'UWV' } as const;
registerEnumType(DocumentSource, {
  name: 'DocumentSource',
  description: 'Who added the document to the dossier.',
  valuesConfig: {
    EMPLOYEE: { description: 'The employee (an upload, or a signed copy).' },
    EMPLOYER: { description: 'The employer.' },
    OCCUPATIONAL_HEALTH: { description: 'The arbodienst (bedrijfsarts, casemanager, planner).' },
    UWV: { description: 'The UWV.' },
  },
});

export const SignatureStatus = { PENDING: 'PENDING', SIGNED: 'SIGNED', DECLINED: 'DECLINED' } as const;
registerEnumType(SignatureStatus, {
  name: 'SignatureStatus',
  description: 'Where a signature request stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the employee.' },
    SIGNED: { description: 'Signed; the signed copy is in the dossier.' },
    DECLINED: { description: 'The employee declined to sign, with a reason.' },
  },
});

export const PersonField = {
  FIRST_NAME: 'FIRST_NAME',
  LAST_NAME: 'LAST_NAME',
  INITIALS: 'INITIALS',
  DATE_OF_BIRTH: 'DATE_OF_BIRTH',
  ADDRESS: 'ADDRESS',
  PERSONNEL_NUMBER: 'PERSONNEL_NUMBER',
  EMPLOYMENT: 'EMPLOYMENT',
  OTHER: 'OTHER',
} as const;
registerEnumType(PersonField, {
  name: 'PersonField',
  description: 'A personal detail the employee cannot change themselves.',
  valuesConfig: {
    FIRST_NAME: { description: 'The first name (`Person.firstName`).' },
    LAST_NAME: { description: 'The last name including any prefix (`Person.lastName`).' },
    INITIALS: { description: 'The initials (`Person.initials`).' },
    DATE_OF_BIRTH: { description: 'The date of birth (`Person.dateOfBirth`).' },
    ADDRESS: { description: 'The home address (`Person.address`): street, house number, postal code and place.' },
    PERSONNEL_NUMBER: { description: 'The employer’s personnel number (`Person.personnelNumber`).' },
    EMPLOYMENT: { description: 'The current employment: job title, contract hours or start date.' },
    OTHER: { description: 'Any other detail; the explanation says which. `currentValue` is then null.' },
  },
});

export const CorrectionStatus = { OPEN: 'OPEN', RESOLVED: 'RESOLVED', REJECTED: 'REJECTED' } as const;
registerEnumType(CorrectionStatus, {
  name: 'CorrectionStatus',
  description: 'Where a correction request stands.',
  valuesConfig: {
    OPEN: { description: 'Not handled yet.' },
    RESOLVED: { description: 'The details were corrected.' },
    REJECTED: { description: 'The employer or arbodienst kept the details as they were.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType('DossierDocument', {
  description:
    'A document in a sick case’s dossier. The bytes are fetched separately from `contentPath` on the gateway origin, ' +
    'with the same Authorization header as the GraphQL request.',
})
export class DossierDocument {
  @Field(() => ID, { description: 'The document’s id.' })
  id: string;

  @Field(() => String, { description: 'Title shown in document lists.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'What the document is about, as given when it was added.' })
  description: string | null;

  @Field(() => DocumentCategory, { description: 'The kind of document.' })
  category: string;

  @Field(() => DocumentSource, { description: 'Who added it.' })
  source: string;

  @Field(() => String, { nullable: true, description: 'Name of who added it: the employee’s or the professional’s name (the role for partner software).' })
  uploadedByName: string | null;

  @Field(() => String, { description: 'File name for downloading (the name as uploaded, cleaned).' })
  fileName: string;

  @Field(() => String, { description: 'Content type as detected from the content at upload (not as the client claimed).' })
  mimeType: string;

  @Field(() => Int, { description: 'Size of the content in bytes.' })
  sizeBytes: number;

  @Field(() => DateTimeResolver, { description: 'When the document was added to the dossier.' })
  createdAt: Date;

  @Field(() => Boolean, { description: 'Whether the employee sees the document in the employee portal.' })
  sharedWithEmployee: boolean;

  @Field(() => Boolean, { description: 'Whether the employer sees the document. Never true for medical information.' })
  visibleToEmployer: boolean;
}

@ObjectType('SignatureRequest', { description: 'A request to the employee to sign a PDF document of their dossier.' })
export class SignatureRequest {
  @Field(() => ID, { description: 'The request’s id (signDocument and declineSignature take it).' })
  id: string;

  @Field(() => SignatureStatus, { description: 'Pending, signed or declined.' })
  status: string;

  @Field(() => DateTimeResolver, { description: 'When the signature was requested.' })
  requestedAt: Date;

  @Field(() => String, { nullable: true, description: 'Who asked for the signature: the professional’s name.' })
  requestedByName: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the employee signed.' })
  signedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the employee declined.' })
  declinedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the employee declined.' })
  declineReason: string | null;

  @Field(() => String, { description: 'Hex SHA-256 of the document as sent for signing; the signed copy prints it.' })
  originalSha256: string;
}

@ObjectType('DossierNote', { description: 'A note in a sick case’s dossier by the employer or the arbodienst.' })
export class DossierNote {
  @Field(() => ID, { description: 'The note’s id.' })
  id: string;

  @Field(() => String, { description: 'Who wrote it: the professional’s name (the role for partner software).' })
  authorName: string;

  @Field(() => String, { description: 'The author’s role when writing, e.g. EMPLOYER, OCCUPATIONAL_PHYSICIAN, CASE_MANAGER.' })
  authorRole: string;

  @Field(() => String, { description: 'The note itself.' })
  text: string;

  @Field(() => DateTimeResolver, { description: 'When the note was written.' })
  createdAt: Date;

  @Field(() => Boolean, { description: 'A medical note of the bedrijfsarts: never visible to the employer or the casemanager.' })
  medical: boolean;

  @Field(() => Boolean, { description: 'Whether the employee sees the note (the author decides).' })
  sharedWithEmployee: boolean;
}

@ObjectType('CorrectionRequest', { description: 'An employee’s request to correct a personal detail they cannot change themselves.' })
export class CorrectionRequest {
  @Field(() => ID, { description: 'The request’s id.' })
  id: string;

  @Field(() => PersonField, { description: 'Which detail should be corrected.' })
  field: string;

  @Field(() => String, { nullable: true, description: 'The value stored when the request was made.' })
  currentValue: string | null;

  @Field(() => String, { description: 'The value the employee says is correct.' })
  proposedValue: string;

  @Field(() => String, { nullable: true, description: 'The employee’s explanation.' })
  explanation: string | null;

  @Field(() => CorrectionStatus, { description: 'Open, resolved or rejected.' })
  status: string;

  @Field(() => DateTimeResolver, { description: 'When the request was made.' })
  createdAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The answer of the employer or arbodienst when they handled the request (always given for a rejection).',
  })
  response: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the request was resolved or rejected; null while open.' })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who handled the request: the reviewer’s name.' })
  resolvedByName: string | null;
}

export const CorrectionDecision = { RESOLVED: 'RESOLVED', REJECTED: 'REJECTED' } as const;
registerEnumType(CorrectionDecision, {
  name: 'CorrectionDecision',
  description: 'How a reviewer closes a correction request.',
  valuesConfig: {
    RESOLVED: { description: 'The details were (or will be) corrected as the employee asked.' },
    REJECTED: { description: 'The details stay as they are; the response says why.' },
  },
});

@InputType('ResolveCorrectionRequestInput', { description: 'Closes an open correction request with an answer for the employee.' })
export class ResolveCorrectionRequestInput {
  @Field(() => ID, { description: 'An open request of a person in your scope (CORRECTION_REQUEST_NOT_FOUND otherwise).' })
  correctionRequestId: string;

  @Field(() => CorrectionDecision, { description: 'RESOLVED or REJECTED.' })
  status: string;

  @Field(() => String, {
    nullable: true,
    description: 'The answer the employee reads, at most 2000 characters (TEXT_TOO_LONG); required to reject (CORRECTION_RESPONSE_REQUIRED).',
  })
  response?: string | null;
}

@InputType('SignDocumentInput', { description: 'The employee’s drawn signature for a pending request.' })
export class SignDocumentInput {
  @Field(() => ID, { description: 'The pending request (SIGNATURE_REQUEST_UNKNOWN when not yours; SIGNATURE_ALREADY_COMPLETED when handled).' })
  signatureRequestId: string;

  @Field(() => String, {
    description: 'The drawn signature as `data:image/png;base64,...` (SIGNATURE_EMPTY when blank, SIGNATURE_INVALID_IMAGE when not a PNG).',
  })
  signaturePng: string;
}

@InputType('DeclineSignatureInput', { description: 'Declining to sign, with the reason.' })
export class DeclineSignatureInput {
  @Field(() => ID, { description: 'The pending request.' })
  signatureRequestId: string;

  @Field(() => String, { description: 'Why the employee does not sign; required (SIGNATURE_DECLINE_REASON_REQUIRED), at most 1000 characters.' })
  reason: string;
}

@InputType('RequestSignatureInput', { description: 'Asks the employee to sign a PDF document of their dossier.' })
export class RequestSignatureInput {
  @Field(() => ID, { description: 'A PDF document in your scope (DOCUMENT_NOT_FOUND; SIGNATURE_REQUIRES_PDF for other types).' })
  documentId: string;
}

@InputType('AddNoteInput', { description: 'A new note in a sick case’s dossier. Employers: never enter medical information.' })
export class AddNoteInput {
  @Field(() => ID, { description: 'The sick case (SICK_CASE_NOT_FOUND when outside your scope).' })
  sickCaseId: string;

  @Field(() => String, { description: 'The note, at most 5000 characters (NOTE_TEXT_REQUIRED, TEXT_TOO_LONG).' })
  text: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'A medical note; only the bedrijfsarts (MEDICAL_NOTE_NOT_ALLOWED).' })
  medical?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Show the note to the employee in the employee portal.' })
  sharedWithEmployee?: boolean | null;
}

@InputType('UpdateMyContactDetailsInput', { description: 'The employee’s own e-mail address and phone number. Omitted: unchanged; null or empty: cleared.' })
export class UpdateMyContactDetailsInput {
  @Field(() => String, { nullable: true, description: 'E-mail address (INVALID_EMAIL).' })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Phone number, Dutch or with country code; stored in international form, e.g. +31612345678 (INVALID_PHONE_NUMBER).',
  })
  phone?: string | null;
}

@InputType('RequestPersonCorrectionInput', { description: 'A request to correct a personal detail the employee cannot change themselves.' })
export class RequestPersonCorrectionInput {
  @Field(() => PersonField, { description: 'Which detail is wrong.' })
  field: string;

  @Field(() => String, { description: 'The correct value, at most 500 characters (CORRECTION_VALUE_REQUIRED, TEXT_TOO_LONG).' })
  proposedValue: string;

  @Field(() => String, { nullable: true, description: 'An explanation for the reviewer, at most 2000 characters.' })
  explanation?: string | null;
}
