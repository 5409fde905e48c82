import { byKey, groupByKey, type SubgraphContext } from '@poortwachter/kit';
import type DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { CorrectionRequestEntity, DocumentEntity, NoteEntity, SignatureRequestEntity } from '../entities/index.js';

export interface DocumentLoaders {
  document: DataLoader<string, DocumentEntity | null>;
  documentsBySickCase: DataLoader<string, DocumentEntity[]>;
  notesBySickCase: DataLoader<string, NoteEntity[]>;
  note: DataLoader<string, NoteEntity | null>;
  signatureRequest: DataLoader<string, SignatureRequestEntity | null>;
  /** Latest first. */
  signatureRequestsByDocument: DataLoader<string, SignatureRequestEntity[]>;
  correctionRequestsByPerson: DataLoader<string, CorrectionRequestEntity[]>;
}

/**
 * Per-request loaders for the dossier's documents, notes and signature requests: the documents of
 * fifty sick cases cost one statement, their signature requests one more.
 */
export function documentLoaders(ctx: SubgraphContext, dataSource: DataSource): DocumentLoaders {
  const get = <V>(name: string, batch: (keys: readonly string[]) => Promise<V[]>) =>
    ctx.loaders.get<string, V>(`dossier.documents.${name}`, batch);
  const repo = <T extends object>(entity: new () => T) => dataSource.getRepository(entity);
  return {
    document: get('document', async (ids) => byKey(ids, await repo(DocumentEntity).findBy({ id: In([...ids]) }), (row) => row.id)),
    documentsBySickCase: get('documentsBySickCase', async (ids) =>
      groupByKey(
        ids,
        await repo(DocumentEntity).find({ where: { sickCaseId: In([...ids]) }, order: { createdAt: 'DESC', id: 'ASC' } }),
        (row) => row.sickCaseId,
      ),
    ),
    notesBySickCase: get('notesBySickCase', async (ids) =>
      groupByKey(
        ids,
        await repo(NoteEntity).find({ where: { sickCaseId: In([...ids]) }, order: { createdAt: 'DESC', id: 'ASC' } }),
        (row) => row.sickCaseId,
      ),
    ),
    note: get('note', async (ids) => byKey(ids, await repo(NoteEntity).findBy({ id: In([...ids]) }), (row) => row.id)),
    signatureRequest: get('signatureRequest', async (ids) =>
      byKey(ids, await repo(SignatureRequestEntity).findBy({ id: In([...ids]) }), (row) => row.id),
    ),
    signatureRequestsByDocument: get('signatureRequestsByDocument', async (ids) =>
      groupByKey(
        ids,
        await repo(SignatureRequestEntity).find({ where: { documentId: In([...ids]) }, order: { requestedAt: 'DESC', id: 'ASC' } }),
        (row) => row.documentId,
      ),
    ),
    correctionRequestsByPerson: get('correctionRequestsByPerson', async (ids) =>
      groupByKey(
        ids,
        await repo(CorrectionRequestEntity).find({ where: { personId: In([...ids]) }, order: { createdAt: 'DESC', id: 'ASC' } }),
        (row) => row.personId,
      ),
    ),
  };
}
