import { fileRequestError, FileRequestError, type GatewayFetch } from '@poortwachter/ui';

/** The gateway's default limit (UPLOAD_MAX_BYTES); the server has the last word, this only spares a long wait. */
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

export interface UploadValues {
  file: File | null;
  description: string;
  visibleToEmployer: boolean;
}

/** What the form can tell before sending: a stable code as the server would give it, or null. */
export function checkUpload(
  values: UploadValues,
  maxBytes = UPLOAD_MAX_BYTES,
): 'UPLOAD_FILE_MISSING' | 'UPLOAD_TOO_LARGE' | 'UPLOAD_DESCRIPTION_REQUIRED' | null {
  if (!values.file) return 'UPLOAD_FILE_MISSING';
  if (values.file.size > maxBytes) return 'UPLOAD_TOO_LARGE';
  if (!values.description.trim()) return 'UPLOAD_DESCRIPTION_REQUIRED';
  return null;
}

export interface UploadedDocument {
  id: string;
  title: string;
}

/** POSTs the file as multipart/form-data to the sick case's documents route; rejects with a FileRequestError. */
export async function uploadDocument(
  gatewayFetch: GatewayFetch,
  sickCaseId: string,
  values: UploadValues,
): Promise<UploadedDocument> {
  const problem = checkUpload(values);
  if (problem) throw new FileRequestError(400, problem, problem);
  const form = new FormData();
  form.append('description', values.description.trim());
  form.append('visibleToEmployer', values.visibleToEmployer ? 'true' : 'false');
  form.append('file', values.file!, values.file!.name);
  const response = await gatewayFetch(`/files/sick-cases/${encodeURIComponent(sickCaseId)}/documents`, {
    method: 'POST',
    body: form,
  });
  if (!response.ok) throw await fileRequestError(response);
  const body = (await response.json()) as { document?: UploadedDocument };
  if (!body.document?.id)
    throw new FileRequestError(response.status, undefined, 'upload: no document in the answer');
  return body.document;
}
