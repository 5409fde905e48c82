import { randomUUID } from 'node:crypto';
import type { Actor, ServiceDeps, SubgraphContext } from '@poortwachter/kit';
import { In } from 'typeorm';
import { canSeeEmployment, unitOf } from '../access.js';
import { EmploymentEntity, HrNoteEntity, employmentCovers, type HrNoteFolder } from '../entities/index.js';
import { placingEmployment } from '../events/payloads.js';
import { directoryName } from '../events/user-changed.js';
import { todayInBusinessZone } from '../domain/clock.js';
import { DossierErrorCode, dossierError, isUuid, personNotFound } from '../domain/rules.js';
import { Problems, text } from '../domain/validation.js';
import { ROLE_DISPLAY_NAMES } from '../documents/access.js';
import { HR_NOTE_ROLES } from './field-access.js';
import { PersonCommands } from './commands.js';

/*
 * The P&O dossier: the employer's own notes about a person, in four folders. Only the employer's
 * HR (within scope) and the administrator read or write them; a note belongs to the unit of the
 * employment it was written under, so a team leader sees their department's notes and another
 * employer of the same person sees none. Never medical: the form and the API say so.
 */

export const hrNoteNotFound = (id: string) =>
  dossierError(DossierErrorCode.HR_NOTE_NOT_FOUND, `P&O note ${id} does not exist or is not visible to you.`, { id, field: 'hrNoteId' });

export function mayUseHrNotes(actor: Actor): boolean {
  return actor.hasRole(...HR_NOTE_ROLES);
}

export function canSeeHrNote(actor: Actor, note: HrNoteEntity): boolean {
  return mayUseHrNotes(actor) && actor.coversUnit(unitOf(note));
}

export class HrNotes {
  private readonly persons: PersonCommands;

  constructor(private readonly deps: ServiceDeps) {
    this.persons = new PersonCommands(deps);
  }

  async notesOf(ctx: SubgraphContext, personId: string, folder: HrNoteFolder | null): Promise<HrNoteEntity[]> {
    if (!mayUseHrNotes(ctx.actor)) return [];
    const notes = (
      await this.deps.dataSource.getRepository(HrNoteEntity).find({
        where: { personId, ...(folder ? { folder } : {}) },
        order: { createdAt: 'DESC', id: 'ASC' },
      })
    ).filter((note) => canSeeHrNote(ctx.actor, note));
    if (notes.length > 0) ctx.accessLog.read('hr-note', [personId]);
    return notes;
  }

  async byIds(ctx: SubgraphContext, personId: string, ids: readonly string[]): Promise<HrNoteEntity[]> {
    if (ids.some((id) => !isUuid(id))) throw hrNoteNotFound(ids.find((id) => !isUuid(id))!);
    const notes = ids.length === 0 ? [] : await this.deps.dataSource.getRepository(HrNoteEntity).findBy({ id: In([...ids]) });
    for (const id of ids) {
      const note = notes.find((candidate) => candidate.id === id);
      if (!note || note.personId !== personId || !canSeeHrNote(ctx.actor, note)) throw hrNoteNotFound(id);
    }
    return notes.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  private async authorName(ctx: SubgraphContext): Promise<string> {
    const identity = ctx.actor.require();
    return (await directoryName(this.deps.dataSource, identity.sub)) ?? ROLE_DISPLAY_NAMES[identity.role] ?? identity.role;
  }

  private check(input: { title: string; text: string }) {
    const problems = new Problems();
    const title = text(problems, 'title', input.title, 200, true);
    const body = text(problems, 'text', input.text, 10_000, true);
    problems.throwIfAny();
    return { title: title!, text: body! };
  }

  async add(ctx: SubgraphContext, input: { personId: string; folder: HrNoteFolder; title: string; text: string }): Promise<HrNoteEntity> {
    ctx.actor.requireRole(...HR_NOTE_ROLES);
    const values = this.check(input);
    const authorName = await this.authorName(ctx);
    const note = await this.deps.dataSource.transaction(async (manager) => {
      const { employments } = await this.persons.reachablePerson(ctx, manager, input.personId);
      const unit = this.unitFor(ctx.actor, employments);
      if (!unit) throw personNotFound(input.personId);
      const row = manager.create(HrNoteEntity, {
        id: randomUUID(),
        personId: input.personId,
        ...unitOf(unit),
        folder: input.folder,
        ...values,
        authorUserId: ctx.actor.userId,
        authorName,
        updatedByName: null,
      });
      await manager.insert(HrNoteEntity, row);
      return manager.findOneByOrFail(HrNoteEntity, { id: row.id });
    });
    ctx.accessLog.change('hr-note', 'create', note.personId);
    return note;
  }

  /** The employment the note is filed under: the caller-visible running one, else the latest. */
  private unitFor(actor: Actor, employments: readonly EmploymentEntity[]): EmploymentEntity | null {
    const visible = employments.filter((employment) => canSeeEmployment(actor, employment));
    const today = todayInBusinessZone();
    return visible.find((employment) => employmentCovers(employment, today)) ?? placingEmployment(visible, today);
  }

  async update(ctx: SubgraphContext, input: { hrNoteId: string; folder?: HrNoteFolder | null; title: string; text: string }): Promise<HrNoteEntity> {
    ctx.actor.requireRole(...HR_NOTE_ROLES);
    const values = this.check(input);
    if (!isUuid(input.hrNoteId)) throw hrNoteNotFound(input.hrNoteId);
    const updatedByName = await this.authorName(ctx);
    const repository = this.deps.dataSource.getRepository(HrNoteEntity);
    const note = await repository.findOneBy({ id: input.hrNoteId });
    if (!note || !canSeeHrNote(ctx.actor, note)) {
      ctx.accessLog.denied('hr-note', note?.personId ?? null);
      throw hrNoteNotFound(input.hrNoteId);
    }
    await repository.update({ id: note.id }, { ...values, folder: input.folder ?? note.folder, updatedByName });
    ctx.accessLog.change('hr-note', 'update', note.personId);
    return repository.findOneByOrFail({ id: note.id });
  }
}
