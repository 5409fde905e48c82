import type { ServiceDeps, SubgraphContext } from '@poortwachter/kit';
import { canSeeDepartment, canSeeDivision, canSeeEmployer, canSeeSickCase, orgVisibility, visiblePersonIds } from './access.js';
import type { DepartmentEntity, DivisionEntity, EmployerEntity, PersonEntity, SickCaseEntity } from './entities/index.js';
import { dossierLoaders } from './loaders.js';
import { isUuid } from './domain/rules.js';

/*
 * Federation entry points: another subgraph's result names a Person or SickCase by id and the
 * gateway asks dossier for the fields. Apollo calls `__resolveReference` once per representation;
 * the per-request loaders below turn those calls into one batch, one authorization pass and one
 * access-log entry per batch. An entity the caller may not see resolves to null.
 */

type Reference = { id: string };

function validIds(ids: readonly string[]): string[] {
  return ids.filter(isUuid);
}

export function referenceResolvers(deps: ServiceDeps) {
  const { dataSource } = deps;

  const personReferences = (ctx: SubgraphContext) =>
    ctx.loaders.get<string, PersonEntity | null>('dossier.personReference', async (ids) => {
      const valid = validIds(ids);
      const [persons, visible] = await Promise.all([
        dossierLoaders(ctx, dataSource).person.loadMany(valid),
        visiblePersonIds(ctx, dataSource, valid),
      ]);
      const byId = new Map<string, PersonEntity>();
      for (const person of persons) if (person && !(person instanceof Error) && visible.has(person.id)) byId.set(person.id, person);
      ctx.accessLog.read('person', byId.keys());
      return ids.map((id) => byId.get(id) ?? null);
    });

  const sickCaseReferences = (ctx: SubgraphContext) =>
    ctx.loaders.get<string, SickCaseEntity | null>('dossier.sickCaseReference', async (ids) => {
      const sickCases = await dossierLoaders(ctx, dataSource).sickCase.loadMany(validIds(ids));
      const byId = new Map<string, SickCaseEntity>();
      for (const sickCase of sickCases) {
        if (sickCase && !(sickCase instanceof Error) && canSeeSickCase(ctx.actor, sickCase)) byId.set(sickCase.id, sickCase);
      }
      ctx.accessLog.read(
        'sick-case',
        [...byId.values()].map((sickCase) => sickCase.personId),
      );
      return ids.map((id) => byId.get(id) ?? null);
    });

  return {
    Person: {
      __resolveReference: (reference: Reference, ctx: SubgraphContext) => (ctx.actor.isAuthenticated ? personReferences(ctx).load(reference.id) : null),
    },
    SickCase: {
      __resolveReference: (reference: Reference, ctx: SubgraphContext) =>
        ctx.actor.isAuthenticated ? sickCaseReferences(ctx).load(reference.id) : null,
    },
    Employer: {
      __resolveReference: async (reference: Reference, ctx: SubgraphContext): Promise<EmployerEntity | null> => {
        if (!isUuid(reference.id)) return null;
        const [employer, visibility] = await Promise.all([
          dossierLoaders(ctx, dataSource).employer.load(reference.id),
          orgVisibility(ctx, dataSource),
        ]);
        return employer && canSeeEmployer(visibility, employer) ? employer : null;
      },
    },
    Division: {
      __resolveReference: async (reference: Reference, ctx: SubgraphContext): Promise<DivisionEntity | null> => {
        if (!isUuid(reference.id)) return null;
        const [division, visibility] = await Promise.all([
          dossierLoaders(ctx, dataSource).division.load(reference.id),
          orgVisibility(ctx, dataSource),
        ]);
        return division && canSeeDivision(visibility, division) ? division : null;
      },
    },
    Department: {
      __resolveReference: async (reference: Reference, ctx: SubgraphContext): Promise<DepartmentEntity | null> => {
        if (!isUuid(reference.id)) return null;
        const [department, visibility] = await Promise.all([
          dossierLoaders(ctx, dataSource).department.load(reference.id),
          orgVisibility(ctx, dataSource),
        ]);
        return department && canSeeDepartment(visibility, department) ? department : null;
      },
    },
  };
}
