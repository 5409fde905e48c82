import { randomUUID } from 'node:crypto';
import type { ServiceDeps, SubgraphContext } from '@poortwachter/kit';
import { QueryFailedError } from 'typeorm';
import { canSeeEmployment, coversPerson, coversSickCase } from '../access.js';
import {
  AbsenceCoursePointEntity,
  EmploymentEntity,
  PersonEntity,
  SickCaseEntity,
  employmentCovers,
} from '../entities/index.js';
import { sickCaseFacts, requireBus, type SickCaseChangedEvent, type SickCaseRecoveredEvent } from '../events/payloads.js';
import { todayInBusinessZone } from '../domain/clock.js';
import {
  ApiScope,
  DossierErrorCode,
  cleanText,
  MAX_DAYS_AHEAD,
  dossierError,
  isUuid,
  personNotFound,
  sickCaseNotFound,
} from '../domain/rules.js';
import { addDays, termForNewPeriod, type IsoDate } from '../domain/term.js';

export interface ReportSicknessCommand {
  personId: string;
  firstSickDay: IsoDate;
  absencePercentage: number;
  expectedRecoveryDate: IsoDate | null;
  workAccident: boolean;
  safetyNet: boolean;
  thirdPartyLiable: boolean;
  whereabouts?: string | null;
  contactPhone?: string | null;
  questionForProfessional?: string | null;
  remarks?: string | null;
}

/** Fields left undefined stay as they are; null clears them. */
export interface UpdateSickCaseCommand {
  sickCaseId: string;
  expectedRecoveryDate?: IsoDate | null;
  whereabouts?: string | null;
  contactPhone?: string | null;
  remarks?: string | null;
  questionForProfessional?: string | null;
}

export interface ReportRecoveryCommand {
  sickCaseId: string;
  recoveredOn: IsoDate;
  /** 0 or null: full recovery; otherwise the remaining absence percentage. */
  absencePercentage: number | null;
}

/** Roles that report sickness and recovery: the employer's HR, the case manager, the administrator, partner software. */
const REPORTING_ROLES = ['EMPLOYER', 'CASE_MANAGER', 'ADMIN', 'API_CLIENT'] as const;

function isOpenCaseConflict(error: unknown): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : null;
  return driverError?.code === '23505' && driverError.constraint === 'sick_case_one_open_per_person';
}

/**
 * Sick report and recovery. Every rule is checked before the first write, inside one transaction
 * that also holds the event: bad input changes nothing and publishes nothing.
 */
export class SickCaseCommands {
  constructor(private readonly deps: ServiceDeps) {}

  async reportSickness(ctx: SubgraphContext, command: ReportSicknessCommand, today: IsoDate = todayInBusinessZone()): Promise<SickCaseEntity> {
    ctx.actor.requireRole(...REPORTING_ROLES);
    ctx.actor.requireApiScope(ApiScope.SICK_CASES_WRITE);
    const { personId, firstSickDay, absencePercentage, expectedRecoveryDate } = command;
    if (!Number.isInteger(absencePercentage) || absencePercentage < 1 || absencePercentage > 100) {
      throw dossierError(DossierErrorCode.INVALID_PERCENTAGE, 'The absence percentage of a sick report must be a whole number from 1 to 100.', {
        field: 'absencePercentage',
      });
    }
    if (firstSickDay > addDays(today, MAX_DAYS_AHEAD)) {
      throw dossierError(
        DossierErrorCode.FIRST_SICK_DAY_TOO_FAR_AHEAD,
        `The first sick day may lie at most ${MAX_DAYS_AHEAD} days ahead.`,
        { field: 'firstSickDay', latestAllowed: addDays(today, MAX_DAYS_AHEAD) },
      );
    }
    if (expectedRecoveryDate !== null && expectedRecoveryDate <= firstSickDay) {
      throw dossierError(DossierErrorCode.EXPECTED_RECOVERY_BEFORE_FIRST_SICK_DAY, 'The expected recovery date must lie after the first sick day.', {
        field: 'expectedRecoveryDate',
      });
    }
    const details = {
      whereabouts: cleanText('whereabouts', command.whereabouts),
      contactPhone: cleanText('contactPhone', command.contactPhone),
      questionForProfessional: cleanText('questionForProfessional', command.questionForProfessional),
      remarks: cleanText('remarks', command.remarks),
    };
    if (!isUuid(personId)) throw personNotFound(personId);

    const bus = requireBus(this.deps.bus);
    try {
      const created = await this.deps.dataSource.transaction(async (manager) => {
        // Serialises reports for the same person, so two concurrent reports cannot both pass the checks.
        const person = await manager.getRepository(PersonEntity).findOne({ where: { id: personId }, lock: { mode: 'pessimistic_write' } });
        const employments = person ? await manager.find(EmploymentEntity, { where: { personId } }) : [];
        if (!person || !coversPerson(ctx.actor, personId, employments)) {
          ctx.accessLog.denied('person', person ? personId : null);
          throw personNotFound(personId);
        }
        const employment = this.employmentOn(ctx, employments, firstSickDay);
        const earlier = await manager.find(SickCaseEntity, { where: { personId }, order: { firstSickDay: 'ASC' } });
        const open = earlier.find((sickCase) => sickCase.status === 'OPEN');
        if (open) {
          throw dossierError(DossierErrorCode.OVERLAPPING_OPEN_CASE, 'This person already has an open sick case; report recovery first.', {
            sickCaseId: coversSickCase(ctx.actor, open) ? open.id : undefined,
          });
        }
        if (earlier.some((sickCase) => sickCase.recoveredOn !== null && sickCase.recoveredOn > firstSickDay)) {
          throw dossierError(DossierErrorCode.OVERLAPPING_CASE, 'The first sick day lies within or before an earlier sick period of this person.', {
            field: 'firstSickDay',
          });
        }

        const term = termForNewPeriod(firstSickDay, earlier);
        const sickCase = manager.create(SickCaseEntity, {
          id: randomUUID(),
          personId,
          employmentId: employment.id,
          employerId: employment.employerId,
          divisionId: employment.divisionId,
          departmentId: employment.departmentId,
          firstSickDay,
          status: 'OPEN',
          absencePercentage,
          expectedRecoveryDate,
          recoveredOn: null,
          termStartDay: term.termStartDay,
          termGapDays: term.termGapDays,
          workAccident: command.workAccident,
          safetyNet: command.safetyNet,
          thirdPartyLiable: command.thirdPartyLiable,
          ...details,
          reportedAt: new Date(),
        });
        await manager.insert(SickCaseEntity, sickCase);
        const point = manager.create(AbsenceCoursePointEntity, { id: randomUUID(), sickCaseId: sickCase.id, from: firstSickDay, absencePercentage });
        await manager.insert(AbsenceCoursePointEntity, point);
        await bus.publish('sick-case.reported', sickCaseFacts(sickCase, [point], employment), { manager });
        return sickCase;
      });
      ctx.accessLog.change('sick-case', 'create', personId);
      return created;
    } catch (error) {
      if (isOpenCaseConflict(error)) {
        throw dossierError(DossierErrorCode.OVERLAPPING_OPEN_CASE, 'This person already has an open sick case; report recovery first.');
      }
      throw error;
    }
  }

  /** The caller-visible employment that runs on the first sick day; the earliest started one if several do. */
  private employmentOn(ctx: SubgraphContext, employments: readonly EmploymentEntity[], day: IsoDate): EmploymentEntity {
    const visible = employments.filter((employment) => canSeeEmployment(ctx.actor, employment));
    if (visible.length === 0) {
      throw dossierError(DossierErrorCode.NO_EMPLOYMENT, 'This person has no employment to report sickness for.');
    }
    const covering = visible
      .filter((employment) => employmentCovers(employment, day))
      .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : 1));
    if (covering[0]) return covering[0];
    if (visible.every((employment) => employment.startDate > day)) {
      const earliest = visible.map((employment) => employment.startDate).sort()[0];
      throw dossierError(DossierErrorCode.FIRST_SICK_DAY_BEFORE_EMPLOYMENT, 'The first sick day lies before the start of the employment.', {
        field: 'firstSickDay',
        employmentStartDate: earliest,
      });
    }
    throw dossierError(DossierErrorCode.FIRST_SICK_DAY_AFTER_EMPLOYMENT, 'The first sick day lies outside every employment of this person.', {
      field: 'firstSickDay',
    });
  }

  /** Changes the details of an open case; no event, as no other service uses them. */
  async updateSickCase(ctx: SubgraphContext, command: UpdateSickCaseCommand): Promise<SickCaseEntity> {
    ctx.actor.requireRole(...REPORTING_ROLES);
    ctx.actor.requireApiScope(ApiScope.SICK_CASES_WRITE);
    const changes: Partial<Pick<SickCaseEntity, 'expectedRecoveryDate' | 'whereabouts' | 'contactPhone' | 'remarks' | 'questionForProfessional'>> = {};
    for (const field of ['whereabouts', 'contactPhone', 'remarks', 'questionForProfessional'] as const) {
      if (command[field] !== undefined) changes[field] = cleanText(field, command[field]);
    }
    if (command.expectedRecoveryDate !== undefined) changes.expectedRecoveryDate = command.expectedRecoveryDate;
    if (!isUuid(command.sickCaseId)) throw sickCaseNotFound(command.sickCaseId);

    const updated = await this.deps.dataSource.transaction(async (manager) => {
      const sickCase = await manager
        .getRepository(SickCaseEntity)
        .findOne({ where: { id: command.sickCaseId }, lock: { mode: 'pessimistic_write' } });
      if (!sickCase || !coversSickCase(ctx.actor, sickCase)) {
        ctx.accessLog.denied('sick-case', sickCase?.personId ?? null);
        throw sickCaseNotFound(command.sickCaseId);
      }
      if (sickCase.status === 'RECOVERED') {
        throw dossierError(DossierErrorCode.SICK_CASE_ALREADY_RECOVERED, 'This sick case has been closed by a recovery; its details can no longer change.');
      }
      if (changes.expectedRecoveryDate && changes.expectedRecoveryDate <= sickCase.firstSickDay) {
        throw dossierError(DossierErrorCode.EXPECTED_RECOVERY_BEFORE_FIRST_SICK_DAY, 'The expected recovery date must lie after the first sick day.', {
          field: 'expectedRecoveryDate',
          firstSickDay: sickCase.firstSickDay,
        });
      }
      if (Object.keys(changes).length > 0) await manager.update(SickCaseEntity, { id: sickCase.id }, changes);
      return (await manager.findOne(SickCaseEntity, { where: { id: sickCase.id } }))!;
    });
    ctx.accessLog.change('sick-case', 'update', updated.personId);
    return updated;
  }

  async reportRecovery(ctx: SubgraphContext, command: ReportRecoveryCommand, today: IsoDate = todayInBusinessZone()): Promise<SickCaseEntity> {
    ctx.actor.requireRole(...REPORTING_ROLES);
    ctx.actor.requireApiScope(ApiScope.SICK_CASES_WRITE);
    const { sickCaseId, recoveredOn } = command;
    const percentage = command.absencePercentage ?? 0;
    if (!Number.isInteger(percentage) || percentage < 0 || percentage > 100) {
      throw dossierError(DossierErrorCode.INVALID_PERCENTAGE, 'The remaining absence percentage must be a whole number from 0 to 100.', {
        field: 'absencePercentage',
      });
    }
    const full = percentage === 0;
    if (full && recoveredOn > today) {
      throw dossierError(DossierErrorCode.RECOVERY_DATE_IN_FUTURE, 'Full recovery can be reported from the day it happens, not ahead.', {
        field: 'recoveredOn',
      });
    }
    if (!full && recoveredOn > addDays(today, MAX_DAYS_AHEAD)) {
      throw dossierError(DossierErrorCode.RECOVERY_TOO_FAR_AHEAD, `A change of the absence percentage may lie at most ${MAX_DAYS_AHEAD} days ahead.`, {
        field: 'recoveredOn',
      });
    }
    if (!isUuid(sickCaseId)) throw sickCaseNotFound(sickCaseId);

    const bus = requireBus(this.deps.bus);
    const updated = await this.deps.dataSource.transaction(async (manager) => {
      const found = await manager.getRepository(SickCaseEntity).findOne({ where: { id: sickCaseId } });
      if (!found || !coversSickCase(ctx.actor, found)) {
        ctx.accessLog.denied('sick-case', found?.personId ?? null);
        throw sickCaseNotFound(sickCaseId);
      }
      // Same lock order as reportSickness (person first), then the case itself as it is now.
      await manager.getRepository(PersonEntity).findOne({ where: { id: found.personId }, lock: { mode: 'pessimistic_write' } });
      const sickCase = (await manager.getRepository(SickCaseEntity).findOne({ where: { id: sickCaseId } }))!;
      if (sickCase.status === 'RECOVERED') {
        throw dossierError(DossierErrorCode.SICK_CASE_ALREADY_RECOVERED, 'This sick case has already been closed by a recovery.');
      }
      const course = await manager.find(AbsenceCoursePointEntity, { where: { sickCaseId }, order: { from: 'ASC' } });
      const last = course[course.length - 1]!;
      if (full ? recoveredOn <= sickCase.firstSickDay : recoveredOn < sickCase.firstSickDay) {
        throw dossierError(
          DossierErrorCode.RECOVERY_BEFORE_FIRST_SICK_DAY,
          full ? 'The recovery date must lie after the first sick day.' : 'A change of the absence percentage cannot start before the first sick day.',
          { field: 'recoveredOn', firstSickDay: sickCase.firstSickDay },
        );
      }
      // Full recovery on the day of an earlier partial change is allowed ("fully recovered today"
      // after "50% from today" this morning): it replaces that step. Only the first sick day itself
      // cannot be a recovery day (checked above).
      if (recoveredOn < last.from) {
        throw dossierError(DossierErrorCode.RECOVERY_BEFORE_LAST_CHANGE, 'The date lies before the latest change of the absence percentage.', {
          field: 'recoveredOn',
          latestChange: last.from,
        });
      }
      if (!full && percentage === last.absencePercentage) {
        throw dossierError(DossierErrorCode.ABSENCE_PERCENTAGE_UNCHANGED, 'The absence percentage is already at this value.', {
          field: 'absencePercentage',
        });
      }

      if (recoveredOn === last.from) {
        // A correction of a change made the same day replaces it instead of stacking two steps on one date.
        last.absencePercentage = percentage;
        await manager.update(AbsenceCoursePointEntity, { id: last.id }, { absencePercentage: percentage });
      } else {
        const point = manager.create(AbsenceCoursePointEntity, { id: randomUUID(), sickCaseId, from: recoveredOn, absencePercentage: percentage });
        await manager.insert(AbsenceCoursePointEntity, point);
        course.push(point);
      }
      sickCase.absencePercentage = percentage;
      if (full) {
        sickCase.status = 'RECOVERED';
        sickCase.recoveredOn = recoveredOn;
      }
      await manager.update(
        SickCaseEntity,
        { id: sickCaseId },
        { absencePercentage: sickCase.absencePercentage, status: sickCase.status, recoveredOn: sickCase.recoveredOn },
      );
      const employment = sickCase.employmentId ? await manager.findOne(EmploymentEntity, { where: { id: sickCase.employmentId } }) : null;
      const facts = sickCaseFacts(sickCase, course, employment);
      const now = new Date().toISOString();
      if (full) {
        const event: SickCaseRecoveredEvent = { ...facts, recoveredOn, recoveredAt: now };
        await bus.publish('sick-case.recovered', event, { manager });
      } else {
        const event: SickCaseChangedEvent = { ...facts, changedFrom: recoveredOn, changedAt: now };
        await bus.publish('sick-case.changed', event, { manager });
      }
      return sickCase;
    });
    ctx.accessLog.change('sick-case', 'update', updated.personId);
    return updated;
  }
}
