import { EventBus, runService, type Identity, type RunningService } from '@poortwachter/kit';
import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../src/domain/dates.js';
import { handlePersonChanged, handleSickCaseReported } from '../../src/events/handlers.js';
import { service } from '../../src/index.js';
import { graphql, newId, scope, waitFor } from '../helpers.js';

let db: DatabaseServer;
let running: RunningService;
let identityBus: EventBus;
const accessLog: { event: string; personId: string | null; role: string | null; userId: string | null }[] = [];

const today = todayIn();
const E1 = newId();
const E2 = newId();
const DIV2 = newId();

const admin: Identity = { sub: newId(), role: 'ADMIN' };
const employer1: Identity = { sub: newId(), role: 'EMPLOYER', scope: scope({ employerIds: [E1] }) };
const teamLeader2: Identity = { sub: newId(), role: 'EMPLOYER', scope: scope({ divisionIds: [DIV2] }) };
const physician: Identity = { sub: newId(), role: 'OCCUPATIONAL_PHYSICIAN', scope: scope({ employerIds: [E1, E2] }) };
const employee: Identity = { sub: newId(), role: 'EMPLOYEE', personId: newId() };
const partner = (apiScopes: string[]): Identity => ({ sub: newId(), role: 'API_CLIENT', scope: scope({ employerIds: [E1] }), apiScopes });

interface Row {
  id: string;
  code: string;
  title: string;
  role: string;
  kind: string;
  signalDay: number;
  deadlineDay: number;
  trigger: string;
  overridden: boolean;
  standardRow: { code: string; signalDay: number; deadlineDay: number; title: string } | null;
}
interface Protocol {
  id: string;
  isStandard: boolean;
  employer: { id: string } | null;
  version: number;
  standardVersion: number;
  rows: Row[];
  history: { version: number; summary: string | null; changedBy: { id: string } | null }[];
}

const PROTOCOL_FIELDS = `id isStandard employer { id } version standardVersion
  rows { id code title role kind signalDay deadlineDay trigger overridden standardRow { code title signalDay deadlineDay } }
  history { version summary changedBy { id } }`;
const PROTOCOL = `query ($employerId: ID) { protocol(employerId: $employerId) { ${PROTOCOL_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateProtocolRowInput!) { updateProtocolRow(input: $input) { ${PROTOCOL_FIELDS} } }`;
const RESET_ROW = `mutation ($input: ResetProtocolRowInput!) { resetProtocolRow(input: $input) { ${PROTOCOL_FIELDS} } }`;
const RESET = `mutation ($input: ResetProtocolInput!) { resetProtocol(input: $input) { ${PROTOCOL_FIELDS} } }`;

const protocol = (identity: Identity | null, employerId?: string) =>
  graphql<{ protocol: Protocol }>(running.url, identity, PROTOCOL, employerId ? { employerId } : {});
const update = (identity: Identity, input: Record<string, unknown>) => graphql<{ updateProtocolRow: Protocol }>(running.url, identity, UPDATE, { input });
const row = (p: Protocol, code: string) => {
  const found = p.rows.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no row ${code}`);
  return found;
};
const versionCount = async () =>
  Number(((await running.deps.dataSource.query(`SELECT count(*) AS n FROM activities.protocol`)) as { n: string }[])[0]!.n);

async function report(employerId: string, divisionId: string | null = null) {
  const personId = newId();
  const sickCaseId = newId();
  await handlePersonChanged(running.deps.dataSource, { personId, employerId, divisionId, departmentId: null, active: true });
  await handleSickCaseReported(running.deps.dataSource, {
    sickCaseId,
    personId,
    employerId,
    divisionId,
    departmentId: null,
    firstSickDay: today,
    termStartDay: today,
    termGapDays: 0,
  });
  const activities = (await running.deps.dataSource.query(
    `SELECT title, role, signal_date::text AS "signalDate", deadline::text AS deadline FROM activities.activity WHERE sick_case_id = $1`,
    [sickCaseId],
  )) as { title: string; role: string; signalDate: string; deadline: string }[];
  return { personId, sickCaseId, activities };
}

beforeAll(async () => {
  db = await startTestDatabase();
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: false });
  identityBus = await EventBus.start({ connectionString: db.url, service: 'identity' });
  await identityBus.subscribe<typeof accessLog>('access.logged', async (entry) => {
    accessLog.push(...(Array.isArray(entry) ? entry : [entry]));
  });
  // Employers become known to activities through their persons.
  await handlePersonChanged(running.deps.dataSource, { personId: newId(), employerId: E1, divisionId: null, departmentId: null, active: true });
  await handlePersonChanged(running.deps.dataSource, { personId: newId(), employerId: E2, divisionId: DIV2, departmentId: null, active: true });
});

afterAll(async () => {
  await identityBus?.stop();
  await running?.close();
  await db?.stop();
});

describe('reading the protocol', () => {
  it('shows the standard protocol of the manual (Bijlage II) as version 1 to every role that works with trajectories', async () => {
    for (const identity of [admin, employer1, physician, partner(['activities:read'])]) {
      const { data, errors } = await protocol(identity);
      expect(errors).toBeUndefined();
      const standard = data!.protocol;
      expect(standard).toMatchObject({ id: 'standard', isStandard: true, employer: null, version: 1, standardVersion: 1 });
      expect(standard.rows).toHaveLength(17);
      expect(row(standard, 'BA_PROBLEEMANALYSE')).toMatchObject({
        title: 'Spreekuur probleemanalyse',
        role: 'BA',
        kind: 'ACTION',
        signalDay: 32,
        deadlineDay: 42,
        trigger: 'SICK_REPORT',
        overridden: false,
        standardRow: null,
      });
      expect(row(standard, 'WG_FREQUENT_VERZUIM_3X').trigger).toBe('FREQUENT_3');
      expect(standard.history).toEqual([{ version: 1, summary: 'Standaardprotocol (handleiding, bijlage II)', changedBy: null }]);
    }
  });

  it('refuses employees, anonymous callers and partners without activities:read', async () => {
    expect((await protocol(employee)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await protocol(null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await protocol(partner(['persons:read']))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("shows an employer's protocol only within the caller's units (a division counts for its employer)", async () => {
    expect((await protocol(employer1, E1)).data?.protocol).toMatchObject({ id: `employer:${E1}`, isStandard: false, employer: { id: E1 }, version: 0 });
    expect((await protocol(teamLeader2, E2)).data?.protocol.employer).toEqual({ id: E2 });
    for (const [identity, employerId] of [
      [employer1, E2],
      [teamLeader2, E1],
      [admin, newId()],
      [admin, 'not-a-uuid'],
    ] as const) {
      const { errors } = await protocol(identity, employerId);
      expect(errors?.[0]?.extensions?.code, `${identity.role} → ${employerId}`).toBe('EMPLOYER_NOT_FOUND');
    }
  });
});

describe('changing the protocol', () => {
  it('refuses everyone but the administrator, changing nothing', async () => {
    const before = await versionCount();
    for (const identity of [employer1, physician, partner(['activities:read', 'activities:write'])]) {
      const { errors } = await update(identity, { code: 'BA_PROBLEEMANALYSE', signalDay: 30 });
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await versionCount()).toBe(before);
  });

  it.each([
    [{ code: 'NO_SUCH_ROW', signalDay: 3 }, 'PROTOCOL_ROW_NOT_FOUND'],
    [{ code: 'BA_PROBLEEMANALYSE', title: '   ' }, 'PROTOCOL_TITLE_REQUIRED'],
    [{ code: 'BA_PROBLEEMANALYSE', title: 'x'.repeat(121) }, 'TEXT_TOO_LONG'],
    [{ code: 'BA_PROBLEEMANALYSE', signalDay: -1 }, 'INVALID_PROTOCOL_DAY'],
    [{ code: 'BA_PROBLEEMANALYSE', deadlineDay: 801 }, 'INVALID_PROTOCOL_DAY'],
    [{ code: 'BA_PROBLEEMANALYSE', signalDay: 43 }, 'DEADLINE_BEFORE_SIGNAL_DAY'],
    [{ code: 'BA_PROBLEEMANALYSE', signalDay: 20, deadlineDay: 10 }, 'DEADLINE_BEFORE_SIGNAL_DAY'],
    [{ code: 'BA_PROBLEEMANALYSE', signalDay: 30, expectedVersion: 7 }, 'PROTOCOL_VERSION_CONFLICT'],
    [{ code: 'BA_PROBLEEMANALYSE', signalDay: 30, employerId: newId() }, 'EMPLOYER_NOT_FOUND'],
    [{ code: 'BA_PROBLEEMANALYSE', signalDay: 30, employerId: 'nope' }, 'EMPLOYER_NOT_FOUND'],
  ])('refuses %j with %s and stores nothing', async (input, code) => {
    const before = await versionCount();
    const { errors } = await update(admin, input);
    expect(errors?.[0]?.extensions?.code).toBe(code);
    expect(await versionCount()).toBe(before);
  });

  it('makes a new standard version that applies to new sick reports only, recorded with who and what', async () => {
    const earlier = await report(E1);
    const logged = accessLog.length;
    const { data, errors } = await update(admin, { code: 'BA_PROBLEEMANALYSE', signalDay: 28, deadlineDay: 35, expectedVersion: 1 });
    expect(errors).toBeUndefined();
    const standard = data!.updateProtocolRow;
    expect(standard.version).toBe(2);
    expect(row(standard, 'BA_PROBLEEMANALYSE')).toMatchObject({ signalDay: 28, deadlineDay: 35, overridden: false });
    expect(standard.rows).toHaveLength(17);
    expect(standard.history[0]).toEqual({
      version: 2,
      summary: 'Spreekuur probleemanalyse: signalering dag 32 → 28, deadline dag 42 → 35',
      changedBy: { id: admin.sub },
    });

    // The change is audit-logged as an administrative change by the administrator.
    await waitFor(async () => accessLog.slice(logged).some((entry) => entry.event === 'protocol.update' && entry.userId === admin.sub), 'audit line');

    // An existing trajectory keeps its dates; a new report gets the new ones.
    const before = earlier.activities.find((activity) => activity.title === 'Spreekuur probleemanalyse')!;
    expect(before).toMatchObject({ signalDate: addDays(today, 32), deadline: addDays(today, 42) });
    const [stillBefore] = (await running.deps.dataSource.query(
      `SELECT signal_date::text AS "signalDate" FROM activities.activity WHERE sick_case_id = $1 AND title = 'Spreekuur probleemanalyse'`,
      [earlier.sickCaseId],
    )) as { signalDate: string }[];
    expect(stillBefore!.signalDate).toBe(addDays(today, 32));
    const later = await report(E2);
    expect(later.activities.find((activity) => activity.title === 'Spreekuur probleemanalyse')).toMatchObject({
      signalDate: addDays(today, 28),
      deadline: addDays(today, 35),
    });
  });

  it('makes no version for a change that changes nothing', async () => {
    const before = await versionCount();
    const { data } = await update(admin, { code: 'BA_PROBLEEMANALYSE', signalDay: 28 });
    expect(data!.updateProtocolRow.version).toBe(2);
    expect(await versionCount()).toBe(before);
  });

  it("overrides a row for one employer only; the employer's other rows follow the standard", async () => {
    const { data, errors } = await update(admin, {
      employerId: E1,
      code: 'WG_INZETBAARHEIDSGESPREK',
      title: 'Verzuimgesprek met leidinggevende',
      signalDay: 0,
      deadlineDay: 3,
      expectedVersion: 0,
    });
    expect(errors).toBeUndefined();
    const own = data!.updateProtocolRow;
    expect(own).toMatchObject({ id: `employer:${E1}`, version: 1, standardVersion: 2 });
    expect(row(own, 'WG_INZETBAARHEIDSGESPREK')).toMatchObject({
      title: 'Verzuimgesprek met leidinggevende',
      deadlineDay: 3,
      overridden: true,
      standardRow: { title: '(Inzetbaarheids)gesprek', deadlineDay: 1 },
    });
    expect(row(own, 'BA_PROBLEEMANALYSE')).toMatchObject({ signalDay: 28, overridden: false });
    expect(own.rows.filter((candidate) => candidate.overridden)).toHaveLength(1);

    const forE1 = await report(E1);
    expect(forE1.activities.find((activity) => activity.title === 'Verzuimgesprek met leidinggevende')).toMatchObject({
      deadline: addDays(today, 3),
    });
    const forE2 = await report(E2);
    expect(forE2.activities.find((activity) => activity.title === '(Inzetbaarheids)gesprek')).toMatchObject({
      deadline: addDays(today, 1),
    });

    // The employer sees its own protocol; the list shows it beside the standard.
    expect(row((await protocol(employer1, E1)).data!.protocol, 'WG_INZETBAARHEIDSGESPREK').overridden).toBe(true);
    const list = await graphql<{ protocols: { id: string }[] }>(running.url, admin, '{ protocols { id } }');
    expect(list.data!.protocols.map((p) => p.id)).toEqual(['standard', `employer:${E1}`]);
    const forEmployer2 = await graphql<{ protocols: { id: string }[] }>(running.url, teamLeader2, '{ protocols { id } }');
    expect(forEmployer2.data!.protocols.map((p) => p.id)).toEqual(['standard']);
  });

  it('a later standard change reaches the employer in the rows it does not override', async () => {
    await update(admin, { code: 'CM_SCREENING_WEEK_1', deadlineDay: 10 });
    const own = (await protocol(admin, E1)).data!.protocol;
    expect(own.standardVersion).toBe(3);
    expect(row(own, 'CM_SCREENING_WEEK_1')).toMatchObject({ deadlineDay: 10, overridden: false });
    expect(row(own, 'WG_INZETBAARHEIDSGESPREK').overridden).toBe(true);
  });

  it('an employer row set back to the standard values follows the standard again', async () => {
    await update(admin, { employerId: E1, code: 'CM_SCREENING_WEEK_1', role: 'BA' });
    let own = (await protocol(admin, E1)).data!.protocol;
    expect(own.version).toBe(2);
    expect(row(own, 'CM_SCREENING_WEEK_1')).toMatchObject({ role: 'BA', overridden: true });
    own = (await update(admin, { employerId: E1, code: 'CM_SCREENING_WEEK_1', role: 'CM' })).data!.updateProtocolRow;
    expect(own.version).toBe(3);
    expect(row(own, 'CM_SCREENING_WEEK_1').overridden).toBe(false);
    expect(own.history[0]!.summary).toBe('Screening dossier week 1: rol bedrijfsarts → casemanager (weer gelijk aan de standaard)');
  });

  it('resets one row, then all rows, to the standard', async () => {
    await update(admin, { employerId: E1, code: 'WG_PLAN_VAN_AANPAK', deadlineDay: 50 });
    let own = (await protocol(admin, E1)).data!.protocol;
    expect(own.rows.filter((candidate) => candidate.overridden).map((candidate) => candidate.code).sort()).toEqual([
      'WG_INZETBAARHEIDSGESPREK',
      'WG_PLAN_VAN_AANPAK',
    ]);

    const reset = await graphql<{ resetProtocolRow: Protocol }>(running.url, admin, RESET_ROW, {
      input: { employerId: E1, code: 'WG_PLAN_VAN_AANPAK', expectedVersion: own.version },
    });
    expect(reset.errors).toBeUndefined();
    own = reset.data!.resetProtocolRow;
    expect(row(own, 'WG_PLAN_VAN_AANPAK')).toMatchObject({ deadlineDay: 56, overridden: false });
    expect(row(own, 'WG_INZETBAARHEIDSGESPREK').overridden).toBe(true);
    expect(own.history[0]!.summary).toBe('Plan van aanpak: terug naar de standaard');

    const before = await versionCount();
    const again = await graphql<{ resetProtocolRow: Protocol }>(running.url, admin, RESET_ROW, {
      input: { employerId: E1, code: 'WG_PLAN_VAN_AANPAK' },
    });
    expect(again.data!.resetProtocolRow.version).toBe(own.version);
    expect(await versionCount()).toBe(before);
    const unknown = await graphql(running.url, admin, RESET_ROW, { input: { employerId: E1, code: 'NOPE' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PROTOCOL_ROW_NOT_FOUND');

    const all = await graphql<{ resetProtocol: Protocol }>(running.url, admin, RESET, { input: { employerId: E1 } });
    expect(all.errors).toBeUndefined();
    expect(all.data!.resetProtocol.rows.some((candidate) => candidate.overridden)).toBe(false);
    const forE1 = await report(E1);
    expect(forE1.activities.find((activity) => activity.title === '(Inzetbaarheids)gesprek')).toMatchObject({ deadline: addDays(today, 1) });
    const refused = await graphql(running.url, employer1, RESET, { input: { employerId: E1 } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps concurrent changes apart: the second writer with the same expected version gets a conflict', async () => {
    const current = (await protocol(admin)).data!.protocol.version;
    const results = await Promise.all([
      update(admin, { code: 'WG_REMINDER_SPREEKUUR_BA', deadlineDay: 30, expectedVersion: current }),
      update(admin, { code: 'WG_REMINDER_ONDERSTEUNING_CM', deadlineDay: 30, expectedVersion: current }),
    ]);
    const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['OK', 'PROTOCOL_VERSION_CONFLICT']);
    expect((await protocol(admin)).data!.protocol.version).toBe(current + 1);
  });
});
