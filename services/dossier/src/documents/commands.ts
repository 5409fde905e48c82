import { randomUUID } from 'node:crypto';
import { forbidden, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { QueryFailedError } from 'typeorm';
import { coversSickCase } from '../access.js';
import {
  DocumentEntity,
  NoteEntity,
  SignatureRequestEntity,
  SickCaseEntity,
  type DocumentCategory,
} from '../entities/index.js';
import { requireBus, type DocumentSignedEvent } from '../events/payloads.js';
import { directoryName } from '../events/user-changed.js';
import { DossierErrorCode, dossierError, isUuid, sickCaseNotFound } from '../domain/rules.js';
import { dossierLoaders } from '../loaders.js';
import type { DocumentStorage } from '../storage/index.js';
import { PROFESSIONAL_WRITERS, ROLE_DISPLAY_NAMES, SIGNATURE_REQUESTERS, canSeeDocument, canSeeNote, sourceOfRole } from './access.js';
import { documentLoaders } from './loaders.js';
import { sha256Hex, stampSignature, validateSignaturePng } from './signing.js';

export const NOTE_MAX_LENGTH = 5000;
export const DECLINE_REASON_MAX_LENGTH = 1000;
export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 1000;

export const documentNotFound = (id: string) =>
  dossierError(DossierErrorCode.DOCUMENT_NOT_FOUND, `Document ${id} does not exist or is not visible to you.`, { id });
const signatureRequestUnknown = (id: string) =>
  dossierError(DossierErrorCode.SIGNATURE_REQUEST_UNKNOWN, `Signature request ${id} does not exist or is not yours to sign.`, { id });
const noteNotFound = (id: string) => dossierError(DossierErrorCode.NOTE_NOT_FOUND, `Note ${id} does not exist or is not visible to you.`, { id });

function tooLong(field: string, max: number) {
  return dossierError(DossierErrorCode.TEXT_TOO_LONG, `${field} may be at most ${max} characters long.`, { field, max });
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : null;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}

export interface NewDocument {
  sickCase: SickCaseEntity;
  title: string;
  description: string | null;
  category: DocumentCategory;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  sharedWithEmployee: boolean;
  visibleToEmployer: boolean;
  /** The activity the document was imported for (activities subgraph), if any. */
  activityId?: string | null;
  /** The report template a generated document came from. */
  template?: string | null;
}

/**
 * Documents, notes and signing. Every rule is checked before the first write; writes that belong
 * together (the signed copy, the request's new state and the event) share one transaction. Bytes
 * are stored before that transaction and removed again when it fails, so a failure leaves no
 * document without content and no content without document.
 */
export class DossierDocuments {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly storage: DocumentStorage,
  ) {}

  /**
   * The name shown on what the caller adds: an employee's own name; a professional's display name
   * from the user directory (identity's `user.changed`); the role only for a user dossier has not
   * heard of yet, and for partner software.
   */
  async actorName(ctx: SubgraphContext): Promise<string> {
    const identity = ctx.actor.require();
    if (identity.role === 'EMPLOYEE' && identity.personId && isUuid(identity.personId)) {
      const person = await dossierLoaders(ctx, this.deps.dataSource).person.load(identity.personId);
      if (person) return `${person.firstName} ${person.lastName}`;
    }
    if (identity.role !== 'API_CLIENT') {
      const name = await directoryName(this.deps.dataSource, identity.sub);
      if (name) return name;
    }
    return ROLE_DISPLAY_NAMES[identity.role] ?? identity.role;
  }

  /** The case if it is in the caller's reach; SICK_CASE_NOT_FOUND otherwise (also for unknown ids). */
  async reachableSickCase(ctx: SubgraphContext, sickCaseId: string): Promise<SickCaseEntity> {
    if (!isUuid(sickCaseId)) throw sickCaseNotFound(sickCaseId);
    const sickCase = await dossierLoaders(ctx, this.deps.dataSource).sickCase.load(sickCaseId);
    if (!sickCase || !coversSickCase(ctx.actor, sickCase)) {
      ctx.accessLog.denied('sick-case', sickCase?.personId ?? null);
      throw sickCaseNotFound(sickCaseId);
    }
    return sickCase;
  }

  /** The document with its case when the caller may see it; null (and a denied log line) otherwise. */
  async visibleDocument(ctx: SubgraphContext, documentId: string): Promise<{ document: DocumentEntity; sickCase: SickCaseEntity } | null> {
    ctx.actor.require();
    if (!isUuid(documentId)) return null;
    const document = await documentLoaders(ctx, this.deps.dataSource).document.load(documentId);
    const sickCase = document ? await dossierLoaders(ctx, this.deps.dataSource).sickCase.load(document.sickCaseId) : null;
    if (!document || !canSeeDocument(ctx.actor, document, sickCase)) {
      ctx.accessLog.denied('document', document?.personId ?? null);
      return null;
    }
    return { document, sickCase: sickCase! };
  }

  /** Inserts the metadata of bytes already in storage; removes the bytes when the insert fails. */
  async insertDocument(ctx: SubgraphContext, input: NewDocument): Promise<DocumentEntity> {
    const identity = ctx.actor.require();
    const uploadedByName = await this.actorName(ctx);
    try {
      const document = this.deps.dataSource.getRepository(DocumentEntity).create({
        id: randomUUID(),
        sickCaseId: input.sickCase.id,
        personId: input.sickCase.personId,
        title: input.title,
        description: input.description,
        category: input.category,
        source: sourceOfRole(identity.role),
        uploadedByUserId: identity.sub,
        uploadedByName,
        fileName: input.fileName,
        mimeType: input.mimeType,
        sizeBytes: input.sizeBytes,
        sha256: input.sha256,
        storageKey: input.storageKey,
        sharedWithEmployee: input.sharedWithEmployee,
        // The database refuses a visible medical document too; this keeps the error out of sight.
        visibleToEmployer: input.category === 'MEDICAL_INFO' ? false : input.visibleToEmployer,
        activityId: input.activityId ?? null,
        template: input.template ?? null,
      });
      await this.deps.dataSource.getRepository(DocumentEntity).insert(document);
      ctx.accessLog.change('document', 'create', input.sickCase.personId);
      return (await this.deps.dataSource.getRepository(DocumentEntity).findOneByOrFail({ id: document.id }));
    } catch (error) {
      await this.storage.delete(input.storageKey).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Records which activity (activities subgraph, e.g. "14. WG – Importeren document") a document
   * was imported for. Dossier keeps only the id: the activity itself, its status and its handling
   * live in activities, which the frontend asks for by this id.
   */
  async linkDocumentToActivity(ctx: SubgraphContext, documentId: string, activityId: string | null): Promise<DocumentEntity> {
    ctx.actor.requireRole(...PROFESSIONAL_WRITERS);
    if (activityId !== null && !isUuid(activityId)) {
      throw dossierError(DossierErrorCode.ACTIVITY_ID_INVALID, 'activityId is not an activity id.', { field: 'activityId' });
    }
    const found = await this.visibleDocument(ctx, documentId);
    if (!found) throw documentNotFound(documentId);
    await this.deps.dataSource.getRepository(DocumentEntity).update({ id: documentId }, { activityId });
    ctx.accessLog.change('document', 'update', found.document.personId, 'activity link');
    return this.deps.dataSource.getRepository(DocumentEntity).findOneByOrFail({ id: documentId });
  }

  async requestSignature(ctx: SubgraphContext, documentId: string): Promise<SignatureRequestEntity> {
    ctx.actor.requireRole(...SIGNATURE_REQUESTERS);
    const found = await this.visibleDocument(ctx, documentId);
    if (!found) throw documentNotFound(documentId);
    const { document } = found;
    if (document.mimeType !== 'application/pdf') {
      throw dossierError(DossierErrorCode.SIGNATURE_REQUIRES_PDF, 'Only PDF documents can be signed.', { documentId });
    }
    if (document.category === 'SIGNED') {
      throw dossierError(DossierErrorCode.SIGNATURE_ALREADY_COMPLETED, 'This is the signed copy of a document; it cannot be signed again.');
    }
    const requestedByName = await this.actorName(ctx);
    try {
      const created = await this.deps.dataSource.transaction(async (manager) => {
        const live = await manager
          .getRepository(SignatureRequestEntity)
          .createQueryBuilder('request')
          .where('request.document_id = :documentId', { documentId })
          .andWhere(`request.status <> 'DECLINED'`)
          .getOne();
        if (live) throw alreadyHandled(live);
        const request = manager.create(SignatureRequestEntity, {
          id: randomUUID(),
          documentId,
          status: 'PENDING',
          requestedAt: new Date(),
          requestedByUserId: ctx.actor.userId,
          requestedByName,
          signedAt: null,
          declinedAt: null,
          declineReason: null,
          signedDocumentId: null,
          originalSha256: document.sha256,
        });
        await manager.insert(SignatureRequestEntity, request);
        // A document sent for signing is, by that act, shared with the employee.
        if (!document.sharedWithEmployee) await manager.update(DocumentEntity, { id: documentId }, { sharedWithEmployee: true });
        return request;
      });
      ctx.accessLog.change('signature-request', 'create', document.personId);
      // The request's `document` field must show the document as it is now (shared with the employee).
      documentLoaders(ctx, this.deps.dataSource).document.clear(documentId);
      return created;
    } catch (error) {
      if (isUniqueViolation(error, 'signature_request_one_live_per_document')) {
        throw dossierError(DossierErrorCode.SIGNATURE_ALREADY_REQUESTED, 'This document already waits for a signature.');
      }
      throw error;
    }
  }

  /** The request with its document and case, when it is on the calling employee's own, shared document. */
  private async ownRequest(ctx: SubgraphContext, requestId: string) {
    ctx.actor.requireRole('EMPLOYEE');
    if (!isUuid(requestId)) throw signatureRequestUnknown(requestId);
    const loaders = documentLoaders(ctx, this.deps.dataSource);
    const request = await loaders.signatureRequest.load(requestId);
    const document = request ? await loaders.document.load(request.documentId) : null;
    const sickCase = document ? await dossierLoaders(ctx, this.deps.dataSource).sickCase.load(document.sickCaseId) : null;
    if (!request || !document || !sickCase || !canSeeDocument(ctx.actor, document, sickCase)) {
      ctx.accessLog.denied('signature-request', document?.personId ?? null);
      throw signatureRequestUnknown(requestId);
    }
    return { request, document, sickCase };
  }

  async signDocument(ctx: SubgraphContext, requestId: string, signatureDataUrl: string, now: Date = new Date()): Promise<SignatureRequestEntity> {
    const { request, document, sickCase } = await this.ownRequest(ctx, requestId);
    if (request.status !== 'PENDING') throw alreadyHandled(request);
    const signature = validateSignaturePng(signatureDataUrl);
    const original = await this.storage.read(document.storageKey);
    if (!original) throw dossierError(DossierErrorCode.DOCUMENT_CONTENT_MISSING, 'The content of the document to sign is missing from the storage.');
    if (sha256Hex(original) !== request.originalSha256) {
      throw dossierError(DossierErrorCode.SIGNATURE_ORIGINAL_UNREADABLE, 'The document to sign no longer matches the document sent for signing.');
    }
    const signerName = await this.actorName(ctx);
    const signed = await stampSignature(original, { signaturePng: signature.png, signerName, signedAt: now, originalSha256: request.originalSha256 });
    const storageKey = randomUUID();
    await this.storage.put(storageKey, signed, { contentType: 'application/pdf', sizeBytes: signed.length });
    const bus = requireBus(this.deps.bus);
    try {
      const updated = await this.deps.dataSource.transaction(async (manager) => {
        // Serialises two signing attempts of the same request: the second sees SIGNED and stops.
        const locked = await manager.getRepository(SignatureRequestEntity).findOne({ where: { id: request.id }, lock: { mode: 'pessimistic_write' } });
        if (!locked || locked.status !== 'PENDING') throw alreadyHandled(locked ?? request);
        const signedDocument = manager.create(DocumentEntity, {
          id: randomUUID(),
          sickCaseId: document.sickCaseId,
          personId: document.personId,
          title: truncate(`${document.title} (ondertekend)`, TITLE_MAX_LENGTH),
          description: document.description,
          category: 'SIGNED',
          source: 'EMPLOYEE',
          uploadedByUserId: ctx.actor.userId,
          uploadedByName: signerName,
          fileName: signedFileName(document.fileName),
          mimeType: 'application/pdf',
          sizeBytes: signed.length,
          sha256: sha256Hex(signed),
          storageKey,
          sharedWithEmployee: true,
          // Sent back to employer and arbodienst, unless the original was medical information.
          visibleToEmployer: document.category !== 'MEDICAL_INFO',
          createdAt: now,
        });
        await manager.insert(DocumentEntity, signedDocument);
        await manager.update(SignatureRequestEntity, { id: request.id }, { status: 'SIGNED', signedAt: now, signedDocumentId: signedDocument.id });
        const event: DocumentSignedEvent = {
          signatureRequestId: request.id,
          documentId: document.id,
          signedDocumentId: signedDocument.id,
          sickCaseId: sickCase.id,
          personId: sickCase.personId,
          employerId: sickCase.employerId,
          divisionId: sickCase.divisionId,
          departmentId: sickCase.departmentId,
          documentTitle: document.title,
          signedAt: now.toISOString(),
        };
        await bus.publish('document.signed', event, { manager });
        return manager.getRepository(SignatureRequestEntity).findOneByOrFail({ id: request.id });
      });
      ctx.accessLog.change('signature-request', 'update', sickCase.personId);
      ctx.accessLog.change('document', 'create', sickCase.personId);
      return updated;
    } catch (error) {
      await this.storage.delete(storageKey).catch(() => undefined);
      throw error;
    }
  }

  async declineSignature(ctx: SubgraphContext, requestId: string, reason: string, now: Date = new Date()): Promise<SignatureRequestEntity> {
    const { request, sickCase } = await this.ownRequest(ctx, requestId);
    if (request.status !== 'PENDING') throw alreadyHandled(request);
    const trimmed = reason.trim();
    if (trimmed === '') {
      throw dossierError(DossierErrorCode.SIGNATURE_DECLINE_REASON_REQUIRED, 'Say why you do not sign this document.', { field: 'reason' });
    }
    if ([...trimmed].length > DECLINE_REASON_MAX_LENGTH) throw tooLong('reason', DECLINE_REASON_MAX_LENGTH);
    const updated = await this.deps.dataSource.transaction(async (manager) => {
      const locked = await manager.getRepository(SignatureRequestEntity).findOne({ where: { id: request.id }, lock: { mode: 'pessimistic_write' } });
      if (!locked || locked.status !== 'PENDING') throw alreadyHandled(locked ?? request);
      await manager.update(SignatureRequestEntity, { id: request.id }, { status: 'DECLINED', declinedAt: now, declineReason: trimmed });
      return manager.getRepository(SignatureRequestEntity).findOneByOrFail({ id: request.id });
    });
    ctx.accessLog.change('signature-request', 'update', sickCase.personId);
    return updated;
  }

  async addNote(
    ctx: SubgraphContext,
    input: { sickCaseId: string; text: string; medical: boolean; sharedWithEmployee: boolean },
  ): Promise<NoteEntity> {
    const identity = ctx.actor.requireRole(...PROFESSIONAL_WRITERS);
    const text = input.text.trim();
    if (text === '') throw dossierError(DossierErrorCode.NOTE_TEXT_REQUIRED, 'A note needs text.', { field: 'text' });
    if ([...text].length > NOTE_MAX_LENGTH) throw tooLong('text', NOTE_MAX_LENGTH);
    if (input.medical && identity.role !== 'OCCUPATIONAL_PHYSICIAN') {
      throw dossierError(DossierErrorCode.MEDICAL_NOTE_NOT_ALLOWED, 'Only the bedrijfsarts writes medical notes.', { field: 'medical' });
    }
    const sickCase = await this.reachableSickCase(ctx, input.sickCaseId);
    const note = this.deps.dataSource.getRepository(NoteEntity).create({
      id: randomUUID(),
      sickCaseId: sickCase.id,
      personId: sickCase.personId,
      authorUserId: identity.sub,
      authorName: await this.actorName(ctx),
      authorRole: identity.role,
      text,
      medical: input.medical,
      sharedWithEmployee: input.sharedWithEmployee,
    });
    await this.deps.dataSource.getRepository(NoteEntity).insert(note);
    ctx.accessLog.change('note', 'create', sickCase.personId);
    return this.deps.dataSource.getRepository(NoteEntity).findOneByOrFail({ id: note.id });
  }

  /** Only the author decides whether the employee sees a note (the bedrijfsarts shares their own medical note). */
  async shareNote(ctx: SubgraphContext, noteId: string, shared: boolean): Promise<NoteEntity> {
    ctx.actor.require();
    if (!isUuid(noteId)) throw noteNotFound(noteId);
    const note = await documentLoaders(ctx, this.deps.dataSource).note.load(noteId);
    const sickCase = note ? await dossierLoaders(ctx, this.deps.dataSource).sickCase.load(note.sickCaseId) : null;
    if (!note || !canSeeNote(ctx.actor, note, sickCase)) {
      ctx.accessLog.denied('note', note?.personId ?? null);
      throw noteNotFound(noteId);
    }
    if (note.authorUserId === null || note.authorUserId !== ctx.actor.userId) {
      throw dossierError(DossierErrorCode.NOTE_NOT_AUTHOR, 'Only the author of a note can share it.', { noteId });
    }
    await this.deps.dataSource.getRepository(NoteEntity).update({ id: noteId }, { sharedWithEmployee: shared });
    ctx.accessLog.change('note', 'update', note.personId);
    return this.deps.dataSource.getRepository(NoteEntity).findOneByOrFail({ id: noteId });
  }

  /** The employee decides whether the employer sees what they uploaded. */
  async setDocumentVisibleToEmployer(ctx: SubgraphContext, documentId: string, visible: boolean): Promise<DocumentEntity> {
    ctx.actor.requireRole('EMPLOYEE');
    const found = await this.visibleDocument(ctx, documentId);
    if (!found) throw documentNotFound(documentId);
    const { document } = found;
    if (document.source !== 'EMPLOYEE' || document.category === 'SIGNED') {
      throw dossierError(DossierErrorCode.DOCUMENT_NOT_OWN_UPLOAD, 'You can only change who sees documents you uploaded yourself.', { documentId });
    }
    if (document.category === 'MEDICAL_INFO' && visible) throw forbidden('showing medical information to the employer');
    await this.deps.dataSource.getRepository(DocumentEntity).update({ id: documentId }, { visibleToEmployer: visible });
    ctx.accessLog.change('document', 'update', document.personId);
    return this.deps.dataSource.getRepository(DocumentEntity).findOneByOrFail({ id: documentId });
  }
}

function alreadyHandled(request: SignatureRequestEntity) {
  if (request.status === 'PENDING') {
    return dossierError(DossierErrorCode.SIGNATURE_ALREADY_REQUESTED, 'This document already waits for a signature.');
  }
  return dossierError(
    DossierErrorCode.SIGNATURE_ALREADY_COMPLETED,
    request.status === 'SIGNED' ? 'This document has already been signed.' : 'This signature request was declined.',
    { status: request.status },
  );
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** "plan.pdf" → "plan-ondertekend.pdf". */
export function signedFileName(fileName: string): string {
  const base = fileName.replace(/\.pdf$/i, '');
  return truncate(`${base}-ondertekend`, 240) + '.pdf';
}
