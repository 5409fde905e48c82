import { DEMO_EMPLOYERS, demoId, type ServiceDeps } from '@poortwachter/kit';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import {
  AbsenceCoursePointEntity,
  DepartmentEntity,
  DivisionEntity,
  EmployerEntity,
  EmploymentEntity,
  PersonEntity,
  SickCaseEntity,
} from '../entities/index.js';
import {
  employmentChanged,
  personChanged,
  requireBus,
  sickCaseFacts,
  type SickCaseChangedEvent,
  type SickCaseRecoveredEvent,
  type SickCaseReportedEvent,
} from '../events/payloads.js';
import { todayInBusinessZone } from '../domain/clock.js';
import type { IsoDate } from '../domain/term.js';
import { buildDemoPlan, type SickCasePlan } from './plan.js';

/**
 * Inserts the rows that are missing and publishes events for exactly those, in one transaction:
 * running it twice changes nothing, and a crash halfway leaves nothing half-seeded. Other
 * subgraphs (activities, reporting, agenda) build their state from these events, through the same
 * path as live changes.
 */
export async function seedDemoData(deps: ServiceDeps, today: IsoDate = todayInBusinessZone()): Promise<SeedResult> {
  const bus = requireBus(deps.bus);
  const plan = buildDemoPlan(today);
  return deps.dataSource.transaction(async (manager) => {
    await insertMissing(
      manager,
      EmployerEntity,
      DEMO_EMPLOYERS.map((employer) => ({ id: demoId('employer', employer.index), name: employer.name })),
    );
    await insertMissing(
      manager,
      DivisionEntity,
      DEMO_EMPLOYERS.flatMap((employer) =>
        employer.divisions.map((division) => ({ id: demoId('division', division.index), employerId: demoId('employer', employer.index), name: division.name })),
      ),
    );
    await insertMissing(
      manager,
      DepartmentEntity,
      DEMO_EMPLOYERS.flatMap((employer) =>
        employer.divisions.flatMap((division) =>
          division.departments.map((department) => ({
            id: demoId('department', department.index),
            divisionId: demoId('division', division.index),
            employerId: demoId('employer', employer.index),
            name: department.name,
          })),
        ),
      ),
    );

    const newPersons = await insertMissing(
      manager,
      PersonEntity,
      plan.persons.map(({ employment: _employment, index: _index, ...person }) => person),
    );
    const newEmployments = await insertMissing(
      manager,
      EmploymentEntity,
      plan.persons.map((person) => person.employment),
    );
    for (const person of plan.persons) {
      if (!newPersons.has(person.id)) continue;
      const employment = manager.create(EmploymentEntity, person.employment);
      await bus.publish('person.changed', personChanged(person.id, [employment], today), { manager });
    }
    for (const person of plan.persons) {
      if (newEmployments.has(person.employment.id)) {
        await bus.publish('employment.changed', employmentChanged(manager.create(EmploymentEntity, person.employment)), { manager });
      }
    }

    const newCases = await insertMissing(
      manager,
      SickCaseEntity,
      plan.sickCases.map((sickCase) => caseRow(sickCase)),
    );
    const cases = plan.sickCases.filter((sickCase) => newCases.has(sickCase.id));
    await insertMissing(
      manager,
      AbsenceCoursePointEntity,
      cases.flatMap((sickCase) => sickCase.course.map((point) => ({ ...point, sickCaseId: sickCase.id }))),
    );
    for (const sickCase of cases) await publishHistory(manager, deps, sickCase, today);

    return {
      persons: newPersons.size,
      employments: newEmployments.size,
      sickCases: newCases.size,
    };
  });
}

export interface SeedResult {
  persons: number;
  employments: number;
  sickCases: number;
}

function caseRow(sickCase: SickCasePlan): Omit<SickCaseEntity, 'createdAt' | 'updatedAt'> {
  const last = sickCase.course[sickCase.course.length - 1]!;
  return {
    id: sickCase.id,
    personId: sickCase.personId,
    employmentId: sickCase.employment.id,
    employerId: sickCase.employment.employerId,
    divisionId: sickCase.employment.divisionId,
    departmentId: sickCase.employment.departmentId,
    firstSickDay: sickCase.firstSickDay,
    status: sickCase.recoveredOn ? 'RECOVERED' : 'OPEN',
    absencePercentage: last.absencePercentage,
    expectedRecoveryDate: sickCase.expectedRecoveryDate,
    recoveredOn: sickCase.recoveredOn,
    termStartDay: sickCase.termStartDay,
    termGapDays: sickCase.termGapDays,
    workAccident: sickCase.workAccident,
    safetyNet: sickCase.safetyNet,
    thirdPartyLiable: sickCase.thirdPartyLiable,
    whereabouts: null,
    contactPhone: null,
    questionForProfessional: null,
    remarks: null,
    // Reported on the first sick day, as an employer would have done.
    reportedAt: new Date(`${sickCase.firstSickDay}T08:00:00Z`),
  };
}

/** Replays the case as it happened: reported, each change of the percentage, then the recovery. */
async function publishHistory(manager: EntityManager, deps: ServiceDeps, plan: SickCasePlan, today: IsoDate): Promise<void> {
  const bus = requireBus(deps.bus);
  const employment = manager.create(EmploymentEntity, plan.employment);
  const row = manager.create(SickCaseEntity, caseRow(plan));
  const points = plan.course.map((point) => manager.create(AbsenceCoursePointEntity, { ...point, sickCaseId: plan.id }));
  const stateAfter = (count: number, recovered: boolean): SickCaseEntity =>
    manager.create(SickCaseEntity, {
      ...row,
      status: recovered ? 'RECOVERED' : 'OPEN',
      recoveredOn: recovered ? plan.recoveredOn : null,
      absencePercentage: points[count - 1]!.absencePercentage,
    });

  const reported: SickCaseReportedEvent = {
    ...sickCaseFacts(stateAfter(1, false), points.slice(0, 1), employment),
    // The demo's history counts as handled; only what falls due from today on shows up as work.
    handledBefore: today,
  };
  await bus.publish('sick-case.reported', reported, { manager });
  const changes = plan.recoveredOn ? points.length - 1 : points.length;
  for (let count = 2; count <= changes; count++) {
    const event: SickCaseChangedEvent = {
      ...sickCaseFacts(stateAfter(count, false), points.slice(0, count), employment),
      changedFrom: points[count - 1]!.from,
      changedAt: `${points[count - 1]!.from}T08:00:00.000Z`,
    };
    await bus.publish('sick-case.changed', event, { manager });
  }
  if (plan.recoveredOn) {
    const event: SickCaseRecoveredEvent = {
      ...sickCaseFacts(stateAfter(points.length, true), points, employment),
      recoveredOn: plan.recoveredOn,
      recoveredAt: `${plan.recoveredOn}T08:00:00.000Z`,
    };
    await bus.publish('sick-case.recovered', event, { manager });
  }
}

/** INSERT … ON CONFLICT DO NOTHING; returns the ids of the rows actually inserted. */
async function insertMissing<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: new () => T,
  rows: Partial<T>[],
): Promise<Set<string>> {
  const inserted = new Set<string>();
  // Postgres allows 65,535 parameters per statement.
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      .values(chunk as any)
      .orIgnore()
      .returning('id')
      .execute();
    for (const raw of result.raw as { id: string }[]) inserted.add(raw.id);
  }
  return inserted;
}
