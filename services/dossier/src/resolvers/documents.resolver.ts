import type { ServiceDeps, SubgraphContext } from '@poortwachter/kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DocumentEntity, NoteEntity, SickCaseEntity, SignatureRequestEntity } from '../entities/index.js';
import { DossierDocuments, documentNotFound } from '../documents/commands.js';
import { audienceOf, audienceSeesDocument, audienceSeesNote, canSeeDocument } from '../documents/access.js';
import { documentLoaders } from '../documents/loaders.js';
import { pendingSignaturesOf } from '../documents/queries.js';
import {
  AddNoteInput,
  DeclineSignatureInput,
  DossierDocument,
  DossierNote,
  RequestSignatureInput,
  SignDocumentInput,
  SignatureRequest,
} from '../graphql/documents.js';
import { SickCase } from '../graphql/types.js';
import { dossierLoaders } from '../loaders.js';
import { coversSickCase } from '../access.js';
import { isUuid } from '../domain/rules.js';
import type { DocumentStorage } from '../storage/index.js';

/** Where the gateway serves a document's bytes (same origin as /graphql, same bearer token). */
export function contentPathOf(documentId: string): string {
  return `/files/documents/${documentId}`;
}

/** The documents, notes and signature requests of a sick case, each filtered for the caller. */
@Resolver(() => SickCase)
export class SickCaseDossierResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @FieldResolver(() => [DossierDocument], {
    description:
      'Documents of this case you may see, newest first: the employee only what is shared with them; the employer nothing ' +
      'medical and no employee upload unless the employee made it visible; the bedrijfsarts everything.',
  })
  async documents(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): Promise<DocumentEntity[]> {
    if (!coversSickCase(ctx.actor, sickCase)) return [];
    const audience = audienceOf(ctx.actor);
    const documents = (await documentLoaders(ctx, this.deps.dataSource).documentsBySickCase.load(sickCase.id)).filter((document) =>
      audienceSeesDocument(audience, document),
    );
    if (documents.length > 0) ctx.accessLog.read('document', [sickCase.personId]);
    return documents;
  }

  @FieldResolver(() => [DossierNote], {
    description:
      'Notes of this case you may see, newest first: the employee only shared notes; employer and casemanager never medical notes.',
  })
  async notes(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): Promise<NoteEntity[]> {
    if (!coversSickCase(ctx.actor, sickCase)) return [];
    const audience = audienceOf(ctx.actor);
    const notes = (await documentLoaders(ctx, this.deps.dataSource).notesBySickCase.load(sickCase.id)).filter((note) => audienceSeesNote(audience, note));
    if (notes.length > 0) ctx.accessLog.read('note', [sickCase.personId]);
    return notes;
  }

  @FieldResolver(() => [SignatureRequest], { description: 'Signature requests on the documents of this case you may see, newest first.' })
  async signatureRequests(@Root() sickCase: SickCaseEntity, @Ctx() ctx: SubgraphContext): Promise<SignatureRequestEntity[]> {
    const documents = await this.documents(sickCase, ctx);
    if (documents.length === 0) return [];
    const groups = await documentLoaders(ctx, this.deps.dataSource).signatureRequestsByDocument.loadMany(documents.map((document) => document.id));
    return groups
      .flatMap((group) => {
        if (group instanceof Error) throw group;
        return group;
      })
      .sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime() || a.id.localeCompare(b.id));
  }
}

@Resolver(() => DossierDocument)
export class DossierDocumentResolver {
  private readonly documents: DossierDocuments;

  constructor(
    private readonly deps: ServiceDeps,
    storage: DocumentStorage,
  ) {
    this.documents = new DossierDocuments(deps, storage);
  }

  @Query(() => DossierDocument, { nullable: true, description: 'One document; null when it does not exist or you may not see it.' })
  async document(@Arg('id', () => ID, { description: 'The document’s id.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<DocumentEntity | null> {
    const found = await this.documents.visibleDocument(ctx, id);
    if (!found) return null;
    ctx.accessLog.read('document', [found.document.personId]);
    return found.document;
  }

  @Mutation(() => DossierDocument, {
    description:
      'The employee shows (or hides) one of their own uploads to the employer. Codes: DOCUMENT_NOT_FOUND, DOCUMENT_NOT_OWN_UPLOAD.',
  })
  async setDocumentVisibleToEmployer(
    @Arg('documentId', () => ID, { description: 'A document you uploaded yourself.' }) documentId: string,
    @Arg('visible', () => Boolean, { description: 'true: the employer sees it; false: only the arbodienst.' }) visible: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DocumentEntity> {
    return this.documents.setDocumentVisibleToEmployer(ctx, documentId, visible);
  }

  @FieldResolver(() => SickCase, { description: 'The sick case whose dossier holds the document.' })
  async sickCase(@Root() document: DocumentEntity, @Ctx() ctx: SubgraphContext): Promise<SickCaseEntity> {
    // A visible document lies on a case in reach, so the case is visible too.
    return (await dossierLoaders(ctx, this.deps.dataSource).sickCase.load(document.sickCaseId))!;
  }

  @FieldResolver(() => String, {
    description:
      'Path of the content on the gateway origin, e.g. /files/documents/<id>. GET it with the Authorization header; ' +
      'add ?download=1 for an attachment instead of inline.',
  })
  contentPath(@Root() document: DocumentEntity): string {
    return contentPathOf(document.id);
  }

  @FieldResolver(() => SignatureRequest, { nullable: true, description: 'The latest signature request on this document, if it was sent for signing.' })
  async signatureRequest(@Root() document: DocumentEntity, @Ctx() ctx: SubgraphContext): Promise<SignatureRequestEntity | null> {
    const requests = await documentLoaders(ctx, this.deps.dataSource).signatureRequestsByDocument.load(document.id);
    return requests[0] ?? null;
  }
}

@Resolver(() => SignatureRequest)
export class SignatureRequestResolver {
  private readonly documents: DossierDocuments;

  constructor(
    private readonly deps: ServiceDeps,
    storage: DocumentStorage,
  ) {
    this.documents = new DossierDocuments(deps, storage);
  }

  @Query(() => [SignatureRequest], {
    description: 'Employee: the documents waiting for your signature, oldest first (the dashboard badge). Empty for other roles.',
  })
  async myPendingSignatures(@Ctx() ctx: SubgraphContext): Promise<SignatureRequestEntity[]> {
    const identity = ctx.actor.require();
    if (identity.role !== 'EMPLOYEE' || !identity.personId || !isUuid(identity.personId)) return [];
    const requests = await pendingSignaturesOf(this.deps.dataSource, identity.personId);
    if (requests.length > 0) ctx.accessLog.read('signature-request', [identity.personId]);
    return requests;
  }

  @Mutation(() => SignatureRequest, {
    description:
      'Employee: signs a pending request with a drawn signature. The signed PDF (signature, date and time, hash of the original) ' +
      'is added to the dossier and the employer and arbodienst are notified. Codes: SIGNATURE_REQUEST_UNKNOWN, ' +
      'SIGNATURE_ALREADY_COMPLETED, SIGNATURE_EMPTY, SIGNATURE_INVALID_IMAGE.',
  })
  async signDocument(
    @Arg('input', () => SignDocumentInput, { description: 'The request and the drawn signature.' }) input: SignDocumentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SignatureRequestEntity> {
    return this.documents.signDocument(ctx, input.signatureRequestId, input.signaturePng);
  }

  @Mutation(() => SignatureRequest, {
    description: 'Employee: declines a pending request, with a reason. Codes: SIGNATURE_REQUEST_UNKNOWN, SIGNATURE_ALREADY_COMPLETED, SIGNATURE_DECLINE_REASON_REQUIRED.',
  })
  async declineSignature(
    @Arg('input', () => DeclineSignatureInput, { description: 'The request and the reason.' }) input: DeclineSignatureInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SignatureRequestEntity> {
    return this.documents.declineSignature(ctx, input.signatureRequestId, input.reason);
  }

  @Mutation(() => SignatureRequest, {
    description:
      'Employer, bedrijfsarts, casemanager: asks the employee to sign a PDF document in your scope; the document is then shared ' +
      'with the employee. Codes: DOCUMENT_NOT_FOUND, SIGNATURE_REQUIRES_PDF, SIGNATURE_ALREADY_REQUESTED, SIGNATURE_ALREADY_COMPLETED.',
  })
  async requestSignature(
    @Arg('input', () => RequestSignatureInput, { description: 'The document to sign.' }) input: RequestSignatureInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SignatureRequestEntity> {
    return this.documents.requestSignature(ctx, input.documentId);
  }

  @FieldResolver(() => DossierDocument, { description: 'The document to sign.' })
  async document(@Root() request: SignatureRequestEntity, @Ctx() ctx: SubgraphContext): Promise<DocumentEntity> {
    const document = await documentLoaders(ctx, this.deps.dataSource).document.load(request.documentId);
    if (!document) throw documentNotFound(request.documentId);
    return document;
  }

  @FieldResolver(() => DossierDocument, { nullable: true, description: 'The signed copy, once signed (null when you may not see it).' })
  async signedDocument(@Root() request: SignatureRequestEntity, @Ctx() ctx: SubgraphContext): Promise<DocumentEntity | null> {
    if (!request.signedDocumentId) return null;
    const document = await documentLoaders(ctx, this.deps.dataSource).document.load(request.signedDocumentId);
    if (!document) return null;
    const sickCase = await dossierLoaders(ctx, this.deps.dataSource).sickCase.load(document.sickCaseId);
    return canSeeDocument(ctx.actor, document, sickCase) ? document : null;
  }
}

@Resolver(() => DossierNote)
export class DossierNoteResolver {
  private readonly documents: DossierDocuments;

  constructor(
    private readonly deps: ServiceDeps,
    storage: DocumentStorage,
  ) {
    this.documents = new DossierDocuments(deps, storage);
  }

  @Mutation(() => DossierNote, {
    description:
      'Employer or arbodienst: adds a note to a sick case. Only the bedrijfsarts writes medical notes. ' +
      'Codes: SICK_CASE_NOT_FOUND, NOTE_TEXT_REQUIRED, TEXT_TOO_LONG, MEDICAL_NOTE_NOT_ALLOWED.',
  })
  async addNote(@Arg('input', () => AddNoteInput, { description: 'The note.' }) input: AddNoteInput, @Ctx() ctx: SubgraphContext): Promise<NoteEntity> {
    return this.documents.addNote(ctx, {
      sickCaseId: input.sickCaseId,
      text: input.text,
      medical: input.medical ?? false,
      sharedWithEmployee: input.sharedWithEmployee ?? false,
    });
  }

  @Mutation(() => DossierNote, { description: 'The author shares a note with the employee, or stops sharing it. Codes: NOTE_NOT_FOUND, NOTE_NOT_AUTHOR.' })
  async shareNote(
    @Arg('noteId', () => ID, { description: 'A note you wrote.' }) noteId: string,
    @Arg('shared', () => Boolean, { description: 'true: the employee sees it.' }) shared: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<NoteEntity> {
    return this.documents.shareNote(ctx, noteId, shared);
  }

  @FieldResolver(() => SickCase, { description: 'The sick case the note belongs to.' })
  async sickCase(@Root() note: NoteEntity, @Ctx() ctx: SubgraphContext): Promise<SickCaseEntity> {
    return (await dossierLoaders(ctx, this.deps.dataSource).sickCase.load(note.sickCaseId))!;
  }

  @FieldResolver(() => Boolean, { description: 'Whether you wrote this note: only the author may share it with the employee or stop sharing it.' })
  writtenByMe(@Root() note: NoteEntity, @Ctx() ctx: SubgraphContext): boolean {
    return note.authorUserId !== null && note.authorUserId === ctx.actor.userId;
  }
}
