import {
  eventDate,
  eventOptionalUuid,
  eventRecord,
  eventUuid,
  InvalidEventError,
  type RawEvent,
} from '@poortwachter/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from '../entities/index.js';
import type { Messaging } from '../messaging/outbox.js';
import { activityDigestMail, documentSignedMail, type DigestItem } from '../messaging/notification-templates.js';
import type { IdentitySettings } from '../settings.js';
import { settingsOfMany } from '../settings-store.js';

export interface DocumentSignedEvent {
  signatureRequestId: string;
  documentId: string;
  sickCaseId: string;
  personId: string;
  employerId: string;
  divisionId: string | null;
  departmentId: string | null;
  documentTitle: string;
  signedAt: Date;
}

export interface ActivityDigestEvent {
  userId: string;
  date: string;
  overdue: DigestItem[];
  due: DigestItem[];
}

function text(event: string, raw: RawEvent, field: string, max = 500): string {
  const value = raw[field];
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidEventError(`${event}: ${field} must be a non-empty string`);
  return value.trim().slice(0, max);
}

export function readDocumentSigned(payload: unknown): DocumentSignedEvent {
  const event = 'document.signed';
  const raw = eventRecord(event, payload);
  const signedAt = new Date(typeof raw.signedAt === 'string' ? raw.signedAt : NaN);
  if (Number.isNaN(signedAt.getTime())) throw new InvalidEventError(`${event}: signedAt must be a timestamp`);
  return {
    signatureRequestId: eventUuid(event, raw, 'signatureRequestId'),
    documentId: eventUuid(event, raw, 'documentId'),
    sickCaseId: eventUuid(event, raw, 'sickCaseId'),
    personId: eventUuid(event, raw, 'personId'),
    employerId: eventUuid(event, raw, 'employerId'),
    divisionId: eventOptionalUuid(event, raw, 'divisionId'),
    departmentId: eventOptionalUuid(event, raw, 'departmentId'),
    documentTitle: text(event, raw, 'documentTitle', 300),
    signedAt,
  };
}

function readItems(event: string, raw: RawEvent, field: string): DigestItem[] {
  const list = raw[field] ?? [];
  if (!Array.isArray(list)) throw new InvalidEventError(`${event}: ${field} must be a list`);
  return list.map((entry) => {
    const item = eventRecord(event, entry);
    return {
      activityId: eventUuid(event, item, 'activityId'),
      title: text(event, item, 'title', 300),
      deadline: eventDate(event, item, 'deadline'),
      personId: eventUuid(event, item, 'personId'),
    };
  });
}

export function readActivityDigest(payload: unknown): ActivityDigestEvent {
  const event = 'activity-digest.ready';
  const raw = eventRecord(event, payload);
  return {
    userId: eventUuid(event, raw, 'userId'),
    date: eventDate(event, raw, 'date'),
    overdue: readItems(event, raw, 'overdue'),
    due: readItems(event, raw, 'due'),
  };
}

/** Roles told about a signed document: HR of the unit and the occupational health professionals. */
const SIGNED_DOCUMENT_ROLES = ['EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER'] as const;

/**
 * Mail that other services' events cause. Each event is handled once: its key goes into
 * notification_deliveries in the same transaction as the outbox rows, so a redelivered job (pg-boss
 * retries after a crash) finds the key and sends nothing again.
 */
export class Notifications {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messaging: Messaging,
    private readonly settings: IdentitySettings,
  ) {}

  private async claim(manager: EntityManager, key: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO identity.notification_deliveries (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key],
    );
    return rows.length === 1;
  }

  /** Active accounts (activated, not blocked, with an address) whose scope covers the unit. */
  async documentSignedRecipients(manager: EntityManager, event: DocumentSignedEvent): Promise<UserEntity[]> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.role IN (:...roles)', { roles: SIGNED_DOCUMENT_ROLES })
      .andWhere('u.blocked = false AND u.activated_at IS NOT NULL AND u.email IS NOT NULL')
      .andWhere(
        `(:employer = ANY(u.employer_ids) OR (CAST(:division AS uuid) IS NOT NULL AND CAST(:division AS uuid) = ANY(u.division_ids))
          OR (CAST(:department AS uuid) IS NOT NULL AND CAST(:department AS uuid) = ANY(u.department_ids)))`,
        { employer: event.employerId, division: event.divisionId, department: event.departmentId },
      )
      .orderBy('u.id')
      .getMany();
  }

  async documentSigned(payload: unknown): Promise<number> {
    const event = readDocumentSigned(payload);
    const deliveries: (() => Promise<void>)[] = [];
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.claim(manager, `document.signed:${event.signatureRequestId}`))) return;
      const recipients = await this.documentSignedRecipients(manager, event);
      const locales = await settingsOfMany(manager, recipients.map((user) => user.id));
      for (const user of recipients) {
        const mail = documentSignedMail({
          to: user.email!,
          locale: locales.get(user.id)!.locale,
          displayName: user.displayName,
          documentTitle: event.documentTitle,
          signedAt: event.signedAt,
          dossierLink: `${this.settings.publicEmployerUrl}/personen/${event.personId}`,
        });
        deliveries.push(await this.messaging.mail(mail, manager));
      }
    });
    // SMTP after the commit: a failing mail server must not undo the record (the outbox keeps it).
    await deliverAll(deliveries);
    return deliveries.length;
  }

  async activityDigest(payload: unknown): Promise<boolean> {
    const event = readActivityDigest(payload);
    if (event.overdue.length + event.due.length === 0) return false;
    const deliveries: (() => Promise<void>)[] = [];
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(UserEntity).findOneBy({ id: event.userId });
      if (!user || user.blocked || !user.activatedAt || !user.email) return;
      const settings = (await settingsOfMany(manager, [user.id])).get(user.id)!;
      if (!settings.dailyDigest) return;
      if (!(await this.claim(manager, `activity-digest:${user.id}:${event.date}`))) return;
      const deliver = await this.messaging.mail(
        activityDigestMail({
          to: user.email,
          locale: settings.locale,
          displayName: user.displayName,
          date: event.date,
          overdue: event.overdue,
          due: event.due,
          portalUrl: this.settings.publicEmployerUrl,
        }),
        manager,
      );
      deliveries.push(deliver);
    });
    await deliverAll(deliveries);
    return deliveries.length > 0;
  }
}

async function deliverAll(deliveries: (() => Promise<void>)[]): Promise<void> {
  const results = await Promise.allSettled(deliveries.map((deliver) => deliver()));
  for (const result of results) if (result.status === 'rejected') console.error('[identity] mail delivery failed', result.reason);
}
