import type { Actor } from '@poortwachter/kit';
import { coversSickCase } from '../access.js';
import type { DocumentEntity, NoteEntity, SickCaseEntity } from '../entities/index.js';
import { ApiScope } from '../domain/rules.js';

/*
 * Who sees which documents and notes of a sick case they can reach (DESIGN.md, privacy):
 *
 * - the employee: only what is shared with them, on their own cases;
 * - the bedrijfsarts: everything, including medical notes and MEDICAL_INFO documents;
 * - the casemanager and administrator of the arbodienst: everything that is not medical,
 *   including what the employee uploaded for the arbodienst;
 * - the planner: nothing. Planning needs names, contact data and units, never the dossier (issue 14);
 * - the employer (and partner software with documents:read): nothing medical, and of the rest only
 *   what is marked visible to the employer, so an employee's upload stays with the arbodienst
 *   unless the employee chooses otherwise.
 */
export type DossierAudience = 'none' | 'employee' | 'medical' | 'professional' | 'employer';

export function audienceOf(actor: Actor): DossierAudience {
  switch (actor.role) {
    case 'EMPLOYEE':
      return 'employee';
    case 'OCCUPATIONAL_PHYSICIAN':
      return 'medical';
    case 'CASE_MANAGER':
    case 'ADMIN':
      return 'professional';
    case 'PLANNER':
      return 'none';
    case 'EMPLOYER':
      return 'employer';
    case 'API_CLIENT':
      return actor.hasApiScope(ApiScope.DOCUMENTS_READ) ? 'employer' : 'none';
    default:
      return 'none';
  }
}

type DocumentFacts = Pick<DocumentEntity, 'category' | 'sharedWithEmployee' | 'visibleToEmployer'>;

/** The rule without the case check, for callers that already know the case is in reach. */
export function audienceSeesDocument(audience: DossierAudience, document: DocumentFacts): boolean {
  switch (audience) {
    case 'employee':
      return document.sharedWithEmployee;
    case 'medical':
      return true;
    case 'professional':
      return document.category !== 'MEDICAL_INFO';
    case 'employer':
      return document.category !== 'MEDICAL_INFO' && document.visibleToEmployer;
    case 'none':
      return false;
  }
}

export function audienceSeesNote(audience: DossierAudience, note: Pick<NoteEntity, 'medical' | 'sharedWithEmployee'>): boolean {
  switch (audience) {
    case 'employee':
      return note.sharedWithEmployee;
    case 'medical':
      return true;
    case 'professional':
    case 'employer':
      return !note.medical;
    case 'none':
      return false;
  }
}

export function canSeeDocument(actor: Actor, document: DocumentFacts, sickCase: SickCaseEntity | null): boolean {
  return sickCase !== null && coversSickCase(actor, sickCase) && audienceSeesDocument(audienceOf(actor), document);
}

export function canSeeNote(actor: Actor, note: Pick<NoteEntity, 'medical' | 'sharedWithEmployee'>, sickCase: SickCaseEntity | null): boolean {
  return sickCase !== null && coversSickCase(actor, sickCase) && audienceSeesNote(audienceOf(actor), note);
}

/** Roles that add documents and notes to a dossier besides the employee's own uploads (never the planner). */
export const PROFESSIONAL_WRITERS = ['EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'ADMIN'] as const;

/** Who may ask the employee to sign a document: the employer and the arbodienst's professionals. */
export const SIGNATURE_REQUESTERS = ['EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'ADMIN'] as const;

/**
 * How a writer is named when dossier does not know their name: the gateway forwards ids and roles
 * only, and the user directory fills from identity's events (see `DossierDocuments.actorName`).
 */
export const ROLE_DISPLAY_NAMES: Record<string, string> = {
  EMPLOYER: 'Werkgever',
  OCCUPATIONAL_PHYSICIAN: 'Bedrijfsarts',
  CASE_MANAGER: 'Casemanager',
  PLANNER: 'Planner arbodienst',
  ADMIN: 'Beheerder arbodienst',
  API_CLIENT: 'Koppeling',
};

/** The source a document added by this role gets. */
export function sourceOfRole(role: string): 'EMPLOYEE' | 'EMPLOYER' | 'OCCUPATIONAL_HEALTH' {
  if (role === 'EMPLOYEE') return 'EMPLOYEE';
  if (role === 'EMPLOYER' || role === 'API_CLIENT') return 'EMPLOYER';
  return 'OCCUPATIONAL_HEALTH';
}
