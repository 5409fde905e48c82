import { eventRecord, eventUuid, InvalidEventError } from '@poortwachter/kit';
import type { DataSource } from 'typeorm';
import { UserEntity } from '../entities/index.js';
import type { Invitations } from '../auth/invitations.js';

/**
 * `employee.invitation-requested` (dossier): a new employee of an employer that invites new
 * employees. Identity creates the employee account linked to the person and mails the activation
 * link. Idempotent: a person who already has an account (an earlier delivery, or an invitation by
 * the administrator) is left alone, so a redelivered job never sends a second mail.
 */
export interface EmployeeInvitationRequested {
  personId: string;
  email: string;
  displayName: string;
  requestedByUserId: string | null;
}

export function readEmployeeInvitationRequested(payload: unknown): EmployeeInvitationRequested {
  const event = 'employee.invitation-requested';
  const raw = eventRecord(event, payload);
  const text = (field: string, max: number) => {
    const value = raw[field];
    if (typeof value !== 'string' || value.trim() === '' || value.length > max) throw new InvalidEventError(`${event}: ${field} must be a non-empty string`);
    return value.trim();
  };
  const requestedBy = raw.requestedByUserId;
  return {
    personId: eventUuid(event, raw, 'personId'),
    email: text('email', 254),
    displayName: text('displayName', 200),
    requestedByUserId: typeof requestedBy === 'string' && requestedBy !== '' ? requestedBy : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Who invited, when the request came from software (a partner client) rather than a user. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

export async function inviteNewEmployee(dataSource: DataSource, invitations: Invitations, payload: unknown): Promise<void> {
  const request = readEmployeeInvitationRequested(payload);
  if (await dataSource.getRepository(UserEntity).existsBy({ personId: request.personId })) return;
  await invitations.invite(
    { role: 'EMPLOYEE', personId: request.personId, email: request.email, displayName: request.displayName },
    request.requestedByUserId && UUID.test(request.requestedByUserId) ? request.requestedByUserId : NO_USER,
  );
}
