import { demoId, type ServiceDeps } from '@poortwachter/kit';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import {
  DocumentEntity,
  NoteEntity,
  SignatureRequestEntity,
  type DocumentCategory,
  type DocumentSource,
  type SignatureStatus,
} from '../entities/index.js';
import { todayInBusinessZone } from '../domain/clock.js';
import { addDays, type IsoDate } from '../domain/term.js';
import { sha256Hex, stampSignature } from '../documents/signing.js';
import type { DocumentStorage } from '../storage/index.js';
import { buildDemoPlan, type PersonPlan, type SickCasePlan } from './plan.js';
import { demoCardPng, demoSignaturePng, renderLetter, type Letter } from './letters.js';

/*
 * Documents, notes and signature requests of the demo dossiers. The demo employee (person 1,
 * Sanne de Vries) has everything the employee manual shows: UWV documents (probleemanalyse, plan
 * van aanpak), invitations, her own upload, two documents waiting for her signature, one signed
 * and one declined earlier, and notes that are and are not shared with her (one medical). Other
 * persons get the documents their trajectory stage calls for. Ids and storage keys are
 * deterministic, so seeding again adds nothing; content is only rendered for what is missing.
 */

/** Demo users as seeded by identity (`demoId('user', position in DEMO_USERS)`). */
const USERS = {
  employer: { id: demoId('user', 2), name: 'Peter Jansen', role: 'EMPLOYER' },
  physician: { id: demoId('user', 5), name: 'dr. Marieke Bos', role: 'OCCUPATIONAL_PHYSICIAN' },
  caseManager: { id: demoId('user', 6), name: 'Ruben Visser', role: 'CASE_MANAGER' },
  planner: { id: demoId('user', 7), name: 'Ingrid Smit', role: 'PLANNER' },
} as const;
const ARBODIENST = 'De Arbodienst - bedrijfsarts dr. Marieke Bos';

interface DocumentSpec {
  key: string;
  sickCase: SickCasePlan;
  person: PersonPlan;
  title: string;
  description: string | null;
  category: DocumentCategory;
  source: DocumentSource;
  by: { id: string; name: string } | null;
  fileName: string;
  mimeType: string;
  day: IsoDate;
  sharedWithEmployee: boolean;
  visibleToEmployer: boolean;
  render: () => Promise<Uint8Array>;
  signature?: { status: SignatureStatus; requestedOn: IsoDate; by: { id: string; name: string }; handledOn?: IsoDate; declineReason?: string };
}

interface NoteSpec {
  key: string;
  sickCase: SickCasePlan;
  author: { id: string; name: string; role: string };
  text: string;
  day: IsoDate;
  medical: boolean;
  sharedWithEmployee: boolean;
}

const at = (day: IsoDate, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

function facts(person: PersonPlan, sickCase: SickCasePlan, employerName: string): [string, string][] {
  return [
    ['Werknemer', `${person.firstName} ${person.lastName}`],
    ['Personeelsnummer', person.personnelNumber],
    ['Werkgever', employerName],
    ['Functie', person.employment.jobTitle],
    ['Eerste verzuimdag', sickCase.firstSickDay],
  ];
}

const EMPLOYER_NAMES: Record<string, string> = {
  [demoId('employer', 1)]: 'Zorggroep Rivierenland',
  [demoId('employer', 2)]: 'Bouwbedrijf Van Dijk & Zn.',
  [demoId('employer', 3)]: 'Gemeente Lekstad',
};

function letterFor(person: PersonPlan, sickCase: SickCasePlan, day: IsoDate, heading: string, sender: string, sections: Letter['sections'], closing?: string[]): () => Promise<Uint8Array> {
  return () =>
    renderLetter({
      heading,
      sender,
      recipient: `${person.firstName} ${person.lastName}`,
      date: at(day),
      facts: facts(person, sickCase, EMPLOYER_NAMES[person.employment.employerId] ?? ''),
      sections,
      closing,
    });
}

function problemAnalysis(person: PersonPlan, sickCase: SickCasePlan, day: IsoDate) {
  return letterFor(person, sickCase, day, 'Probleemanalyse', ARBODIENST, [
    {
      title: 'Belastbaarheid',
      paragraphs: [
        'Werknemer is op dit moment beperkt belastbaar. Er zijn beperkingen in het volhouden van langdurige fysieke belasting en in werktempo. Er is geen sprake van volledige arbeidsongeschiktheid.',
      ],
    },
    {
      title: 'Advies',
      paragraphs: [
        'Geadviseerd wordt om op korte termijn te starten met aangepaste werkzaamheden in het eigen werk, opbouwend van 2 x 3 uur per week naar 4 x 4 uur per week in zes weken.',
        'Werkgever en werknemer stellen binnen twee weken samen het plan van aanpak op. Evaluatie van de voortgang over zes weken op het spreekuur.',
      ],
    },
    { title: 'Prognose', paragraphs: ['De verwachting is dat volledige terugkeer in het eigen werk binnen drie maanden mogelijk is.'] },
  ], ['Met vriendelijke groet,', 'dr. Marieke Bos, bedrijfsarts']);
}

function planOfAction(person: PersonPlan, sickCase: SickCasePlan, day: IsoDate) {
  return letterFor(person, sickCase, day, 'Plan van aanpak', EMPLOYER_NAMES[person.employment.employerId] ?? 'Werkgever', [
    {
      title: 'Doel',
      paragraphs: ['Terugkeer in het eigen werk als ' + person.employment.jobTitle.toLowerCase() + ', volgens het advies in de probleemanalyse.'],
    },
    {
      title: 'Afspraken',
      paragraphs: [
        'Week 1-2: 2 x 3 uur per week aangepast werk, zonder zware tillende taken.',
        'Week 3-4: 3 x 4 uur per week, met uitbreiding naar de eigen taken in overleg met de leidinggevende.',
        'Week 5-6: 4 x 4 uur per week. Wekelijks kort contact met de leidinggevende over de voortgang.',
      ],
    },
    { title: 'Casemanager', paragraphs: ['Ruben Visser (De Arbodienst) begeleidt de uitvoering en de evaluatie van dit plan.'] },
  ], ['Voor akkoord werknemer:', '', '', 'Voor akkoord werkgever: Peter Jansen, HR-adviseur']);
}

function demoEmployeePlan(person: PersonPlan, cases: SickCasePlan[], today: IsoDate): { documents: DocumentSpec[]; notes: NoteSpec[] } {
  const documents: DocumentSpec[] = [];
  const notes: NoteSpec[] = [];
  const open = cases.find((sickCase) => sickCase.recoveredOn === null);
  const closed = cases.filter((sickCase) => sickCase.recoveredOn !== null);
  const pdf = (key: string, sickCase: SickCasePlan, fields: Omit<DocumentSpec, 'key' | 'sickCase' | 'person' | 'mimeType'>): DocumentSpec => ({
    key,
    sickCase,
    person,
    mimeType: 'application/pdf',
    ...fields,
  });
  if (open) {
    const day = (offset: number) => {
      const date = addDays(open.firstSickDay, offset);
      return date > today ? today : date;
    };
    documents.push(
      pdf('p1-report', open, {
        title: 'Verslag inzetbaarheidsgesprek',
        description: 'Verslag van het eerste gesprek na de ziekmelding.',
        category: 'CORRESPONDENCE',
        source: 'EMPLOYER',
        by: USERS.employer,
        fileName: 'Verslag inzetbaarheidsgesprek.pdf',
        day: day(1),
        sharedWithEmployee: true,
        visibleToEmployer: true,
        render: letterFor(person, open, day(1), 'Verslag inzetbaarheidsgesprek', 'Zorggroep Rivierenland', [
          { paragraphs: ['Op de eerste verzuimdag is telefonisch contact geweest. Sanne verwacht enkele weken niet te kunnen werken. Afgesproken is wekelijks contact te houden.'] },
        ]),
        signature: { status: 'SIGNED', requestedOn: day(1), by: USERS.employer, handledOn: day(3) },
      }),
      pdf('p1-invitation-ba', open, {
        title: 'Uitnodiging spreekuur bedrijfsarts',
        description: 'Uitnodiging voor het spreekuur bij dr. Marieke Bos.',
        category: 'INVITATION',
        source: 'OCCUPATIONAL_HEALTH',
        by: USERS.planner,
        fileName: 'Uitnodiging spreekuur.pdf',
        day: day(28),
        sharedWithEmployee: true,
        visibleToEmployer: true,
        render: letterFor(person, open, day(28), 'Uitnodiging spreekuur bedrijfsarts', 'De Arbodienst - planning', [
          {
            paragraphs: [
              `U bent uitgenodigd voor het spreekuur van dr. Marieke Bos op ${day(35)} om 10:30 uur, locatie De Arbodienst, Stationsweg 12, Tiel.`,
              'Neemt u een geldig legitimatiebewijs mee. Bent u verhinderd, neem dan uiterlijk 24 uur van tevoren contact op.',
            ],
          },
        ]),
      }),
      pdf('p1-problem-analysis', open, {
        title: 'Probleemanalyse',
        description: 'Probleemanalyse van de bedrijfsarts (week 6).',
        category: 'PROBLEM_ANALYSIS',
        source: 'OCCUPATIONAL_HEALTH',
        by: USERS.physician,
        fileName: 'Probleemanalyse.pdf',
        day: day(38),
        sharedWithEmployee: true,
        visibleToEmployer: true,
        render: problemAnalysis(person, open, day(38)),
      }),
      pdf('p1-medical', open, {
        title: 'Informatie behandelend specialist',
        description: 'Medische informatie, alleen voor de bedrijfsarts.',
        category: 'MEDICAL_INFO',
        source: 'OCCUPATIONAL_HEALTH',
        by: USERS.physician,
        fileName: 'Informatie specialist.pdf',
        day: day(36),
        sharedWithEmployee: false,
        visibleToEmployer: false,
        render: letterFor(person, open, day(36), 'Informatie behandelend specialist', 'Polikliniek (via bedrijfsarts)', [
          { paragraphs: ['Medische informatie op verzoek van de bedrijfsarts, met toestemming van werknemer. Alleen bestemd voor de bedrijfsarts.'] },
        ]),
      }),
      pdf('p1-agreements', open, {
        title: 'Afspraken werkhervatting',
        description: 'Voorstel voor de werktijden bij hervatting.',
        category: 'CORRESPONDENCE',
        source: 'EMPLOYER',
        by: USERS.employer,
        fileName: 'Afspraken werkhervatting.pdf',
        day: day(20),
        sharedWithEmployee: true,
        visibleToEmployer: true,
        render: letterFor(person, open, day(20), 'Afspraken werkhervatting', 'Zorggroep Rivierenland', [
          { paragraphs: ['Voorstel: hervatting met vroege diensten op maandag, woensdag en vrijdag van 07:00 tot 11:00 uur.'] },
        ]),
        signature: {
          status: 'DECLINED',
          requestedOn: day(20),
          by: USERS.employer,
          handledOn: day(22),
          declineReason: 'De genoemde werktijden kloppen niet met wat we hebben besproken; graag eerst overleggen.',
        },
      }),
      pdf('p1-plan-of-action', open, {
        title: 'Plan van aanpak',
        description: 'Plan van aanpak (week 8), ter ondertekening.',
        category: 'PLAN_OF_ACTION',
        source: 'EMPLOYER',
        by: USERS.employer,
        fileName: 'Plan van aanpak.pdf',
        day: day(44),
        sharedWithEmployee: true,
        visibleToEmployer: true,
        render: planOfAction(person, open, day(44)),
        signature: { status: 'PENDING', requestedOn: day(44), by: USERS.employer },
      }),
      pdf('p1-invitation-evaluation', open, {
        title: 'Uitnodiging evaluatiegesprek',
        description: 'Uitnodiging voor de evaluatie van het plan van aanpak; graag voor gezien tekenen.',
        category: 'INVITATION',
        source: 'EMPLOYER',
        by: USERS.employer,
        fileName: 'Uitnodiging evaluatiegesprek.pdf',
        day: day(46),
        sharedWithEmployee: true,
        visibleToEmployer: true,
        render: letterFor(person, open, day(46), 'Uitnodiging evaluatiegesprek', 'Zorggroep Rivierenland', [
          {
            paragraphs: [
              `Graag nodigen wij je uit voor de evaluatie van het plan van aanpak op ${addDays(today, 10)} om 14:00 uur op kantoor in Tiel, met Peter Jansen (HR) en Ruben Visser (casemanager).`,
            ],
          },
        ]),
        signature: { status: 'PENDING', requestedOn: day(46), by: USERS.employer },
      }),
      {
        key: 'p1-upload-card',
        sickCase: open,
        person,
        title: 'Afsprakenkaart fysiotherapie',
        description: 'Foto van mijn afsprakenkaart, voor de bedrijfsarts.',
        category: 'OTHER',
        source: 'EMPLOYEE',
        by: { id: demoId('user', 1), name: 'Sanne de Vries' },
        fileName: 'afsprakenkaart.png',
        mimeType: 'image/png',
        day: day(40),
        sharedWithEmployee: true,
        visibleToEmployer: false,
        render: async () => new Uint8Array(demoCardPng()),
      },
    );
    notes.push(
      {
        key: 'p1-note-employer-shared',
        sickCase: open,
        author: USERS.employer,
        text: 'Telefonisch contact gehad. Sanne geeft aan dat het iets beter gaat. We houden wekelijks contact; volgende belafspraak donderdag.',
        day: day(9),
        medical: false,
        sharedWithEmployee: true,
      },
      {
        key: 'p1-note-case-manager-shared',
        sickCase: open,
        author: USERS.caseManager,
        text: 'Plan van aanpak met Sanne en werkgever besproken. Opbouw in aangepast werk volgens het advies van de bedrijfsarts; evaluatie over zes weken.',
        day: day(45),
        medical: false,
        sharedWithEmployee: true,
      },
      {
        key: 'p1-note-employer-internal',
        sickCase: open,
        author: USERS.employer,
        text: 'Intern: vervanging tijdens de afwezigheid geregeld via de flexpool tot het einde van de maand.',
        day: day(3),
        medical: false,
        sharedWithEmployee: false,
      },
      {
        key: 'p1-note-medical',
        sickCase: open,
        author: USERS.physician,
        text: 'Medisch (alleen bedrijfsarts): behandeling loopt, herstel verloopt volgens verwachting. Belastbaarheid over vier weken opnieuw beoordelen.',
        day: day(35),
        medical: true,
        sharedWithEmployee: false,
      },
    );
  }
  for (const [position, sickCase] of closed.entries()) {
    const recovered = sickCase.recoveredOn!;
    documents.push(
      pdf(`p1-closed-${position}-report`, sickCase, {
        title: 'Verslag verzuimgesprek',
        description: 'Verslag van het gesprek tijdens het verzuim.',
        category: 'CORRESPONDENCE',
        source: 'EMPLOYER',
        by: USERS.employer,
        fileName: 'Verslag verzuimgesprek.pdf',
        day: addDays(sickCase.firstSickDay, 2),
        sharedWithEmployee: true,
        visibleToEmployer: true,
        render: letterFor(person, sickCase, addDays(sickCase.firstSickDay, 2), 'Verslag verzuimgesprek', 'Zorggroep Rivierenland', [
          { paragraphs: ['Kort gesprek over het verzuim en de verwachte duur. Afgesproken dat Sanne zich hersteld meldt zodra ze weer kan werken.'] },
        ]),
      }),
    );
    notes.push({
      key: `p1-closed-${position}-note`,
      sickCase,
      author: USERS.employer,
      text: `Sanne heeft zich per ${recovered} volledig hersteld gemeld. Dossier gesloten.`,
      day: recovered,
      medical: false,
      sharedWithEmployee: true,
    });
  }
  return { documents, notes };
}

/** Light dossiers for the other persons: what their stage of the trajectory would hold. */
function otherPersonsPlan(persons: PersonPlan[], cases: SickCasePlan[], today: IsoDate): { documents: DocumentSpec[]; notes: NoteSpec[] } {
  const documents: DocumentSpec[] = [];
  const notes: NoteSpec[] = [];
  const byId = new Map(persons.map((person) => [person.id, person]));
  for (const sickCase of cases) {
    if (sickCase.personIndex === 1 || sickCase.recoveredOn !== null) continue;
    const person = byId.get(sickCase.personId)!;
    const age = Math.round((Date.parse(today) - Date.parse(sickCase.firstSickDay)) / 86_400_000);
    const prefix = `case-${sickCase.index}`;
    notes.push({
      key: `${prefix}-note`,
      sickCase,
      author: USERS.employer,
      text: 'Contact gehad met de werknemer over de voortgang; afspraken vastgelegd in het dossier.',
      day: addDays(sickCase.firstSickDay, Math.min(age, 2)),
      medical: false,
      sharedWithEmployee: sickCase.index % 2 === 0,
    });
    if (age >= 42) {
      const day = addDays(sickCase.firstSickDay, 40);
      documents.push({
        key: `${prefix}-problem-analysis`,
        sickCase,
        person,
        title: 'Probleemanalyse',
        description: 'Probleemanalyse van de bedrijfsarts (week 6).',
        category: 'PROBLEM_ANALYSIS',
        source: 'OCCUPATIONAL_HEALTH',
        by: USERS.physician,
        fileName: 'Probleemanalyse.pdf',
        mimeType: 'application/pdf',
        day,
        sharedWithEmployee: true,
        visibleToEmployer: true,
        render: problemAnalysis(person, sickCase, day),
      });
    }
    if (age >= 56) {
      const day = addDays(sickCase.firstSickDay, 54);
      documents.push({
        key: `${prefix}-plan-of-action`,
        sickCase,
        person,
        title: 'Plan van aanpak',
        description: 'Plan van aanpak (week 8).',
        category: 'PLAN_OF_ACTION',
        source: 'EMPLOYER',
        by: USERS.employer,
        fileName: 'Plan van aanpak.pdf',
        mimeType: 'application/pdf',
        day,
        sharedWithEmployee: true,
        visibleToEmployer: true,
        render: planOfAction(person, sickCase, day),
      });
    }
  }
  return { documents, notes };
}

export interface DocumentSeedResult {
  documents: number;
  notes: number;
  signatureRequests: number;
  contentWritten: number;
}

export async function seedDemoDocuments(deps: ServiceDeps, storage: DocumentStorage, today: IsoDate = todayInBusinessZone()): Promise<DocumentSeedResult> {
  const plan = buildDemoPlan(today);
  const sanne = plan.persons[0]!;
  const own = demoEmployeePlan(
    sanne,
    plan.sickCases.filter((sickCase) => sickCase.personIndex === 1),
    today,
  );
  const others = otherPersonsPlan(plan.persons, plan.sickCases, today);
  const documents = [...own.documents, ...others.documents];
  const notes = [...own.notes, ...others.notes];
  const documentId = (spec: DocumentSpec) => demoId('document', hashIndex(spec.key));

  const existing = new Map<string, { storage_key: string }>(
    (
      (await deps.dataSource.query(`SELECT id, storage_key FROM dossier.document WHERE id = ANY($1::uuid[])`, [documents.map(documentId)])) as {
        id: string;
        storage_key: string;
      }[]
    ).map((row) => [row.id, row]),
  );

  // Content first (outside the transaction): a crash afterwards leaves unused files, never rows without content.
  const rendered = new Map<string, { bytes: Uint8Array; sha256: string; written: boolean }>();
  const signedCopies = new Map<string, { bytes: Uint8Array; sha256: string; written: boolean }>();
  let contentWritten = 0;
  const signature = demoSignaturePng(1);
  for (const spec of documents) {
    const id = documentId(spec);
    const key = demoId('document-content', hashIndex(spec.key));
    const signedKey = demoId('document-content', hashIndex(`${spec.key}:signed`));
    const needsOriginal = !existing.has(id) || !(await storage.exists(key));
    const needsSigned = spec.signature?.status === 'SIGNED' && (!existing.has(id) || !(await storage.exists(signedKey)));
    if (!needsOriginal && !needsSigned) continue;
    const bytes = await spec.render();
    const original = { bytes, sha256: sha256Hex(bytes), written: needsOriginal };
    rendered.set(id, original);
    if (needsOriginal) {
      await storage.put(key, bytes, { contentType: spec.mimeType, sizeBytes: bytes.length });
      contentWritten++;
    }
    if (spec.signature?.status === 'SIGNED') {
      const signedAt = at(spec.signature.handledOn!, 15);
      const signedBytes = await stampSignature(bytes, { signaturePng: signature, signerName: `${sanne.firstName} ${sanne.lastName}`, signedAt, originalSha256: original.sha256 });
      const signed = { bytes: signedBytes, sha256: sha256Hex(signedBytes), written: needsSigned };
      signedCopies.set(id, signed);
      if (needsSigned) {
        await storage.put(signedKey, signedBytes, { contentType: 'application/pdf', sizeBytes: signedBytes.length });
        contentWritten++;
      }
    }
  }

  return deps.dataSource.transaction(async (manager) => {
    let documentCount = 0;
    let requestCount = 0;
    for (const spec of documents) {
      const id = documentId(spec);
      const content = rendered.get(id);
      if (existing.has(id)) {
        // Content was missing from the storage (e.g. a new storage folder): keep row and bytes in step.
        if (content) await refreshContent(manager, id, content, signedCopies.get(id), spec);
        continue;
      }
      if (!content) continue;
      const row: Partial<DocumentEntity> = {
        id,
        sickCaseId: spec.sickCase.id,
        personId: spec.person.id,
        title: spec.title,
        description: spec.description,
        category: spec.category,
        source: spec.source,
        uploadedByUserId: spec.by?.id ?? null,
        uploadedByName: spec.by?.name ?? null,
        fileName: spec.fileName,
        mimeType: spec.mimeType,
        sizeBytes: content.bytes.length,
        sha256: content.sha256,
        storageKey: demoId('document-content', hashIndex(spec.key)),
        sharedWithEmployee: spec.sharedWithEmployee,
        visibleToEmployer: spec.visibleToEmployer,
        createdAt: at(spec.day),
      };
      documentCount += await insertMissing(manager, DocumentEntity, [row]);
      if (!spec.signature) continue;
      const signed = signedCopies.get(id);
      const signedId = demoId('document', hashIndex(`${spec.key}:signed`));
      if (signed && spec.signature.status === 'SIGNED') {
        documentCount += await insertMissing(manager, DocumentEntity, [
          {
            ...row,
            id: signedId,
            title: `${spec.title} (ondertekend)`,
            category: 'SIGNED',
            source: 'EMPLOYEE',
            uploadedByUserId: demoId('user', 1),
            uploadedByName: `${sanne.firstName} ${sanne.lastName}`,
            fileName: spec.fileName.replace(/\.pdf$/i, '-ondertekend.pdf'),
            sizeBytes: signed.bytes.length,
            sha256: signed.sha256,
            storageKey: demoId('document-content', hashIndex(`${spec.key}:signed`)),
            sharedWithEmployee: true,
            visibleToEmployer: true,
            createdAt: at(spec.signature.handledOn!, 15),
          },
        ]);
      }
      const { status, requestedOn, by, handledOn, declineReason } = spec.signature;
      requestCount += await insertMissing(manager, SignatureRequestEntity, [
        {
          id: demoId('signature-request', hashIndex(spec.key)),
          documentId: id,
          status,
          requestedAt: at(requestedOn, 11),
          requestedByUserId: by.id,
          requestedByName: by.name,
          signedAt: status === 'SIGNED' ? at(handledOn!, 15) : null,
          declinedAt: status === 'DECLINED' ? at(handledOn!, 15) : null,
          declineReason: status === 'DECLINED' ? declineReason! : null,
          signedDocumentId: status === 'SIGNED' ? signedId : null,
          originalSha256: content.sha256,
        },
      ]);
    }
    const noteCount = await insertMissing(
      manager,
      NoteEntity,
      notes.map((note) => ({
        id: demoId('note', hashIndex(note.key)),
        sickCaseId: note.sickCase.id,
        personId: note.sickCase.personId,
        authorUserId: note.author.id,
        authorName: note.author.name,
        authorRole: note.author.role,
        text: note.text,
        medical: note.medical,
        sharedWithEmployee: note.sharedWithEmployee,
        createdAt: at(note.day, 12),
      })),
    );
    return { documents: documentCount, notes: noteCount, signatureRequests: requestCount, contentWritten };
  });
}

async function refreshContent(
  manager: EntityManager,
  id: string,
  content: { bytes: Uint8Array; sha256: string; written: boolean },
  signed: { bytes: Uint8Array; sha256: string; written: boolean } | undefined,
  spec: DocumentSpec,
): Promise<void> {
  if (content.written) {
    await manager.update(DocumentEntity, { id }, { sha256: content.sha256, sizeBytes: content.bytes.length });
    await manager.update(SignatureRequestEntity, { documentId: id }, { originalSha256: content.sha256 });
  }
  if (signed?.written) {
    await manager.update(DocumentEntity, { id: demoId('document', hashIndex(`${spec.key}:signed`)) }, { sha256: signed.sha256, sizeBytes: signed.bytes.length });
  }
}

/** demoId takes a number; a stable hash of the readable key gives one (collisions are checked in the tests). */
function hashIndex(key: string): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash;
}

async function insertMissing<T extends ObjectLiteral>(manager: EntityManager, entity: new () => T, rows: Partial<T>[]): Promise<number> {
  if (rows.length === 0) return 0;
  let inserted = 0;
  for (let start = 0; start < rows.length; start += 500) {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      .values(rows.slice(start, start + 500) as any)
      .orIgnore()
      .returning('id')
      .execute();
    inserted += (result.raw as unknown[]).length;
  }
  return inserted;
}
