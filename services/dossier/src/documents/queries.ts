import type { Actor } from '@poortwachter/kit';
import type { DataSource } from 'typeorm';
import { CorrectionRequestEntity, DocumentEntity, SignatureRequestEntity, type CorrectionStatus } from '../entities/index.js';
import { unitScopeParams, unitScopeSql } from '../queries.js';

/** The employee's requests that wait for their signature, on documents shared with them, oldest first. */
export async function pendingSignaturesOf(dataSource: DataSource, personId: string): Promise<SignatureRequestEntity[]> {
  return dataSource
    .getRepository(SignatureRequestEntity)
    .createQueryBuilder('r')
    .innerJoin(DocumentEntity, 'd', 'd.id = r.document_id')
    .where(`r.status = 'PENDING'`)
    .andWhere('d.person_id = :personId', { personId })
    .andWhere('d.shared_with_employee')
    .orderBy('r.requestedAt', 'ASC')
    .addOrderBy('r.id', 'ASC')
    .getMany();
}

/**
 * Correction requests of persons with an employment in the caller's scope, newest first. The scope
 * filter runs in SQL, like the persons list, so a reviewer never loads what they may not see.
 */
export async function listCorrectionRequestsInScope(
  dataSource: DataSource,
  actor: Actor,
  status: CorrectionStatus | null,
  personId: string | null = null,
): Promise<CorrectionRequestEntity[]> {
  const scope = actor.unitFilter();
  if (scope.kind === 'none' || scope.kind === 'person') return [];
  const qb = dataSource.getRepository(CorrectionRequestEntity).createQueryBuilder('cr');
  if (scope.kind === 'units') {
    qb.andWhere(`EXISTS (SELECT 1 FROM dossier.employment se WHERE se.person_id = cr.person_id AND (${unitScopeSql('se')}))`, unitScopeParams(scope));
  }
  if (status) qb.andWhere('cr.status = :status', { status });
  if (personId) qb.andWhere('cr.person_id = :personId', { personId });
  return qb.orderBy('cr.createdAt', 'DESC').addOrderBy('cr.id', 'ASC').limit(500).getMany();
}
