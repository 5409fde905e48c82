import type { Actor } from '@poortwachter/kit';
import { ApiScope } from '../domain/rules.js';

/*
 * Which role sees which personal detail of a person in reach (least privilege, issue 11 item 7 and
 * issue 14). A detail goes to a role only where one of its screens, or the partner API, needs it:
 *
 * | detail          | employee (self) | employer | casemanager | bedrijfsarts | planner | admin | partner (persons:read) |
 * |-----------------|-----------------|----------|-------------|--------------|---------|-------|------------------------|
 * | names           | yes             | yes      | yes         | yes          | yes     | yes   | yes                    |
 * | email, phone    | yes (Mijn gegevens) | yes (Persoonsgegevens, wizard, NAW) | yes (contact) | yes (contact) | yes (to invite) | yes | yes |
 * | date of birth   | yes             | yes      | yes (identifies the employee) | yes (identifies the patient) | no | yes | yes |
 * | gender          | yes             | yes      | no          | yes          | no      | yes   | yes                    |
 * | address         | yes             | yes      | no          | yes (invitation letters to the spreekuur) | no | yes | yes |
 * | BSN             | yes             | yes (wizard, Persoonsgegevens) | no | no | no   | yes   | yes                    |
 * | personnel number| yes             | yes      | yes         | yes          | no      | yes   | yes                    |
 * | partner surname | yes             | yes      | yes         | yes          | no      | yes   | yes                    |
 *
 * A hidden detail resolves to null: lists keep working and nothing is revealed.
 */
export type PersonDetail = 'contact' | 'dateOfBirth' | 'gender' | 'address' | 'bsn' | 'personnelNumber' | 'partnerLastName';

const BY_ROLE: Record<string, readonly PersonDetail[]> = {
  EMPLOYEE: ['contact', 'dateOfBirth', 'gender', 'address', 'bsn', 'personnelNumber', 'partnerLastName'],
  EMPLOYER: ['contact', 'dateOfBirth', 'gender', 'address', 'bsn', 'personnelNumber', 'partnerLastName'],
  ADMIN: ['contact', 'dateOfBirth', 'gender', 'address', 'bsn', 'personnelNumber', 'partnerLastName'],
  API_CLIENT: ['contact', 'dateOfBirth', 'gender', 'address', 'bsn', 'personnelNumber', 'partnerLastName'],
  CASE_MANAGER: ['contact', 'dateOfBirth', 'personnelNumber', 'partnerLastName'],
  OCCUPATIONAL_PHYSICIAN: ['contact', 'dateOfBirth', 'gender', 'address', 'personnelNumber', 'partnerLastName'],
  PLANNER: ['contact'],
};

export function seesPersonDetail(actor: Actor, detail: PersonDetail): boolean {
  const role = actor.role;
  if (!role) return false;
  if (role === 'API_CLIENT' && !actor.hasApiScope(ApiScope.PERSONS_READ) && !actor.hasApiScope(ApiScope.PERSONS_WRITE)) return false;
  return BY_ROLE[role]?.includes(detail) ?? false;
}

/** The planner plans consultations: names, contact data and units, nothing of the dossier. */
export function isPlanner(actor: Actor): boolean {
  return actor.role === 'PLANNER';
}

/** Who changes a person's details and employments: the employer's HR in scope, the administrator, partner software with persons:write. */
export const PERSON_WRITERS = ['EMPLOYER', 'ADMIN', 'API_CLIENT'] as const;

/** Who reads and writes the P&O dossier: the employer's HR in scope and the administrator. */
export const HR_NOTE_ROLES = ['EMPLOYER', 'ADMIN'] as const;
