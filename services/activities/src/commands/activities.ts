import type { ServiceDeps, SubgraphContext } from '@poortwachter/kit';
import { domainError, forbidden } from '@poortwachter/kit';
import type { EntityManager } from 'typeorm';
import { addDays, todayIn } from '../domain/dates.js';
import type { ActivityKind, ActivityRole } from '../domain/protocol.js';
import {
  ACTIVITIES_WRITE_SCOPE,
  ActivityErrorCode,
  MAX_CONCLUSION_LENGTH,
  MAX_DEADLINE_DAYS_AHEAD,
  MAX_REMARKS_LENGTH,
  activityNotFound,
  checkLength,
  isUuid,
  personNotFound,
  sickCaseNotFound,
  writingRoleOf,
} from '../domain/rules.js';
import type { ActivityTypeCategory } from '../entities/activity-type.js';
import { COLUMNS, FROM, Params, unitCondition } from '../resolvers/activity-queries.js';
import type { Activity } from '../resolvers/types.js';

export interface FollowUpCommand {
  activityTypeCode: string;
  deadline: string;
  remarks: string | null;
}

export interface CloseActivityCommand {
  activityId: string;
  status: 'HANDLED' | 'CANCELLED';
  conclusion: string | null;
  remarks: string | null;
  followUp: FollowUpCommand | null;
}

export interface AddActivityCommand {
  personId: string;
  sickCaseId: string | null;
  activityTypeCode: string;
  deadline: string;
  remarks: string | null;
  documentId?: string | null;
}

/** What `activity.handled` tells other services: ids and dates, never the texts. */
export interface ActivityHandledEvent {
  activityId: string;
  personId: string;
  sickCaseId: string | null;
  status: 'HANDLED' | 'CANCELLED';
  handledAt: string;
  followUpActivityId: string | null;
}

interface CatalogueType {
  code: string;
  category: ActivityTypeCategory;
  title: string;
  role: ActivityRole;
  kind: ActivityKind;
  linksDocument: boolean;
}

/**
 * Handling, cancelling and adding activities. Every rule is checked before the first write and all
 * writes of a command share one transaction (with its event): bad input changes nothing.
 */
export class ActivityCommands {
  constructor(private readonly deps: ServiceDeps) {}

  async close(ctx: SubgraphContext, command: CloseActivityCommand, today: string = todayIn()): Promise<Activity> {
    const writing = this.requireWriter(ctx);
    checkLength('conclusion', command.conclusion, MAX_CONCLUSION_LENGTH);
    checkLength('remarks', command.remarks, MAX_REMARKS_LENGTH);
    if (command.followUp) {
      checkDeadline('followUp.deadline', command.followUp.deadline, today);
      checkLength('followUp.remarks', command.followUp.remarks, MAX_REMARKS_LENGTH);
    }
    if (!isUuid(command.activityId)) throw activityNotFound(command.activityId);

    const result = await this.deps.dataSource.transaction(async (manager) => {
      const params = new Params();
      const visible = unitCondition(ctx.actor, params);
      const [activity] = visible
        ? ((await manager.query(
            `SELECT a.id, a.role, a.status, a.person_id AS "personId", a.sick_case_id AS "sickCaseId" ${FROM}
              WHERE a.id = ${params.add(command.activityId)}::uuid AND ${visible}
                FOR UPDATE OF a`,
            params.values,
          )) as { id: string; role: ActivityRole; status: string; personId: string; sickCaseId: string | null }[])
        : [];
      if (!activity) {
        ctx.accessLog.denied('activity', null);
        throw activityNotFound(command.activityId);
      }
      if (writing !== 'ALL' && activity.role !== writing) {
        ctx.accessLog.denied('activity', activity.personId);
        throw forbidden(`activities of role ${activity.role}`);
      }
      if (activity.status !== 'OPEN') {
        throw domainError(ActivityErrorCode.ACTIVITY_ALREADY_CLOSED, `This activity is already ${activity.status.toLowerCase()}.`, {
          status: activity.status,
        });
      }
      const followUpType = command.followUp ? await this.creatableType(manager, writing, command.followUp.activityTypeCode) : null;

      await manager.query(
        `UPDATE activities.activity
            SET status = $2, conclusion = $3, remarks = $4, handled_at = now(), closed_reason = NULL, updated_at = now()
          WHERE id = $1`,
        [activity.id, command.status, command.conclusion, command.remarks],
      );
      let followUpId: string | null = null;
      if (command.followUp && followUpType) {
        followUpId = await insertActivity(manager, {
          personId: activity.personId,
          sickCaseId: activity.sickCaseId,
          type: followUpType,
          signalDate: today,
          deadline: command.followUp.deadline,
          remarks: command.followUp.remarks,
          followUpOf: activity.id,
          documentId: null,
        });
      }
      const event: ActivityHandledEvent = {
        activityId: activity.id,
        personId: activity.personId,
        sickCaseId: activity.sickCaseId,
        status: command.status,
        handledAt: new Date().toISOString(),
        followUpActivityId: followUpId,
      };
      await this.deps.bus?.publish('activity.handled', event, { manager });
      return { personId: activity.personId, followUpId };
    });
    ctx.accessLog.change('activity', 'update', result.personId);
    if (result.followUpId) ctx.accessLog.change('activity', 'create', result.personId);
    return this.load(command.activityId);
  }

  async add(ctx: SubgraphContext, command: AddActivityCommand, today: string = todayIn()): Promise<Activity> {
    const writing = this.requireWriter(ctx);
    checkDeadline('deadline', command.deadline, today);
    checkLength('remarks', command.remarks, MAX_REMARKS_LENGTH);
    if (!isUuid(command.personId)) throw personNotFound(command.personId);
    if (command.sickCaseId !== null && !isUuid(command.sickCaseId)) throw sickCaseNotFound(command.sickCaseId);
    const documentId = command.documentId ?? null;
    if (documentId !== null && !isUuid(documentId)) {
      throw domainError('BAD_USER_INPUT', 'documentId is not a document id.', { field: 'documentId' });
    }

    const id = await this.deps.dataSource.transaction(async (manager) => {
      const [placement] = (await manager.query(
        `SELECT employer_id AS "employerId", division_id AS "divisionId", department_id AS "departmentId"
           FROM activities.person_placement WHERE person_id = $1 AND employer_id IS NOT NULL`,
        [command.personId],
      )) as { employerId: string; divisionId: string | null; departmentId: string | null }[];
      if (!placement || !ctx.actor.coversUnit(placement)) {
        ctx.accessLog.denied('person', placement ? command.personId : null);
        throw personNotFound(command.personId);
      }
      if (command.sickCaseId !== null) {
        const [sickCase] = (await manager.query(
          `SELECT 1 FROM activities.sick_case_ref WHERE sick_case_id = $1 AND person_id = $2`,
          [command.sickCaseId, command.personId],
        )) as unknown[];
        if (!sickCase) throw sickCaseNotFound(command.sickCaseId);
      }
      const type = await this.creatableType(manager, writing, command.activityTypeCode);
      if (type.linksDocument && documentId === null) {
        throw domainError('BAD_USER_INPUT', `Activity type ${type.code} records a document: give documentId.`, {
          field: 'documentId',
        });
      }
      if (!type.linksDocument && documentId !== null) {
        throw domainError('BAD_USER_INPUT', `Activity type ${type.code} does not record a document.`, {
          field: 'documentId',
        });
      }
      return insertActivity(manager, {
        personId: command.personId,
        sickCaseId: command.sickCaseId,
        type,
        signalDate: today,
        deadline: command.deadline,
        remarks: command.remarks,
        followUpOf: null,
        documentId,
      });
    });
    ctx.accessLog.change('activity', 'create', command.personId);
    return this.load(id);
  }

  /** Roles that change activities, and partner software with the write scope. */
  private requireWriter(ctx: SubgraphContext): ActivityRole | 'ALL' {
    const identity = ctx.actor.requireRole('EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'ADMIN', 'API_CLIENT');
    ctx.actor.requireApiScope(ACTIVITIES_WRITE_SCOPE);
    const writing = writingRoleOf(identity.role);
    if (!writing) throw forbidden('activities');
    return writing;
  }

  /**
   * A catalogue type the caller may create: the employer its own types and its requests to the
   * arbodienst (Bijlage I), the bedrijfsarts and casemanager only types of their own role.
   */
  private async creatableType(manager: EntityManager, writing: ActivityRole | 'ALL', code: string): Promise<CatalogueType> {
    const [type] = (await manager.query(
      `SELECT code, category, title, role, kind, links_document AS "linksDocument" FROM activities.activity_type WHERE code = $1`,
      [code],
    )) as CatalogueType[];
    if (!type) {
      throw domainError(ActivityErrorCode.UNKNOWN_ACTIVITY_TYPE, `Activity type ${code} is not in the catalogue.`, {
        field: 'activityTypeCode',
      });
    }
    const allowed =
      writing === 'ALL' || type.role === writing || (writing === 'WG' && type.category === 'WG_REQUEST');
    if (!allowed) throw forbidden(`activity type ${code}`);
    return type;
  }

  /** The activity as the API shows it; the caller has just been authorised for it. */
  private async load(id: string): Promise<Activity> {
    const [row] = (await this.deps.dataSource.query(`SELECT ${COLUMNS} ${FROM} WHERE a.id = $1`, [id])) as Activity[];
    return row!;
  }
}

function checkDeadline(field: string, deadline: string, today: string): void {
  const latest = addDays(today, MAX_DEADLINE_DAYS_AHEAD);
  if (deadline < today || deadline > latest) {
    throw domainError(ActivityErrorCode.INVALID_DEADLINE, `The deadline must lie between today (${today}) and ${latest}.`, {
      field,
      earliest: today,
      latest,
    });
  }
}

async function insertActivity(
  manager: EntityManager,
  values: {
    personId: string;
    sickCaseId: string | null;
    type: CatalogueType;
    signalDate: string;
    deadline: string;
    remarks: string | null;
    followUpOf: string | null;
    documentId: string | null;
  },
): Promise<string> {
  // Recording an imported document is the action itself: done the moment it is recorded.
  const done = values.type.linksDocument;
  const [row] = (await manager.query(
    `INSERT INTO activities.activity
            (person_id, sick_case_id, activity_type_code, follow_up_of, title, role, kind, signal_date, deadline, status, remarks,
             document_id, handled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $11, $10, $12, CASE WHEN $11 = 'HANDLED' THEN now() END)
     RETURNING id`,
    [
      values.personId,
      values.sickCaseId,
      values.type.code,
      values.followUpOf,
      values.type.title,
      values.type.role,
      values.type.kind,
      values.signalDate,
      values.deadline,
      values.remarks,
      done ? 'HANDLED' : 'OPEN',
      values.documentId,
    ],
  )) as { id: string }[];
  return row!.id;
}
