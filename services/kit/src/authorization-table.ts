import { forbidden, unauthenticated } from './errors.js';
import type { Actor } from './authz.js';
import type { Role } from './roles.js';

/**
 * The one authorization table of the platform: role × object type × action, with the scope rule
 * that bounds each grant (DESIGN.md, "Users and roles" and "Privacy"). Subgraphs enforce it with
 * `authorize(actor, object, action)`; the generated matrix test (gateway/test/integration/
 * authorization-matrix.test.ts) runs one cell per role, object and action through the real gateway
 * on the demo data; the schema test fails when a type or field of the supergraph has no row.
 *
 * Least privilege: a role gets a grant only where a screen of that role or the partner API needs
 * it. The PLANNER gets agendas and what invitations need (names, contact data, user accounts to
 * re-invite), never dossier documents, notes or medical content.
 */

/**
 * How far a grant reaches:
 * - `none`: refused; nothing returned, nothing stored;
 * - `own`: the employee's own person and what belongs to it;
 * - `self`: the caller's own account (settings, sign-in, own user);
 * - `units`: persons and data placed in the caller's unit scope (employer, division or department;
 *   for professionals the client units assigned to them; a partner client its employer);
 * - `all`: every unit (the arbodienst administrator).
 */
export type Reach = 'none' | 'own' | 'self' | 'units' | 'all';

export const ACTIONS = ['read', 'list', 'create', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

export const OBJECT_TYPES = [
  'person',
  'employment',
  'sickCase',
  'activity',
  'document',
  'document.medical',
  'note.shared',
  'note.private',
  'note.medical',
  'poNote',
  'person.hr',
  'agenda',
  'appointment',
  'report',
  'accessLog',
  'user',
  'apiClient',
  // Beside the list, so every type of the supergraph has a row:
  'organisation',
  'protocol',
  'correctionRequest',
  'signatureRequest',
  'invitationRequest',
  'settings',
  'dashboard',
  'signIn',
] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

/** Human roles; a partner client is API_CLIENT with OAuth scopes. */
export type UserRole = Exclude<Role, 'API_CLIENT'>;

export interface Rule {
  /** Per signed-in role; a role not named is refused (`none`). */
  roles: Partial<Record<UserRole, Reach>>;
  /** The OAuth scope a partner client needs; absent = partner clients are refused. Reach: its employer. */
  partnerScope?: string;
  /** The operations (root fields `Query.x` / `Mutation.x`, or `Type.field` for federated lists) that do it. */
  operations: readonly string[];
  /** Why a role has (or lacks) the grant, where it is not obvious. */
  note?: string;
}

const PROFESSIONALS_AND_EMPLOYER = { EMPLOYER: 'units', OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', ADMIN: 'all' } as const;
const DOSSIER_READERS = { EMPLOYEE: 'own', ...PROFESSIONALS_AND_EMPLOYER } as const;

type ObjectRules = Partial<Record<Action, Rule>>;

export const AUTHORIZATION_TABLE: Record<ObjectType, ObjectRules> = {
  person: {
    read: {
      roles: { ...DOSSIER_READERS, PLANNER: 'units' },
      partnerScope: 'persons:read',
      operations: ['Query.person', 'Query.me', 'Employment.person', 'SickCase.person', 'Activity.person', 'Appointment.person', 'CorrectionRequest.person'],
      note: 'The planner needs names and contact data to invite.',
    },
    list: {
      roles: { ...DOSSIER_READERS, PLANNER: 'units' },
      partnerScope: 'persons:read',
      operations: ['Query.persons'],
    },
    update: {
      roles: { EMPLOYEE: 'own' },
      operations: ['Mutation.updateMyContactDetails'],
      note: 'Only the employee changes their own contact details; others change through the HR system.',
    },
  },
  employment: {
    read: { roles: DOSSIER_READERS, partnerScope: 'persons:read', operations: ['Person.employments', 'Person.currentEmployment', 'Person.listedEmployment', 'Person.placement'] },
    list: { roles: DOSSIER_READERS, partnerScope: 'persons:read', operations: ['Person.employments'] },
    create: { roles: { EMPLOYER: 'units', ADMIN: 'all' }, partnerScope: 'persons:write', operations: ['Mutation.addEmployment', 'Mutation.copyEmployment', 'Mutation.partnerStartEmployment'] },
    update: {
      roles: { EMPLOYER: 'units', ADMIN: 'all' },
      partnerScope: 'persons:write',
      operations: ['Mutation.updateEmployment', 'Mutation.endEmployment', 'Mutation.partnerChangeEmployment', 'Mutation.partnerEndEmployment'],
    },
    delete: { roles: { EMPLOYER: 'units', ADMIN: 'all' }, operations: ['Mutation.deleteEmployment'] },
  },
  // The employer's HR administration of persons (new-employee wizard, Persoonsgegevens, partner upserts).
  'person.hr': {
    create: { roles: { EMPLOYER: 'units', ADMIN: 'all' }, partnerScope: 'persons:write', operations: ['Mutation.createEmployee', 'Query.checkNewEmployee', 'Mutation.partnerUpsertPerson'] },
    update: { roles: { EMPLOYER: 'units', ADMIN: 'all' }, partnerScope: 'persons:write', operations: ['Mutation.updatePersonDetails'] },
  },
  sickCase: {
    read: { roles: DOSSIER_READERS, partnerScope: 'sickcases:read', operations: ['Query.sickCase', 'Person.sickCases', 'Activity.sickCase', 'DossierDocument.sickCase', 'DossierNote.sickCase'] },
    list: { roles: DOSSIER_READERS, partnerScope: 'sickcases:read', operations: ['Query.sickCases'] },
    create: {
      roles: { EMPLOYER: 'units', CASE_MANAGER: 'units', ADMIN: 'all' },
      partnerScope: 'sickcases:write',
      operations: ['Mutation.reportSickness'],
    },
    update: {
      roles: { EMPLOYER: 'units', CASE_MANAGER: 'units', ADMIN: 'all' },
      partnerScope: 'sickcases:write',
      operations: ['Mutation.updateSickCase', 'Mutation.reportRecovery'],
    },
  },
  activity: {
    read: {
      roles: { EMPLOYER: 'units', OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', PLANNER: 'units', ADMIN: 'all' },
      partnerScope: 'activities:read',
      operations: ['SickCase.activities', 'Person.activities'],
      note: 'The planner: the consultation activities it invites for. The employee sees appointments, not the trajectory’s activities.',
    },
    list: {
      roles: { EMPLOYER: 'units', OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', PLANNER: 'units', ADMIN: 'all' },
      partnerScope: 'activities:read',
      operations: ['Query.activities', 'Query.actionList', 'Query.activityTypes', 'Query.personActivities'],
    },
    create: {
      roles: { EMPLOYER: 'units', OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', ADMIN: 'all' },
      operations: ['Mutation.addActivity'],
    },
    update: {
      roles: { EMPLOYER: 'units', OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', ADMIN: 'all' },
      operations: ['Mutation.handleActivity', 'Mutation.linkDocumentToActivity'],
    },
    delete: {
      roles: { EMPLOYER: 'units', OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', ADMIN: 'all' },
      operations: ['Mutation.cancelActivity'],
    },
  },
  document: {
    read: {
      roles: DOSSIER_READERS,
      partnerScope: 'documents:read',
      operations: ['Query.document', 'GET /files/documents/:id', 'SignatureRequest.document', 'SignatureRequest.signedDocument', 'Activity.document'],
      note: 'Employee: what is shared with them. Employer and partner: non-medical and marked visible to the employer. Never the planner.',
    },
    list: { roles: DOSSIER_READERS, partnerScope: 'documents:read', operations: ['SickCase.documents', 'Person.documents'] },
    create: {
      roles: { EMPLOYEE: 'own', ...PROFESSIONALS_AND_EMPLOYER },
      operations: ['POST /files/sick-cases/:id/documents'],
    },
    update: {
      roles: { EMPLOYEE: 'own' },
      operations: ['Mutation.setDocumentVisibleToEmployer'],
      note: "Only the employee decides whether the employer sees their own upload.",
    },
  },
  'document.medical': {
    read: {
      roles: { EMPLOYEE: 'own', OCCUPATIONAL_PHYSICIAN: 'units' },
      operations: ['Query.document', 'GET /files/documents/:id'],
      note: 'MEDICAL_INFO documents: the bedrijfsarts, and the employee when shared with them.',
    },
    list: { roles: { EMPLOYEE: 'own', OCCUPATIONAL_PHYSICIAN: 'units' }, operations: ['SickCase.documents'] },
  },
  'note.shared': {
    read: { roles: DOSSIER_READERS, partnerScope: 'documents:read', operations: ['SickCase.notes'] },
    list: { roles: DOSSIER_READERS, partnerScope: 'documents:read', operations: ['SickCase.notes'] },
    create: { roles: PROFESSIONALS_AND_EMPLOYER, operations: ['Mutation.addNote'] },
    update: { roles: PROFESSIONALS_AND_EMPLOYER, operations: ['Mutation.shareNote'], note: 'The author only.' },
  },
  'note.private': {
    read: { roles: PROFESSIONALS_AND_EMPLOYER, partnerScope: 'documents:read', operations: ['SickCase.notes'] },
    list: { roles: PROFESSIONALS_AND_EMPLOYER, partnerScope: 'documents:read', operations: ['SickCase.notes'] },
    create: { roles: PROFESSIONALS_AND_EMPLOYER, operations: ['Mutation.addNote'] },
  },
  'note.medical': {
    read: { roles: { OCCUPATIONAL_PHYSICIAN: 'units' }, operations: ['SickCase.notes'], note: 'A separate access domain: the bedrijfsarts only.' },
    list: { roles: { OCCUPATIONAL_PHYSICIAN: 'units' }, operations: ['SickCase.notes'] },
    create: { roles: { OCCUPATIONAL_PHYSICIAN: 'units' }, operations: ['Mutation.addNote'] },
  },
  // P&O entries (personnel notes of the employer) have no operations yet: nobody reaches them.
  poNote: {
    read: { roles: { EMPLOYER: 'units', ADMIN: 'all' }, operations: ['Person.hrNotes'] },
    create: { roles: { EMPLOYER: 'units', ADMIN: 'all' }, operations: ['Mutation.addHrNote'], note: 'The P&O dossier is the employer’s; never the arbodienst’s professionals or the planner.' },
    update: { roles: { EMPLOYER: 'units', ADMIN: 'all' }, operations: ['Mutation.updateHrNote'] },
  },
  agenda: {
    read: { roles: { OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', PLANNER: 'units', ADMIN: 'all' }, operations: ['Query.agendaEntries', 'Query.slotProposals'] },
    list: { roles: { OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', PLANNER: 'units', ADMIN: 'all' }, operations: ['Query.agendas'] },
  },
  appointment: {
    read: {
      roles: { EMPLOYEE: 'own', EMPLOYER: 'units', OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', PLANNER: 'units', ADMIN: 'all' },
      partnerScope: 'appointments:read',
      operations: ['Person.appointments', 'Query.myAppointments'],
    },
    list: {
      roles: { EMPLOYEE: 'own', EMPLOYER: 'units', OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', PLANNER: 'units', ADMIN: 'all' },
      partnerScope: 'appointments:read',
      operations: ['Query.appointments'],
    },
    create: { roles: { OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', PLANNER: 'units', ADMIN: 'all' }, operations: ['Mutation.planAppointment'] },
    update: {
      roles: { OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', PLANNER: 'units', ADMIN: 'all' },
      operations: ['Mutation.moveAppointment', 'Mutation.registerAppointmentOutcome', 'Mutation.confirmAppointment', 'AgendaEntry.appointment'],
    },
    delete: { roles: { OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', PLANNER: 'units', ADMIN: 'all' }, operations: ['Mutation.cancelAppointment'] },
  },
  report: {
    read: {
      roles: { EMPLOYER: 'units', ADMIN: 'all' },
      note: 'Absence statistics serve the employer (and the administrator); professionals work per dossier.',
      partnerScope: 'reports:read',
      operations: ['Query.openAbsenceByDurationClass', 'Query.absenceStatistics', 'Query.monthlyAbsencePercentage', 'Query.reportTemplates'],
    },
    create: { roles: { EMPLOYER: 'units', ADMIN: 'all' }, operations: ['Mutation.generateReport'] },
    list: { roles: { EMPLOYER: 'self', ADMIN: 'self' }, operations: ['Query.savedSelections'], note: 'Saved statistics selections are private to their owner.' },
    update: { roles: { EMPLOYER: 'self', ADMIN: 'self' }, operations: ['Mutation.saveSelection', 'Mutation.deleteSavedSelection'] },
  },
  accessLog: {
    read: { roles: { EMPLOYEE: 'own' }, operations: ['Query.myAccessLog'], note: '"Wie heeft mijn gegevens bekeken": the employee’s own log.' },
    list: { roles: { EMPLOYEE: 'own' }, operations: ['Query.myAccessLog'] },
  },
  user: {
    read: {
      roles: { EMPLOYEE: 'self', EMPLOYER: 'self', OCCUPATIONAL_PHYSICIAN: 'self', CASE_MANAGER: 'self', PLANNER: 'self', ADMIN: 'self' },
      operations: ['Query.viewer', 'Person.user', 'InvitationRequest.user', 'AuthSession.user', 'ProtocolVersion.changedBy'],
    },
    list: { roles: { PLANNER: 'units', ADMIN: 'all' }, operations: ['Query.users', 'Query.invitationRequests'], note: 'The planner re-invites employees and employer users of their employers.' },
    create: { roles: { PLANNER: 'units', ADMIN: 'all' }, operations: ['Mutation.inviteUser', 'Mutation.resendInvitation'] },
    update: {
      roles: { ADMIN: 'all' },
      operations: ['Mutation.setUserBlocked', 'Mutation.updateUserAccess', 'Mutation.resetTwoFactor', 'Mutation.setProvisionalPassword', 'Mutation.closeInvitationRequest'],
    },
  },
  apiClient: {
    list: { roles: { ADMIN: 'all' }, operations: ['Query.apiClients'] },
    create: { roles: { ADMIN: 'all' }, operations: ['Mutation.createApiClient'] },
    delete: { roles: { ADMIN: 'all' }, operations: ['Mutation.revokeApiClient'] },
  },
  organisation: {
    read: { roles: { ...DOSSIER_READERS, PLANNER: 'units' }, partnerScope: 'persons:read', operations: ['Protocol.employer', 'Placement.employer', 'Placement.division', 'Placement.department', 'AbsenceStatisticsRow.employer', 'AbsenceStatisticsRow.division', 'AbsenceStatisticsRow.department', 'Employment.employer', 'Employment.division', 'Employment.department', 'SickCase.employer', 'SickCase.division', 'SickCase.department'] },
    list: { roles: { EMPLOYER: 'units', OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', PLANNER: 'units', ADMIN: 'all' }, partnerScope: 'persons:read', operations: ['Query.employers'] },
    update: { roles: { ADMIN: 'all' }, operations: ['Mutation.setEmployerInvitationSetting'] },
  },
  protocol: {
    read: { roles: { EMPLOYER: 'units', OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', ADMIN: 'all' }, partnerScope: 'activities:read', operations: ['Query.protocol', 'Query.protocols'] },
    update: { roles: { ADMIN: 'all' }, operations: ['Mutation.updateProtocolRow', 'Mutation.resetProtocolRow', 'Mutation.resetProtocol'] },
  },
  correctionRequest: {
    read: { roles: { EMPLOYEE: 'own' }, operations: ['Query.myCorrectionRequests'] },
    list: { roles: { EMPLOYER: 'units', CASE_MANAGER: 'units', ADMIN: 'all' }, operations: ['Query.correctionRequests'] },
    create: { roles: { EMPLOYEE: 'own' }, operations: ['Mutation.requestPersonCorrection'] },
    update: { roles: { EMPLOYER: 'units', CASE_MANAGER: 'units', ADMIN: 'all' }, operations: ['Mutation.resolveCorrectionRequest'] },
  },
  signatureRequest: {
    read: { roles: { EMPLOYEE: 'own' }, operations: ['Query.myPendingSignatures', 'SickCase.signatureRequests', 'DossierDocument.signatureRequest'] },
    create: { roles: { EMPLOYER: 'units', OCCUPATIONAL_PHYSICIAN: 'units', CASE_MANAGER: 'units', ADMIN: 'all' }, operations: ['Mutation.requestSignature'] },
    update: { roles: { EMPLOYEE: 'own' }, operations: ['Mutation.signDocument', 'Mutation.declineSignature'] },
  },
  invitationRequest: {
    list: { roles: { PLANNER: 'units', ADMIN: 'all' }, operations: ['Query.invitationRequests'] },
  },
  settings: {
    read: { roles: { EMPLOYEE: 'self', EMPLOYER: 'self', OCCUPATIONAL_PHYSICIAN: 'self', CASE_MANAGER: 'self', PLANNER: 'self', ADMIN: 'self' }, operations: ['Query.mySettings'] },
    update: { roles: { EMPLOYEE: 'self', EMPLOYER: 'self', OCCUPATIONAL_PHYSICIAN: 'self', CASE_MANAGER: 'self', PLANNER: 'self', ADMIN: 'self' }, operations: ['Mutation.updateMySettings', 'Mutation.changePassword', 'Mutation.startFactorChange', 'Mutation.verifyCurrentFactor'] },
  },
  // "Mijn Dashboard" of the employer shell: the user's own widgets, unit choice and recently opened dossiers.
  dashboard: {
    read: {
      roles: { EMPLOYER: 'self', OCCUPATIONAL_PHYSICIAN: 'self', CASE_MANAGER: 'self', PLANNER: 'self', ADMIN: 'self' },
      operations: ['Query.myDashboard', 'Query.myRecentDossiers', 'RecentDossier.person'],
      note: 'Recent dossiers come from the caller\'s own access log lines; dossier still decides whether each person is visible.',
    },
    update: {
      roles: { EMPLOYER: 'self', OCCUPATIONAL_PHYSICIAN: 'self', CASE_MANAGER: 'self', PLANNER: 'self', ADMIN: 'self' },
      operations: ['Mutation.updateMyDashboard', 'Mutation.selectMyUnit'],
      note: 'The unit choice must lie inside the caller\'s scope; it narrows lists, it never widens them.',
    },
  },
  // Sign-in and activation are open to anonymous callers by nature; each step is guarded by its own
  // secret (password, code, single-use link), throttled, and returns nothing but the caller's own session.
  signIn: {
    create: {
      roles: {},
      operations: [
        'Mutation.startLogin', 'Mutation.chooseOwnPassword', 'Mutation.beginTotpEnrolment', 'Mutation.beginSmsEnrolment',
        'Mutation.resendLoginSms', 'Mutation.confirmTwoFactorEnrolment', 'Mutation.completeLogin', 'Mutation.refreshSession',
        'Mutation.logout', 'Mutation.activateAccount', 'Mutation.requestNewInvitation', 'Mutation.requestPasswordReset',
        'Mutation.resetPassword', 'Mutation.clientCredentialsToken', 'Query.passwordStrength', 'Query.invitationStatus',
        'Query.passwordResetStatus', 'Query.sessionActive', 'Query.jwks', 'Query.devOutbox',
      ],
      note: 'Anonymous by nature; devOutbox answers NOT_AVAILABLE outside development.',
    },
  },
};

/**
 * Which object row each type of the supergraph belongs to, so the schema test can tell a new type
 * without a row. `value` types carry no personal data of their own (results, pages, enums' holders).
 */
export const SCHEMA_TYPE_OBJECTS: Record<string, ObjectType | 'value'> = {
  AbsenceCoursePoint: 'sickCase',
  AbsenceStatistics: 'report',
  AbsenceStatisticsRow: 'report',
  Agenda: 'agenda',
  AgendaAbsence: 'agenda',
  AgendaEntry: 'agenda',
  AgendaLocation: 'agenda',
  CreateEmployeeResult: 'value',
  EmploymentTexts: 'employment',
  HrNote: 'poNote',
  InputProblemInfo: 'value',
  MonthlyAbsencePercentage: 'report',
  NewEmployeeCheck: 'value',
  PartnerEmploymentResult: 'value',
  PartnerPersonResult: 'value',
  PersonPermissions: 'person',
  Placement: 'employment',
  ReportTemplateInfo: 'report',
  SlotProposal: 'agenda',
  StatisticsPeriod: 'report',
  WorkingHours: 'agenda',
  AccessLogEntry: 'accessLog',
  ActivationResult: 'signIn',
  Activity: 'activity',
  ActivityType: 'activity',
  ActivityPage: 'value',
  DashboardSettings: 'dashboard',
  RecentDossier: 'dashboard',
  SavedSelection: 'report',
  UnitSelection: 'dashboard',
  Address: 'person',
  ApiClient: 'apiClient',
  ApiClientCreated: 'apiClient',
  Appointment: 'appointment',
  AuthSession: 'signIn',
  ClientCredentialsToken: 'signIn',
  CorrectionRequest: 'correctionRequest',
  Department: 'organisation',
  Division: 'organisation',
  DossierDocument: 'document',
  DossierNote: 'note.shared',
  DurationClassCount: 'report',
  Employer: 'organisation',
  Employment: 'employment',
  InvitationRequest: 'invitationRequest',
  InviteUserResult: 'user',
  JsonWebKey: 'signIn',
  JsonWebKeySet: 'signIn',
  LoginChallenge: 'signIn',
  OutboxMessage: 'signIn',
  PasswordStrength: 'signIn',
  Person: 'person',
  PersonPage: 'value',
  Protocol: 'protocol',
  ProtocolRow: 'protocol',
  ProtocolVersion: 'protocol',
  ProvisionalPasswordResult: 'user',
  SickCase: 'sickCase',
  SickCasePage: 'value',
  SignatureRequest: 'signatureRequest',
  SmsCodeSent: 'signIn',
  TotpEnrolment: 'signIn',
  TwoFactorEnrolmentResult: 'signIn',
  UnitScope: 'user',
  User: 'user',
  UserPage: 'value',
  UserSettings: 'settings',
  WorkPattern: 'employment',
};

/**
 * Fields that can carry medical content. Each names the rows that guard it: only roles with a
 * grant there may ever receive such a value. The schema test walks the supergraph and fails when
 * a field whose name or description speaks of medical content is neither listed here nor in
 * `NOT_MEDICAL_FIELDS`.
 */
export const MEDICAL_FIELDS: Record<string, { object: ObjectType; why: string }> = {
  'DossierNote.text': { object: 'note.medical', why: 'the text of a note with medical = true' },
  'DossierNote.medical': { object: 'note.medical', why: 'true only on the bedrijfsarts’ medical notes' },
  'DossierDocument.category': { object: 'document.medical', why: 'MEDICAL_INFO documents go to the bedrijfsarts (and the employee when shared) only' },
  'SickCase.notes': { object: 'note.medical', why: 'lists medical notes to the bedrijfsarts only' },
  'SickCase.documents': { object: 'document.medical', why: 'lists MEDICAL_INFO documents to the bedrijfsarts only' },
};

/** Fields whose text mentions medical content only to forbid it (free text shown to employers). */
export const NOT_MEDICAL_FIELDS: Record<string, string> = {
  'AbsenceCoursePoint.absencePercentage': 'share of contract hours not worked, never a medical judgement',
  'SickCase.absencePercentage': 'share of contract hours not worked',
  'SickCase.questionForProfessional': 'free text; the form says no medical information',
  'SickCase.remarks': 'free text; the form says no medical information',
  'Activity.remarks': 'free text; the form says no medical information',
  'Activity.conclusion': 'free text; the form says no medical information',
  'DossierDocument.visibleToEmployer': 'never true for a medical document',
  'SickCase.expectedRecoveryDate': 'a date the employer expects, not a prognosis',
  'Person.*': 'the person type is described as without medical data',
};

/** Which roles face the employer side and must never receive medical content. */
export const EMPLOYER_FACING_ROLES: readonly (UserRole | 'API_CLIENT')[] = ['EMPLOYER', 'CASE_MANAGER', 'PLANNER', 'ADMIN', 'API_CLIENT'];

export function ruleFor(object: ObjectType, action: Action): Rule | undefined {
  return AUTHORIZATION_TABLE[object][action];
}

/** The reach the table gives this caller, `none` when refused (partner clients: `units` with the scope). */
export function reachOf(actor: Actor, object: ObjectType, action: Action): Reach {
  const rule = ruleFor(object, action);
  const role = actor.role;
  if (!rule || !role) return 'none';
  if (role === 'API_CLIENT') return rule.partnerScope && actor.hasApiScope(rule.partnerScope) ? 'units' : 'none';
  return rule.roles[role] ?? 'none';
}

/**
 * Enforces the table: UNAUTHENTICATED for anonymous callers, FORBIDDEN when the role (or the
 * partner's scopes) has no grant; otherwise the reach the caller's queries must be bounded by.
 */
export function authorize(actor: Actor, object: ObjectType, action: Action): Exclude<Reach, 'none'> {
  if (!actor.isAuthenticated) throw unauthenticated();
  const reach = reachOf(actor, object, action);
  if (reach === 'none') throw forbidden();
  return reach;
}

/** Every operation the table names, with its row: root fields are how the schema test finds gaps. */
export function operationRows(): Map<string, { object: ObjectType; action: Action }[]> {
  const rows = new Map<string, { object: ObjectType; action: Action }[]>();
  for (const object of OBJECT_TYPES) {
    for (const action of ACTIONS) {
      for (const operation of AUTHORIZATION_TABLE[object][action]?.operations ?? []) {
        rows.set(operation, [...(rows.get(operation) ?? []), { object, action }]);
      }
    }
  }
  return rows;
}

/** The OAuth scopes that open an operation to partner clients (for the partner-filtered schema). */
export function partnerScopesOf(operation: string): string[] {
  const scopes = new Set<string>();
  for (const object of OBJECT_TYPES) {
    for (const action of ACTIONS) {
      const rule = AUTHORIZATION_TABLE[object][action];
      if (rule?.partnerScope && rule.operations.includes(operation)) scopes.add(rule.partnerScope);
    }
  }
  return [...scopes];
}
