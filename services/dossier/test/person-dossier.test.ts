import { demoId } from '@poortwachter/kit';
import { unzipSync, strFromU8, unzlibSync } from 'fflate';
import { PDFDocument, PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInBusinessZone } from '../src/domain/clock.js';
import { addDays } from '../src/domain/term.js';
import { isValidBsn, normalisePostalCode } from '../src/domain/validation.js';
import { sortKey, sortedDisplayName } from '../src/persons/names.js';
import { buildDemoPlan } from '../src/seed/plan.js';
import { actors, codes, fileRequest, jobsIn, startDossier, type DossierHarness, type Loose } from './helpers.js';

let harness: DossierHarness;
const today = todayInBusinessZone();
const plan = buildDemoPlan(today);
const employer1 = demoId('employer', 1);
const sanne = plan.persons.find((person) => person.index === 1)!;
const sanneCase = plan.sickCases.find((sickCase) => sickCase.personIndex === 1 && sickCase.recoveredOn === null)!;

beforeAll(async () => {
  harness = await startDossier();
});
afterAll(async () => {
  await harness?.stop();
});

const count = async (table: string) => (await harness.sql(`SELECT count(*)::int AS n FROM dossier.${table}`))[0].n as number;

describe('names and validation (unit)', () => {
  it('files "de Vries" under V and shows "Vries, J. de"', () => {
    expect(sortedDisplayName({ firstName: 'Jan', lastName: 'de Vries', initials: 'J.' })).toBe('Vries, J. de');
    expect(sortedDisplayName({ firstName: 'Piet', lastName: 'van der Berg', initials: null })).toBe('Berg, P. van der');
    expect(sortKey({ firstName: 'Jan', lastName: 'de Vries' }) > sortKey({ firstName: 'Anna', lastName: 'Bakker' })).toBe(true);
  });
  it('applies the eleven test and the Dutch postcode rule', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(normalisePostalCode('1234ab')).toBe('1234 AB');
    expect(normalisePostalCode('0123 AB')).toBeNull();
    expect(normalisePostalCode('1234 SS')).toBeNull();
  });
});

const PERSONS = /* GraphQL */ `
  query Persons($filter: PersonFilter, $sort: PersonSort, $page: PageInput) {
    persons(filter: $filter, sort: $sort, page: $page) { total items { id lastName listName listedEmployment { jobTitle employer { name } } } }
  }
`;

describe('persons list', () => {
  it('finds "de Vries" by "vries" and sorts by surname without tussenvoegsel on the server', async () => {
    const found = await harness.gql(actors.employer1, PERSONS, { filter: { lastName: 'vries' } });
    expect(found.errors).toBeUndefined();
    expect(found.data.persons.items.map((person: Loose) => person.id)).toContain(sanne.id);
    const all = await harness.gql(actors.employer1, PERSONS, { page: { limit: 200 } });
    const keys = all.data.persons.items.map((person: Loose) => sortKey({ firstName: '', lastName: person.lastName }).trim());
    expect([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(keys);
    const sanneRow = all.data.persons.items.find((person: Loose) => person.id === sanne.id);
    expect(sanneRow.listName).toMatch(/^Vries, .* de$/);
    const second = await harness.gql(actors.employer1, PERSONS, { page: { offset: 10, limit: 10 } });
    expect(second.data.persons.items.map((person: Loose) => person.id)).toEqual(all.data.persons.items.slice(10, 20).map((person: Loose) => person.id));
    expect(second.data.persons.total).toBe(all.data.persons.total);
  });

  it('sorts by an employment column and keeps other employers out', async () => {
    const byJob = await harness.gql(actors.employer1, PERSONS, { sort: { field: 'JOB_TITLE', direction: 'DESC' }, page: { limit: 200 } });
    const titles = byJob.data.persons.items.map((person: Loose) => (person.listedEmployment?.jobTitle ?? '').toLowerCase());
    expect([...titles].sort().reverse()).toEqual(titles);
    expect(new Set(byJob.data.persons.items.map((person: Loose) => person.listedEmployment.employer.name)).size).toBe(1);
  });
});

const CREATE = /* GraphQL */ `
  mutation Create($input: NewEmployeeInput!) {
    createEmployee(input: $input) { created duplicate invitationRequested person { id lastName bsn listName employments { hoursPerWeek partTimeFactor workPattern { weeks } } } }
  }
`;
const newEmployee = (overrides: Loose = {}) => ({
  person: { firstName: 'Kees', lastName: 'van der Meer', dateOfBirth: '1985-03-04', bsn: '111222333', ...overrides.person },
  address: { street: 'Dorpsstraat', houseNumber: '1', postalCode: '4001ab', city: 'Tiel', ...overrides.address },
  contact: { email: 'kees@example.org', phone: '06 12345678', ...overrides.contact },
  employment: {
    employerId: employer1,
    startDate: addDays(today, -30),
    workPattern: { weeks: [[8, 8, 8, 8, 0, 0, 0]] },
    fullTimeHoursPerWeek: 40,
    ...overrides.employment,
  },
});

describe('new employee', () => {
  it('refuses a wrong BSN, postcode and phone with their codes and paths, storing nothing', async () => {
    const before = await count('person');
    const response = await harness.gql(actors.employer1, CREATE, {
      input: newEmployee({ person: { bsn: '123456789' }, address: { postalCode: '12' }, contact: { phone: '12' } }),
    });
    expect(codes(response)).toEqual(['INVALID_BSN']);
    const problems = response.errors![0]!.extensions!.problems as Loose[];
    expect(problems.map((problem) => [problem.code, problem.field])).toEqual([
      ['INVALID_BSN', 'person.bsn'],
      ['INVALID_POSTAL_CODE', 'address.postalCode'],
      ['INVALID_PHONE_NUMBER', 'contact.phone'],
    ]);
    expect(response.errors![0]!.extensions!.argumentPath).toEqual(['input', 'person', 'bsn']);
    expect(await count('person')).toBe(before);
  });

  it('creates person and employment with the part-time factor, publishes events and invites where the employer says so', async () => {
    await harness.gql(actors.admin, `mutation { setEmployerInvitationSetting(employerId: "${employer1}", inviteEmployeesOnCreation: true) { inviteEmployeesOnCreation } }`);
    const response = await harness.gql(actors.employer1, CREATE, { input: newEmployee() });
    expect(response.errors).toBeUndefined();
    const result = response.data.createEmployee;
    expect(result).toMatchObject({ created: true, duplicate: null, invitationRequested: true });
    expect(result.person.listName).toBe('Meer, K. van der');
    expect(result.person.employments[0]).toMatchObject({ hoursPerWeek: 32, partTimeFactor: 0.8 });
    const events = await jobsIn(harness, 'reporting.employment.changed');
    expect(events.some((job) => job.data.personId === result.person.id && job.data.partTimeFactor === 0.8)).toBe(true);
    const invites = await jobsIn(harness, 'identity.employee.invitation-requested');
    expect(invites.map((job) => job.data.personId)).toContain(result.person.id);

    const again = await harness.gql(actors.employer1, CREATE, { input: newEmployee({ person: { firstName: 'K.' } }) });
    expect(again.data.createEmployee).toMatchObject({ created: false, duplicate: 'SAME_BSN', person: { id: result.person.id } });
    const sameName = await harness.gql(actors.employer1, CREATE, { input: newEmployee({ person: { bsn: null } }) });
    expect(sameName.data.createEmployee).toMatchObject({ created: false, duplicate: 'SAME_NAME_AND_DATE_OF_BIRTH', person: { id: result.person.id } });
    const elsewhere = await harness.gql(actors.employer2, CREATE, { input: newEmployee({ employment: { employerId: demoId('employer', 2) } }) });
    expect(codes(elsewhere)).toEqual(['BSN_IN_USE']);
  });

  it('refuses a team leader placing someone outside their department, and the planner', async () => {
    const before = await count('person');
    const other = await harness.gql(actors.teamLeader, CREATE, {
      input: newEmployee({ person: { bsn: null, firstName: 'Team' }, employment: { departmentId: demoId('department', 2) } }),
    });
    expect(codes(other)).toEqual(['DEPARTMENT_NOT_FOUND']);
    expect(codes(await harness.gql(actors.planner, CREATE, { input: newEmployee({ person: { bsn: null, firstName: 'Plan' } }) }))).toEqual(['FORBIDDEN']);
    expect(await count('person')).toBe(before);
  });
});

describe('P&O dossier and report', () => {
  it('stores notes for HR only and generates the Inzetbaarheidsgesprek as docx and PDF with the note text', async () => {
    const added = await harness.gql(
      actors.employer1,
      `mutation($input: AddHrNoteInput!) { addHrNote(input: $input) { id folder text } }`,
      { input: { personId: sanne.id, folder: 'ABSENCE_MEETING', title: 'Gesprek', text: 'Sanne kan halve dagen administratief werk doen.' } },
    );
    expect(added.errors).toBeUndefined();
    const notesQuery = `query { person(id: "${sanne.id}") { hrNotes { id text } } }`;
    expect((await harness.gql(actors.employer1, notesQuery)).data.person.hrNotes.map((note: Loose) => note.id)).toContain(added.data.addHrNote.id);
    for (const identity of [actors.planner, actors.caseManager, actors.physician]) {
      expect((await harness.gql(identity, notesQuery)).data.person.hrNotes).toEqual([]);
    }
    const notesBefore = await count('hr_note');
    const refused = await harness.gql(actors.planner, `mutation { addHrNote(input: { personId: "${sanne.id}", folder: BACKGROUND, title: "x", text: "y" }) { id } }`);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    expect(await count('hr_note')).toBe(notesBefore);

    const generated = await harness.gql(
      actors.employer1,
      `mutation { generateReport(input: { personId: "${sanne.id}", template: INZETBAARHEIDSGESPREK }) { id mimeType template contentPath } }`,
    );
    expect(generated.errors).toBeUndefined();
    const [docx, pdf] = generated.data.generateReport;
    expect(docx.template).toBe('INZETBAARHEIDSGESPREK');
    const docxBytes = new Uint8Array(await (await fileRequest(harness, actors.employer1, docx.contentPath)).arrayBuffer());
    expect(strFromU8(unzipSync(docxBytes)['word/document.xml']!)).toContain('Sanne kan halve dagen administratief werk doen.');
    const pdfBytes = new Uint8Array(await (await fileRequest(harness, actors.employer1, pdf.contentPath)).arrayBuffer());
    const parsed = await PDFDocument.load(pdfBytes);
    expect(parsed.getTitle()).toBe('WG – Inzetbaarheidsgesprek');
    const hex = Buffer.from('halve dagen', 'latin1').toString('hex').toUpperCase();
    const streams = parsed.context.enumerateIndirectObjects().map(([, object]) => object).filter((object) => object instanceof PDFRawStream);
    const texts = streams.map((stream) => {
      try {
        return strFromU8(unzlibSync((stream as PDFRawStream).getContents()));
      } catch {
        return '';
      }
    });
    expect(texts.some((content) => content.toUpperCase().includes(hex))).toBe(true);
  });
});

describe('partner API', () => {
  const client = actors.apiClient(['persons:read', 'persons:write']);
  const UPSERT = `mutation($input: PartnerPersonInput!) { partnerUpsertPerson(input: $input) { outcome changedFields person { id } } }`;
  const input = {
    employeeNumber: 'AFAS-1001',
    person: { firstName: 'Lotte', lastName: 'Jansen', dateOfBirth: '1990-01-02' },
    contact: { email: 'lotte@example.org' },
    employment: { startDate: addDays(today, -10), hoursPerWeek: 24 },
  };

  it('creates once, answers UNCHANGED on a repeat without events, and UPDATED with the changed fields', async () => {
    const created = await harness.gql(client, UPSERT, { input });
    expect(created.data.partnerUpsertPerson.outcome).toBe('CREATED');
    const jobs = (await jobsIn(harness, 'reporting.person.changed')).length;
    const repeat = await harness.gql(client, UPSERT, { input });
    expect(repeat.data.partnerUpsertPerson).toMatchObject({ outcome: 'UNCHANGED', changedFields: [], person: { id: created.data.partnerUpsertPerson.person.id } });
    expect((await jobsIn(harness, 'reporting.person.changed')).length).toBe(jobs);
    const changed = await harness.gql(client, UPSERT, { input: { ...input, person: { ...input.person, lastName: 'Jansen-de Boer' } } });
    expect(changed.data.partnerUpsertPerson).toMatchObject({ outcome: 'UPDATED', changedFields: ['person.lastName'] });

    const END = `mutation($input: PartnerEndEmploymentInput!) { partnerEndEmployment(input: $input) { outcome employment { endDate } } }`;
    const end = { employeeNumber: 'AFAS-1001', startDate: input.employment.startDate, endDate: addDays(today, 30) };
    expect((await harness.gql(client, END, { input: end })).data.partnerEndEmployment.outcome).toBe('UPDATED');
    expect((await harness.gql(client, END, { input: end })).data.partnerEndEmployment.outcome).toBe('UNCHANGED');
  });

  it('validates like the wizard and needs persons:write', async () => {
    const before = await count('person');
    const wrong = await harness.gql(client, UPSERT, { input: { ...input, employeeNumber: 'AFAS-2', person: { ...input.person, bsn: '123456789' } } });
    expect(codes(wrong)).toEqual(['INVALID_BSN']);
    expect(codes(await harness.gql(actors.apiClient(['persons:read']), UPSERT, { input: { ...input, employeeNumber: 'AFAS-3' } }))).toEqual(['FORBIDDEN']);
    expect(await count('person')).toBe(before);
  });
});

describe('planner least privilege', () => {
  it('gets names and contact data, nothing of the dossier', async () => {
    const response = await harness.gql(
      actors.planner,
      `query { person(id: "${sanne.id}") { fullName email phone dateOfBirth bsn address { city } employments { id } placement { employer { name } }
        documents { id } sickCases { remarks questionForProfessional absenceCourse { from } documents { id } notes { id } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const person = response.data.person;
    expect(person.fullName).toBe(`${sanne.firstName} ${sanne.lastName}`);
    expect(person.email).toBe(sanne.email);
    expect(person).toMatchObject({ dateOfBirth: null, bsn: null, address: null, employments: [], documents: [] });
    expect(person.placement.employer.name).toBeTruthy();
    for (const sickCase of person.sickCases) expect(sickCase).toMatchObject({ remarks: null, questionForProfessional: null, absenceCourse: [], documents: [], notes: [] });
  });

  it('cannot download or upload files, and cannot add notes', async () => {
    const [document] = await harness.sql(`SELECT id FROM dossier.document WHERE sick_case_id = $1 LIMIT 1`, [sanneCase.id]);
    expect((await fileRequest(harness, actors.planner, `/files/documents/${document.id}`)).status).toBe(404);
    const form = new FormData();
    form.set('description', 'x');
    form.set('file', new Blob([Buffer.from('%PDF-1.4\n')]), 'x.pdf');
    const before = await count('document');
    expect((await fileRequest(harness, actors.planner, `/files/sick-cases/${sanneCase.id}/documents`, { method: 'POST', body: form })).status).toBe(403);
    const notes = await count('note');
    expect(codes(await harness.gql(actors.planner, `mutation { addNote(input: { sickCaseId: "${sanneCase.id}", text: "x" }) { id } }`))).toEqual(['FORBIDDEN']);
    expect(await count('document')).toBe(before);
    expect(await count('note')).toBe(notes);
  });

  it('casemanager gets contact and date of birth but no address, gender or BSN', async () => {
    const person = (await harness.gql(actors.caseManager, `query { person(id: "${sanne.id}") { email dateOfBirth gender bsn address { city } } }`)).data.person;
    expect(person).toMatchObject({ email: sanne.email, dateOfBirth: sanne.dateOfBirth, gender: null, bsn: null, address: null });
    const employer = (await harness.gql(actors.employer1, `query { person(id: "${sanne.id}") { gender address { city } } }`)).data.person;
    expect(employer.address.city).toBe(sanne.city);
  });
});

describe('sick report defects', () => {
  it('keeps the question for the professional, and accepts full recovery on the day of a partial change', async () => {
    const person = plan.persons.find((candidate) => candidate.employment.employerId === employer1 && !candidate.employment.endDate && !plan.sickCases.some((c) => c.personId === candidate.id))!;
    const reported = await harness.gql(
      actors.employer1,
      `mutation($input: ReportSicknessInput!) { reportSickness(input: $input) { id questionForProfessional } }`,
      { input: { personId: person.id, firstSickDay: addDays(today, -3), questionForProfessional: 'Wat kan zij nog?', remarks: 'Belt zelf' } },
    );
    const id = reported.data.reportSickness.id;
    const read = await harness.gql(actors.employer1, `query { sickCase(id: "${id}") { questionForProfessional remarks } }`);
    expect(read.data.sickCase).toEqual({ questionForProfessional: 'Wat kan zij nog?', remarks: 'Belt zelf' });
    const RECOVER = `mutation($input: ReportRecoveryInput!) { reportRecovery(input: $input) { status absenceCourse { from absencePercentage } } }`;
    expect((await harness.gql(actors.employer1, RECOVER, { input: { sickCaseId: id, recoveredOn: today, absencePercentage: 50 } })).errors).toBeUndefined();
    const full = await harness.gql(actors.employer1, RECOVER, { input: { sickCaseId: id, recoveredOn: today } });
    expect(full.errors).toBeUndefined();
    expect(full.data.reportRecovery.status).toBe('RECOVERED');
    expect(full.data.reportRecovery.absenceCourse.at(-1)).toEqual({ from: today, absencePercentage: 0 });
  });
});

describe('Persoonsgegevens and Dienstverband', () => {
  const UPDATE = `mutation($input: UpdatePersonDetailsInput!) { updatePersonDetails(input: $input) { id phone address { postalCode } } }`;

  it('changes details in scope with an access-log line, refuses other employers and the planner', async () => {
    const person = plan.persons.find((candidate) => candidate.employment.employerId === employer1 && candidate.index > 5)!;
    const logsBefore = (await jobsIn(harness, 'identity.access.logged')).length;
    const updated = await harness.gql(actors.employer1, UPDATE, {
      input: { personId: person.id, contact: { email: person.email, phone: '0612345678' }, address: { street: 'Kade', houseNumber: '2', postalCode: '4001 AB', city: 'Tiel' } },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updatePersonDetails).toMatchObject({ phone: '+31612345678', address: { postalCode: '4001 AB' } });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const logs = (await jobsIn(harness, 'identity.access.logged')).slice(logsBefore).flatMap((job) => (Array.isArray(job.data) ? job.data : [job.data]));
    expect(logs.some((line: Loose) => line.event === 'person.update' && line.personId === person.id)).toBe(true);
    const stored = async () => (await harness.sql(`SELECT phone FROM dossier.person WHERE id = $1`, [person.id]))[0].phone;
    for (const identity of [actors.employer2, actors.planner, actors.caseManager]) {
      const refused = await harness.gql(identity, UPDATE, { input: { personId: person.id, contact: { phone: '0687654321' } } });
      expect(refused.data).toBeNull();
      expect(['PERSON_NOT_FOUND', 'FORBIDDEN']).toContain(codes(refused)[0]);
    }
    expect(await stored()).toBe('+31612345678');
  });

  it('adds, copies, ends and deletes employments with the rules on sick cases', async () => {
    const created = await harness.gql(actors.employer1, CREATE, {
      input: newEmployee({ person: { bsn: null, firstName: 'Dienst', lastName: 'Verband', dateOfBirth: '1979-05-06' } }),
    });
    const personId = created.data.createEmployee.person.id;
    const ADD = `mutation($input: AddEmploymentInput!) { addEmployment(input: $input) { id hoursPerWeek partTimeFactor texts { tasks } } }`;
    const added = await harness.gql(actors.employer1, ADD, {
      input: { personId, employment: { employerId: employer1, startDate: addDays(today, -5), hoursPerWeek: 20, fullTimeHoursPerWeek: 40, texts: { tasks: 'Planning' } } },
    });
    expect(added.data.addEmployment).toMatchObject({ hoursPerWeek: 20, partTimeFactor: 0.5, texts: { tasks: 'Planning' } });
    const bad = await harness.gql(actors.employer1, ADD, {
      input: { personId, employment: { employerId: employer1, startDate: addDays(today, -5), endDate: addDays(today, -6), hoursPerWeek: 200 } },
    });
    expect(codes(bad)).toEqual(['END_BEFORE_START']);
    expect((bad.errors![0]!.extensions!.problems as Loose[]).map((problem) => problem.code)).toEqual(['END_BEFORE_START', 'INVALID_HOURS']);

    const copy = await harness.gql(actors.employer1, `mutation { copyEmployment(input: { employmentId: "${added.data.addEmployment.id}", startDate: "${today}" }) { id startDate hoursPerWeek } }`);
    expect(copy.data.copyEmployment).toMatchObject({ startDate: today, hoursPerWeek: 20 });
    const [source] = await harness.sql(`SELECT end_date::text FROM dossier.employment WHERE id = $1`, [added.data.addEmployment.id]);
    expect(source.end_date).toBe(addDays(today, -1));

    const deleted = await harness.gql(actors.employer1, `mutation { deleteEmployment(employmentId: "${copy.data.copyEmployment.id}") }`);
    expect(deleted.data.deleteEmployment).toBe(copy.data.copyEmployment.id);
    const sickEmployment = sanneCase.employment.id;
    expect(codes(await harness.gql(actors.employer1, `mutation { deleteEmployment(employmentId: "${sickEmployment}") }`))).toEqual(['EMPLOYMENT_IN_USE']);
    expect(codes(await harness.gql(actors.employer2, `mutation { deleteEmployment(employmentId: "${sickEmployment}") }`))).toEqual(['EMPLOYMENT_NOT_FOUND']);
    const ended = await harness.gql(actors.employer1, `mutation { endEmployment(input: { employmentId: "${added.data.addEmployment.id}", endDate: "${addDays(today, -6)}" }) { id } }`);
    expect(codes(ended)).toEqual(['END_BEFORE_START']);
  });
});
