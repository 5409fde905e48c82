import type { Actor } from './authz.js';
import type { ServiceName } from './config.js';
import type { EventBus } from './events.js';

/**
 * One NEN 7513 access-log line. Subgraphs record; the identity subgraph stores the lines
 * append-only. No personal data beyond the ids needed to answer "who looked at what".
 */
export interface AccessLogEntry {
  /** e.g. `person.read`, `sick-case.create`, `login.success` */
  event: string;
  at: string;
  outcome: 'success' | 'denied' | 'failure';
  userId: string | null;
  role: string | null;
  onBehalfOf: string | null;
  purpose: string;
  /** The operation or endpoint through which the data was reached. */
  accessPoint: string;
  /** The person whose data was touched. */
  personId: string | null;
  /** The subgraph that served the data. */
  source: ServiceName;
}

export type AccessLogInput = Pick<AccessLogEntry, 'event' | 'personId'> &
  Partial<Pick<AccessLogEntry, 'outcome' | 'purpose' | 'accessPoint'>>;

/**
 * Buffers entries and ships them in batches through the event bus, so a list of fifty persons
 * costs one insert rather than fifty, and a slow audit store never slows a read.
 */
export class AccessLogShipper {
  private buffer: AccessLogEntry[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly bus: EventBus | null,
    private readonly source: ServiceName,
    private readonly flushAfterMs = 250,
  ) {}

  record(actor: Actor, operation: string, inputs: AccessLogInput[]): void {
    if (inputs.length === 0) return;
    const at = new Date().toISOString();
    for (const input of inputs) {
      this.buffer.push({
        event: input.event,
        at,
        outcome: input.outcome ?? 'success',
        userId: actor.userId,
        role: actor.role,
        onBehalfOf: actor.identity?.onBehalfOf ?? null,
        purpose: input.purpose ?? 'care',
        accessPoint: input.accessPoint ?? operation,
        personId: input.personId,
        source: this.source,
      });
    }
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.flushAfterMs);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0 || !this.bus) return;
    try {
      await this.bus.publishMany('access.logged', batch);
    } catch (error) {
      // Keep the lines for the next flush: losing audit lines is not acceptable.
      this.buffer.unshift(...batch);
      console.error(`[${this.source}] access log flush failed`, error);
    }
  }
}

/** The per-request view: remembers the operation so resolvers only name event and person. */
export class AccessLog {
  constructor(
    private readonly shipper: AccessLogShipper,
    private readonly actor: Actor,
    private readonly operation: string,
  ) {}

  read(entity: string, personIds: Iterable<string>, purpose?: string): void {
    const unique = [...new Set(personIds)];
    this.shipper.record(
      this.actor,
      this.operation,
      unique.map((personId) => ({ event: `${entity}.read`, personId, purpose })),
    );
  }

  change(entity: string, action: 'create' | 'update' | 'delete', personId: string | null, purpose?: string): void {
    this.shipper.record(this.actor, this.operation, [{ event: `${entity}.${action}`, personId, purpose }]);
  }

  denied(entity: string, personId: string | null): void {
    this.shipper.record(this.actor, this.operation, [{ event: `${entity}.read`, personId, outcome: 'denied' }]);
  }
}
