import { domainError, type Actor, type SubgraphContext } from '@poortwachter/kit';
import type { DataSource, EntityManager } from 'typeorm';
import {
  applyRowChange,
  describeChange,
  overlayRows,
  ProtocolErrorCode,
  rowValues,
  sameValues,
  type EffectiveProtocolRow,
  type ProtocolRowValues,
  type StoredProtocolRow,
} from '../domain/protocol-admin.js';
import { isUuid } from '../domain/rules.js';
import { ACTIVITIES_READ_SCOPE } from '../resolvers/activity-queries.js';

export interface ProtocolVersionInfo {
  id: string;
  version: number;
  createdAt: Date;
  createdBy: string | null;
  changeSummary: string | null;
}

/** A protocol as it applies: the standard (employerId null) or an employer's, with its own rows laid over the standard. */
export interface ProtocolView {
  employerId: string | null;
  /** The owner's newest version; 0 for an employer that never had rows of its own. */
  version: number;
  standardVersion: number;
  changedAt: Date | null;
  rows: EffectiveProtocolRow[];
}

export interface UpdateProtocolRowCommand {
  employerId: string | null;
  code: string;
  change: Partial<ProtocolRowValues>;
  expectedVersion: number | null;
}

export interface ResetProtocolRowCommand {
  employerId: string;
  /** Null: every row of the employer goes back to the standard. */
  code: string | null;
  expectedVersion: number | null;
}

const STANDARD_NAME = 'Standaard verzuimprotocol';
const OWN_NAME = 'Eigen verzuimprotocol';

const employerNotFound = (id: string) =>
  domainError(ProtocolErrorCode.EMPLOYER_NOT_FOUND, `Employer ${id} is unknown or not visible to you.`, { id, field: 'employerId' });
const rowNotFound = (code: string) =>
  domainError(ProtocolErrorCode.PROTOCOL_ROW_NOT_FOUND, `The protocol has no row ${code}.`, { rowCode: code, field: 'code' });

/** One writer per protocol owner at a time, so two administrators never make the same version number. */
async function lockOwner(manager: EntityManager, employerId: string | null): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('activities:protocol:' || $1, 0))`, [
    employerId ?? 'standard',
  ]);
}

async function latestVersion(manager: EntityManager | DataSource, employerId: string | null): Promise<ProtocolVersionInfo | null> {
  const [row] = (await manager.query(
    `SELECT id, version, created_at AS "createdAt", created_by AS "createdBy", change_summary AS "changeSummary"
       FROM activities.protocol WHERE employer_id IS NOT DISTINCT FROM $1::uuid ORDER BY version DESC LIMIT 1`,
    [employerId],
  )) as ProtocolVersionInfo[];
  return row ?? null;
}

async function rowsOf(manager: EntityManager | DataSource, protocolId: string): Promise<StoredProtocolRow[]> {
  return manager.query(
    `SELECT id, position, code, title, role, kind, signal_day AS "signalDay", deadline_day AS "deadlineDay", trigger
       FROM activities.protocol_row WHERE protocol_id = $1 ORDER BY position`,
    [protocolId],
  );
}

/**
 * Viewing and changing the protocol. Every change is a new version of its owner's protocol (the
 * standard, or one employer's rows that deviate from it), stored with who made it and what changed;
 * old versions stay, because the activities they generated point at their rows. The engine reads
 * the newest versions when a sick report arrives, so a change applies to sick reports from then on
 * and never moves activities already created.
 */
export class ProtocolAdministration {
  constructor(private readonly dataSource: DataSource) {}

  /** Employers whose protocol the caller may read: all for the administrator, else those in or above their units. */
  private async visibleEmployers(actor: Actor): Promise<'all' | Set<string>> {
    const filter = actor.unitFilter();
    if (filter.kind === 'all') return 'all';
    if (filter.kind !== 'units') return new Set();
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT employer_id AS id FROM activities.person_placement
        WHERE employer_id IS NOT NULL AND (division_id = ANY($1::uuid[]) OR department_id = ANY($2::uuid[]))`,
      [filter.divisionIds, filter.departmentIds],
    )) as { id: string }[];
    return new Set([...filter.employerIds, ...rows.map((row) => row.id)]);
  }

  /** An employer activities has heard of: it employs people, had a sick report, or has a protocol. */
  private async knownEmployer(manager: EntityManager | DataSource, employerId: string): Promise<boolean> {
    const [row] = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM activities.person_placement WHERE employer_id = $1)
           OR EXISTS (SELECT 1 FROM activities.sick_case_ref WHERE employer_id = $1)
           OR EXISTS (SELECT 1 FROM activities.protocol WHERE employer_id = $1) AS known`,
      [employerId],
    )) as { known: boolean }[];
    return row?.known === true;
  }

  private requireReader(ctx: SubgraphContext): void {
    ctx.actor.requireRole('EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'PLANNER', 'ADMIN', 'API_CLIENT');
    ctx.actor.requireApiScope(ACTIVITIES_READ_SCOPE);
  }

  async view(ctx: SubgraphContext, employerId: string | null): Promise<ProtocolView> {
    this.requireReader(ctx);
    if (employerId !== null) {
      const visible = isUuid(employerId) ? await this.visibleEmployers(ctx.actor) : new Set<string>();
      const allowed = visible === 'all' ? isUuid(employerId) && (await this.knownEmployer(this.dataSource, employerId)) : visible.has(employerId);
      if (!allowed) throw employerNotFound(employerId);
    }
    return this.load(this.dataSource, employerId);
  }

  /** The standard protocol and every employer protocol with a version of its own that the caller may see. */
  async list(ctx: SubgraphContext): Promise<ProtocolView[]> {
    this.requireReader(ctx);
    const visible = await this.visibleEmployers(ctx.actor);
    const owners = (await this.dataSource.query(
      `SELECT DISTINCT employer_id AS id FROM activities.protocol WHERE employer_id IS NOT NULL`,
    )) as { id: string }[];
    const employerIds = owners.map((row) => row.id).filter((id) => visible === 'all' || visible.has(id));
    const views = [await this.load(this.dataSource, null)];
    for (const id of employerIds.sort()) views.push(await this.load(this.dataSource, id));
    return views;
  }

  async history(employerId: string | null, limit: number): Promise<ProtocolVersionInfo[]> {
    return this.dataSource.query(
      `SELECT id, version, created_at AS "createdAt", created_by AS "createdBy", change_summary AS "changeSummary"
         FROM activities.protocol WHERE employer_id IS NOT DISTINCT FROM $1::uuid ORDER BY version DESC LIMIT $2`,
      [employerId, limit],
    );
  }

  private async load(manager: EntityManager | DataSource, employerId: string | null): Promise<ProtocolView> {
    const standard = await latestVersion(manager, null);
    if (!standard) throw new Error('The standard protocol is missing: migrations have not run.');
    const standardRows = await rowsOf(manager, standard.id);
    const own = employerId === null ? null : await latestVersion(manager, employerId);
    const ownRows = own ? await rowsOf(manager, own.id) : [];
    const owner = employerId === null ? standard : own;
    return {
      employerId,
      version: owner?.version ?? 0,
      standardVersion: standard.version,
      changedAt: owner?.createdAt ?? null,
      rows: overlayRows(standardRows, ownRows),
    };
  }

  private requireAdmin(ctx: SubgraphContext, command: { employerId: string | null; expectedVersion: number | null }): void {
    ctx.actor.requireRole('ADMIN');
    if (command.employerId !== null && !isUuid(command.employerId)) throw employerNotFound(command.employerId);
    if (command.expectedVersion !== null && (!Number.isInteger(command.expectedVersion) || command.expectedVersion < 0)) {
      throw domainError('BAD_USER_INPUT', 'expectedVersion must be a whole number from 0.', { field: 'expectedVersion' });
    }
  }

  /**
   * Opens a transaction on the owner's protocol: locks it, checks the employer and the expected
   * version, and hands the current state to `change`, which returns the next version's own rows
   * and summary (or null when nothing changes).
   */
  private async change(
    ctx: SubgraphContext,
    command: { employerId: string | null; expectedVersion: number | null },
    change: (state: { view: ProtocolView; standardRows: StoredProtocolRow[]; ownRows: StoredProtocolRow[] }) =>
      | { rows: (ProtocolRowValues & Pick<StoredProtocolRow, 'code' | 'position' | 'trigger'>)[]; summary: string }
      | null,
  ): Promise<ProtocolView> {
    const { employerId } = command;
    const changed = await this.dataSource.transaction(async (manager) => {
      await lockOwner(manager, employerId);
      if (employerId !== null && !(await this.knownEmployer(manager, employerId))) throw employerNotFound(employerId);
      const view = await this.load(manager, employerId);
      if (command.expectedVersion !== null && command.expectedVersion !== view.version) {
        throw domainError(
          ProtocolErrorCode.PROTOCOL_VERSION_CONFLICT,
          `The protocol changed meanwhile: version ${view.version}, not ${command.expectedVersion}. Reload and try again.`,
          { currentVersion: view.version },
        );
      }
      const standardRows = view.rows.map((row) => row.standardRow ?? row);
      const ownRows = employerId === null ? [] : view.rows.filter((row) => row.overridden);
      const next = change({ view, standardRows, ownRows });
      if (!next) return false;
      const [protocol] = (await manager.query(
        `INSERT INTO activities.protocol (id, name, version, employer_id, created_by, change_summary)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5) RETURNING id`,
        [employerId === null ? STANDARD_NAME : OWN_NAME, view.version + 1, employerId, ctx.actor.userId, next.summary],
      )) as { id: string }[];
      if (next.rows.length > 0) {
        const column = <K extends keyof (typeof next.rows)[number]>(key: K) => next.rows.map((row) => row[key]);
        await manager.query(
          `INSERT INTO activities.protocol_row (id, protocol_id, position, code, title, role, kind, signal_day, deadline_day, trigger)
           SELECT gen_random_uuid(), $1, t.position, t.code, t.title, t.role, t.kind, t.signal_day, t.deadline_day, t.trigger
             FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::text[])
                  AS t(position, code, title, role, kind, signal_day, deadline_day, trigger)`,
          [
            protocol!.id,
            column('position'),
            column('code'),
            column('title'),
            column('role'),
            column('kind'),
            column('signalDay'),
            column('deadlineDay'),
            column('trigger'),
          ],
        );
      }
      return true;
    });
    if (changed) ctx.accessLog.change('protocol', 'update', null, 'administration');
    return this.load(this.dataSource, employerId);
  }

  /**
   * Changes one row. In the standard protocol the row changes for every employer without a row of
   * its own; for an employer the row becomes its own, or stops being its own when it matches the
   * standard again. A change that changes nothing makes no version.
   */
  updateRow(ctx: SubgraphContext, command: UpdateProtocolRowCommand): Promise<ProtocolView> {
    this.requireAdmin(ctx, command);
    return this.change(ctx, command, ({ view, standardRows, ownRows }) => {
      const current = view.rows.find((row) => row.code === command.code);
      if (!current) throw rowNotFound(command.code);
      const next = applyRowChange(rowValues(current), command.change);
      if (sameValues(next, current)) return null;
      const keep = (row: StoredProtocolRow) => ({ ...rowValues(row), code: row.code, position: row.position, trigger: row.trigger });
      const changedRow = { ...next, code: current.code, position: current.position, trigger: current.trigger };
      if (command.employerId === null) {
        return {
          rows: standardRows.map((row) => (row.code === command.code ? changedRow : keep(row))),
          summary: describeChange(current, next),
        };
      }
      const standardRow = current.standardRow ?? current;
      const backToStandard = sameValues(next, standardRow);
      return {
        rows: [...ownRows.filter((row) => row.code !== command.code).map(keep), ...(backToStandard ? [] : [changedRow])],
        summary: describeChange(current, next) + (backToStandard ? ' (weer gelijk aan de standaard)' : ''),
      };
    });
  }

  /** Puts one row (or, without a code, all rows) of an employer back to the standard. */
  resetRow(ctx: SubgraphContext, command: ResetProtocolRowCommand): Promise<ProtocolView> {
    this.requireAdmin(ctx, command);
    return this.change(ctx, command, ({ view, ownRows }) => {
      const keep = (row: StoredProtocolRow) => ({ ...rowValues(row), code: row.code, position: row.position, trigger: row.trigger });
      if (command.code === null) {
        if (ownRows.length === 0) return null;
        return { rows: [], summary: 'Alle regels terug naar de standaard' };
      }
      const current = view.rows.find((row) => row.code === command.code);
      if (!current) throw rowNotFound(command.code);
      if (!current.overridden) return null;
      return {
        rows: ownRows.filter((row) => row.code !== command.code).map(keep),
        summary: `${current.standardRow?.title ?? current.title}: terug naar de standaard`,
      };
    });
  }
}
