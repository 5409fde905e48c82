import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import {
  AccessLog,
  Actor,
  IdentityRejected,
  Loaders,
  sendJson,
  verifyGatewayIdentity,
  type AccessLogShipper,
  type ServiceDeps,
  type SubgraphContext,
  type SubgraphRoutesFactory,
} from '@poortwachter/kit';
import { GraphQLError } from 'graphql';
import { DOCUMENT_CATEGORIES, type DocumentCategory, type DocumentEntity } from '../entities/index.js';
import { DossierDocuments, DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from '../documents/commands.js';
import { PROFESSIONAL_WRITERS } from '../documents/access.js';
import { contentPathOf } from '../resolvers/documents.resolver.js';
import type { DocumentStorage } from '../storage/index.js';
import {
  MULTIPART_OVERHEAD_BYTES,
  UploadError,
  cleanFileName,
  discard,
  receiveUpload,
  sniffAllowedType,
  titleFromFileName,
  tooLarge,
  type ReceivedUpload,
  discardBody,
} from './upload.js';

/*
 * The dossier's file endpoints. The gateway proxies `/files/*` here after checking the bearer
 * token; like /graphql, these routes trust only an identity the gateway signed. Errors are JSON
 * `{ "error": { "code", "message" } }` with stable codes. A document the caller may not see is a
 * 404 exactly like a missing one, so ids cannot be probed.
 */

const DOCUMENT_PATH = /^\/files\/documents\/([^/]+)$/;
const UPLOAD_PATH = /^\/files\/sick-cases\/([^/]+)\/documents$/;

const NO_STORE = { 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' };

function sendError(response: http.ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  sendJson(response, status, { error: { code, message } }, { ...NO_STORE, ...headers });
}

/** RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function booleanField(fields: Record<string, string>, name: string, fallback: boolean): boolean {
  const raw = fields[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new UploadError(400, 'UPLOAD_INVALID_FIELD', `${name} must be "true" or "false".`);
}

export function documentJson(document: DocumentEntity) {
  return {
    id: document.id,
    sickCaseId: document.sickCaseId,
    title: document.title,
    description: document.description,
    category: document.category,
    source: document.source,
    uploadedByName: document.uploadedByName,
    fileName: document.fileName,
    mimeType: document.mimeType,
    sizeBytes: document.sizeBytes,
    createdAt: document.createdAt.toISOString(),
    sharedWithEmployee: document.sharedWithEmployee,
    visibleToEmployer: document.visibleToEmployer,
    activityId: document.activityId,
    contentPath: contentPathOf(document.id),
  };
}

export function fileRoutes(deps: ServiceDeps, storage: DocumentStorage, options: { maxBytes: number }): SubgraphRoutesFactory {
  return ({ accessLog, gatewaySecret }) => {
    const documents = new DossierDocuments(deps, storage);

    /** The verified caller as a resolver context; null after answering 401. */
    const contextFor = (request: http.IncomingMessage, response: http.ServerResponse, accessPoint: string): SubgraphContext | null => {
      let verified;
      try {
        verified = verifyGatewayIdentity({ get: (name) => headerOf(request, name) }, gatewaySecret);
      } catch (error) {
        if (!(error instanceof IdentityRejected)) throw error;
        sendError(response, 401, 'UNAUTHENTICATED', error.message);
        return null;
      }
      if (!verified.identity) {
        sendError(response, 401, 'UNAUTHENTICATED', 'Sign in to reach documents.');
        return null;
      }
      const actor = new Actor(verified.identity);
      return {
        actor,
        loaders: new Loaders(),
        accessLog: new AccessLog(accessLog as AccessLogShipper, actor, `dossier:${accessPoint}`),
        requestId: headerOf(request, 'x-request-id') ?? randomUUID(),
        clientAddress: verified.clientAddress,
      };
    };

    async function download(request: http.IncomingMessage, response: http.ServerResponse, url: URL, id: string): Promise<void> {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        sendError(response, 405, 'METHOD_NOT_ALLOWED', 'Use GET.', { allow: 'GET, HEAD' });
        return;
      }
      const ctx = contextFor(request, response, 'GET /files/documents');
      if (!ctx) return;
      const found = await documents.visibleDocument(ctx, id);
      if (!found) {
        sendError(response, 404, 'DOCUMENT_NOT_FOUND', 'The document does not exist or is not visible to you.');
        return;
      }
      const { document } = found;
      const content = await storage.get(document.storageKey);
      if (!content) {
        console.error(`[dossier] content of document ${document.id} is missing from the ${storage.kind} storage`);
        sendError(response, 500, 'DOCUMENT_CONTENT_MISSING', 'The content of this document is missing; the arbodienst has been notified.');
        return;
      }
      ctx.accessLog.read('document', [document.personId], url.searchParams.get('download') === '1' ? 'download' : undefined);
      response.writeHead(200, {
        ...NO_STORE,
        'content-type': document.mimeType,
        'content-length': String(content.sizeBytes),
        'content-disposition': contentDisposition(url.searchParams.get('download') === '1' ? 'attachment' : 'inline', document.fileName),
      });
      if (request.method === 'HEAD') {
        content.body.destroy();
        response.end();
        return;
      }
      await pipeline(content.body, response);
    }

    async function upload(request: http.IncomingMessage, response: http.ServerResponse, sickCaseId: string): Promise<void> {
      // After an early refusal the rest of the body is read and dropped (up to a cap) rather than
      // the connection cut: a client still sending would otherwise get a reset instead of the answer.
      response.once('finish', () => discardBody(request, 2 * options.maxBytes + MULTIPART_OVERHEAD_BYTES));
      const refuse = (error: UploadError) => sendError(response, error.status, error.code, error.message);
      if (request.method !== 'POST') {
        sendError(response, 405, 'METHOD_NOT_ALLOWED', 'Use POST with multipart/form-data.', { allow: 'POST' });
        return;
      }
      const ctx = contextFor(request, response, 'POST /files/sick-cases/documents');
      if (!ctx) return;
      const identity = ctx.actor.identity!;
      if (identity.role !== 'EMPLOYEE' && !(PROFESSIONAL_WRITERS as readonly string[]).includes(identity.role)) {
        sendError(response, 403, 'FORBIDDEN', 'Your role cannot add documents.');
        return;
      }
      let sickCase;
      try {
        sickCase = await documents.reachableSickCase(ctx, sickCaseId);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        refuse(new UploadError(404, 'SICK_CASE_UNKNOWN', 'The sick case does not exist or is not visible to you.'));
        return;
      }
      if (!/^multipart\/form-data\b/i.test(headerOf(request, 'content-type') ?? '')) {
        refuse(new UploadError(400, 'UPLOAD_FILE_MISSING', 'Send the file as multipart/form-data with a part named "file".'));
        return;
      }
      const declared = Number(headerOf(request, 'content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > options.maxBytes + MULTIPART_OVERHEAD_BYTES) {
        refuse(tooLarge(options.maxBytes));
        return;
      }

      let received: ReceivedUpload | null = null;
      try {
        received = await receiveUpload(request, options.maxBytes);
        const { file, fields } = received;
        if (!file || file.sizeBytes === 0) throw new UploadError(400, 'UPLOAD_FILE_MISSING', 'Choose a file to upload.');
        const description = (fields.description ?? '').trim();
        if (description === '') throw new UploadError(400, 'UPLOAD_DESCRIPTION_REQUIRED', 'Describe the document.');
        if ([...description].length > DESCRIPTION_MAX_LENGTH) {
          throw new UploadError(400, 'UPLOAD_DESCRIPTION_TOO_LONG', `The description may be at most ${DESCRIPTION_MAX_LENGTH} characters long.`);
        }
        const employee = identity.role === 'EMPLOYEE';
        const category = employee ? 'OTHER' : categoryField(fields.category);
        // Medical information is the bedrijfsarts's domain: nobody else files it (and the employer
        // would not even see their own upload).
        if (category === 'MEDICAL_INFO' && identity.role !== 'OCCUPATIONAL_PHYSICIAN') {
          throw new UploadError(403, 'MEDICAL_DOCUMENT_NOT_ALLOWED', 'Only the bedrijfsarts adds medical information to a dossier.');
        }
        // The employee's upload goes to the arbodienst; the employer sees it only when the employee
        // says so. What the employer adds, the employer always sees.
        const visibleToEmployer = identity.role === 'EMPLOYER' ? true : booleanField(fields, 'visibleToEmployer', !employee);
        const sharedWithEmployee = employee ? true : booleanField(fields, 'sharedWithEmployee', true);
        // The activity the document is imported for ("14. WG – Importeren document"), created in activities.
        const activityId = (fields.activityId ?? '').trim() || null;
        if (activityId !== null && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(activityId)) {
          throw new UploadError(400, 'ACTIVITY_ID_INVALID', 'activityId must be the id of an activity.');
        }
        const type = await sniffAllowedType(file.tempPath);
        if (!type) {
          throw new UploadError(415, 'UPLOAD_TYPE_NOT_ALLOWED', 'Only PDF, PNG, JPEG, HEIC and Word (DOCX) files can be uploaded; the content decides, not the name.');
        }
        const fileName = cleanFileName(file.clientFileName, type);
        const title = [...((fields.title ?? '').trim() || titleFromFileName(fileName) || description)].slice(0, TITLE_MAX_LENGTH).join('');
        const storageKey = randomUUID();
        await storage.put(storageKey, fs.createReadStream(file.tempPath), { contentType: type.mime, sizeBytes: file.sizeBytes });
        const document = await documents.insertDocument(ctx, {
          sickCase,
          title,
          description,
          category,
          fileName,
          mimeType: type.mime,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          storageKey,
          sharedWithEmployee,
          visibleToEmployer,
          activityId,
        });
        sendJson(response, 201, { document: documentJson(document) }, { ...NO_STORE, location: contentPathOf(document.id) });
      } catch (error) {
        if (!(error instanceof UploadError)) throw error;
        refuse(error);
      } finally {
        await discard(received);
      }
    }

    return async (request, response, url) => {
      const documentMatch = DOCUMENT_PATH.exec(url.pathname);
      if (documentMatch) {
        await download(request, response, url, safeDecode(documentMatch[1]!));
        return true;
      }
      const uploadMatch = UPLOAD_PATH.exec(url.pathname);
      if (uploadMatch) {
        await upload(request, response, safeDecode(uploadMatch[1]!));
        return true;
      }
      if (url.pathname.startsWith('/files/')) {
        sendError(response, 404, 'NOT_FOUND', 'No such file endpoint.');
        return true;
      }
      return false;
    };
  };
}

function categoryField(raw: string | undefined): DocumentCategory {
  if (raw === undefined || raw === '') return 'OTHER';
  if (!(DOCUMENT_CATEGORIES as readonly string[]).includes(raw) || raw === 'SIGNED') {
    throw new UploadError(400, 'UPLOAD_INVALID_FIELD', `category must be one of ${DOCUMENT_CATEGORIES.filter((c) => c !== 'SIGNED').join(', ')}.`);
  }
  return raw as DocumentCategory;
}

function headerOf(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** A malformed escape cannot name a document: it becomes an id that matches nothing. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
