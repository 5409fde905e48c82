import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';

export const DEFAULT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
/** Room for the multipart boundaries and the text fields around the file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** A refused upload: HTTP status plus a stable code for the UI's message catalog. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function uploadMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.UPLOAD_MAX_BYTES;
  if (raw === undefined || raw === '') return DEFAULT_UPLOAD_MAX_BYTES;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`UPLOAD_MAX_BYTES=${raw} is not a positive whole number of bytes`);
  return value;
}

export const tooLarge = (maxBytes: number) =>
  new UploadError(413, 'UPLOAD_TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(0)} MB).`);

export interface ReceivedFile {
  /** A private temporary file; the caller removes it (see `discard`). */
  tempPath: string;
  sizeBytes: number;
  sha256: string;
  /** The name the client gave; untrusted, only for display after cleaning. */
  clientFileName: string;
}

export interface ReceivedUpload {
  file: ReceivedFile | null;
  fields: Record<string, string>;
}

const FIELD_MAX_BYTES = 4096;

/**
 * Reads a multipart/form-data body with one file part named `file`. The file goes to a temporary
 * file while it is counted and hashed, never into memory as a whole; at `maxBytes` reading stops
 * and the upload is refused (413), leaving nothing behind. The caller sniffs the content type
 * from the temporary file and only then stores it.
 */
export function receiveUpload(request: http.IncomingMessage, maxBytes: number, tempDir = os.tmpdir()): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: FIELD_MAX_BYTES, parts: 12, fieldNameSize: 100 },
      });
    } catch {
      reject(new UploadError(400, 'UPLOAD_FILE_MISSING', 'Send the file as multipart/form-data with a part named "file".'));
      return;
    }
    const fields: Record<string, string> = {};
    let file: ReceivedFile | null = null;
    let fileWritten: Promise<void> | null = null;
    let failed = false;
    let tempPath: string | null = null;

    const fail = (error: UploadError) => {
      if (failed) return;
      failed = true;
      // Stop reading: nothing more of the body is parsed or written.
      request.unpipe(parser);
      parser.removeAllListeners('close');
      const cleanup = tempPath ? fsp.rm(tempPath, { force: true }) : Promise.resolve();
      cleanup.then(
        () => reject(error),
        () => reject(error),
      );
    };

    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || file || failed) {
        stream.resume();
        return;
      }
      tempPath = path.join(tempDir, `poortwachter-upload-${randomUUID()}`);
      const hash = createHash('sha256');
      const received: ReceivedFile = { tempPath, sizeBytes: 0, sha256: '', clientFileName: info.filename ?? '' };
      file = received;
      stream.on('data', (chunk: Buffer) => {
        received.sizeBytes += chunk.length;
        hash.update(chunk);
      });
      stream.on('limit', () => fail(tooLarge(maxBytes)));
      fileWritten = pipeline(stream, fs.createWriteStream(tempPath, { flags: 'wx', mode: 0o600 })).then(() => {
        received.sha256 = hash.digest('hex');
      });
      fileWritten.catch(() => fail(new UploadError(400, 'UPLOAD_INCOMPLETE', 'The upload broke off before the file was complete.')));
    });
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) {
        fail(new UploadError(400, 'UPLOAD_FIELD_TOO_LONG', `The field ${name} is longer than ${FIELD_MAX_BYTES} bytes.`));
        return;
      }
      fields[name] = value;
    });
    const tooManyParts = () => fail(new UploadError(400, 'UPLOAD_TOO_MANY_PARTS', 'Send one file and the form fields only.'));
    parser.on('partsLimit', tooManyParts);
    parser.on('filesLimit', tooManyParts);
    parser.on('fieldsLimit', tooManyParts);
    parser.on('error', () => fail(new UploadError(400, 'UPLOAD_MALFORMED', 'The multipart body is malformed.')));
    request.on('aborted', () => fail(new UploadError(400, 'UPLOAD_INCOMPLETE', 'The upload broke off before it was complete.')));
    parser.on('close', () => {
      if (failed) return;
      Promise.resolve(fileWritten).then(
        () => {
          if (!failed) resolve({ file, fields });
        },
        () => undefined,
      );
    });
    request.pipe(parser);
  });
}

/** Removes the temporary file of an upload; safe to call twice. */
export async function discard(upload: ReceivedUpload | null): Promise<void> {
  if (upload?.file) await fsp.rm(upload.file.tempPath, { force: true });
}

/** Types accepted by content (never by name or by the client's Content-Type). */
export const ALLOWED_TYPES: Record<string, { extensions: string[] }> = {
  'application/pdf': { extensions: ['pdf'] },
  'image/png': { extensions: ['png'] },
  'image/jpeg': { extensions: ['jpg', 'jpeg'] },
  'image/heic': { extensions: ['heic'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extensions: ['docx'] },
};

/** The content type from the bytes (magic numbers, and the zip entries for DOCX); null when not allowed. */
export async function sniffAllowedType(filePath: string): Promise<{ mime: string; ext: string } | null> {
  // file-type is an ES module; Node 24 loads it from CommonJS (require of ESM).
  const { fileTypeFromFile } = await import('file-type');
  const detected = await fileTypeFromFile(filePath);
  if (!detected || !ALLOWED_TYPES[detected.mime]) return null;
  return { mime: detected.mime, ext: ALLOWED_TYPES[detected.mime]!.extensions[0]! };
}

/**
 * A safe display name: no path, no control or reserved characters, at most 200 characters, and
 * ending in an extension that matches the detected content (so "cv.exe" sniffed as PDF ends ".pdf").
 */
export function cleanFileName(clientName: string, type: { mime: string; ext: string }): string {
  const base = clientName.split(/[/\\]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    // Control characters never belong in a file name (they break headers and terminals).
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const extensions = ALLOWED_TYPES[type.mime]?.extensions ?? [type.ext];
  const lower = name.toLowerCase();
  if (!extensions.some((extension) => lower.endsWith(`.${extension}`))) name = name ? `${name}.${type.ext}` : `document.${type.ext}`;
  if ([...name].length > 200) {
    const suffix = `.${type.ext}`;
    name = [...name].slice(0, 200 - suffix.length).join('') + suffix;
  }
  return name;
}

/** "Plan van aanpak.pdf" → "Plan van aanpak". */
export function titleFromFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return (dot > 0 ? fileName.slice(0, dot) : fileName).trim();
}

/**
 * Reads and drops what is left of a refused request body, up to `capBytes`; beyond that the
 * connection is cut. Nothing read here is parsed or kept.
 */
export function discardBody(request: http.IncomingMessage, capBytes: number): void {
  if (request.complete || request.destroyed) return;
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > capBytes) request.destroy();
  });
  request.resume();
}
