import { PgBoss } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import type { ServiceName } from './config.js';
import { BUSINESS_TIME_ZONE } from './calendar.js';

/**
 * Who consumes which event. Publishing writes one job into each consumer's own queue, and every
 * bus creates all queues on start: an event published while a consumer is stopped (or has never
 * run yet) waits in its queue until that consumer starts. Payloads carry ids and the facts a
 * consumer needs, never medical content.
 */
export const EVENT_TOPOLOGY = {
  'person.changed': ['activities', 'agenda', 'reporting'],
  'sick-case.reported': ['activities', 'reporting'],
  'sick-case.changed': ['activities', 'reporting'],
  'sick-case.recovered': ['activities', 'reporting'],
  'access.logged': ['identity'],
  // Published already; a consumer adds itself here in the same change that subscribes to it, so
  // no queue fills up without a worker.
  'employment.changed': ['reporting'],
  'activity.handled': [],
  'appointment.planned': [],
  'appointment.changed': [],
  'document.signed': ['identity'],
  // Who may receive the daily digest, as a read model in activities (role, scope, opt-in; no e-mail),
  // and the names dossier shows as authors of notes and documents.
  'user.changed': ['activities', 'dossier'],
  // One user's due and overdue activities of the day; identity turns it into a mail in the outbox.
  'activity-digest.ready': ['identity'],
  // A new employee (dossier's wizard or partner API) whose employer invites new employees: identity
  // creates the employee account and sends the activation mail.
  'employee.invitation-requested': ['identity'],
} as const satisfies Record<string, readonly ServiceName[]>;

export type EventName = keyof typeof EVENT_TOPOLOGY;

export const queueName = (consumer: ServiceName, event: EventName) => `${consumer}.${event}`;

export type EventHandler<T> = (payload: T, meta: { jobId: string; event: EventName }) => Promise<void>;

/** An IDatabase for pg-boss that runs its statements inside a TypeORM transaction. */
function inTransaction(manager: EntityManager) {
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      const rows = await manager.query(text, values as unknown[]);
      return { rows: Array.isArray(rows) ? rows : [] };
    },
  };
}

export interface EventBusOptions {
  connectionString: string;
  service: ServiceName;
  /** Seconds between polls when LISTEN/NOTIFY is unavailable. */
  pollingIntervalSeconds?: number;
}

export class EventBus {
  private constructor(
    private readonly boss: PgBoss,
    private readonly service: ServiceName,
    private readonly pollingIntervalSeconds: number,
  ) {}

  static async start(options: EventBusOptions): Promise<EventBus> {
    const boss = new PgBoss({
      connectionString: options.connectionString,
      schema: 'pgboss',
      max: 4,
      useListenNotify: true,
    });
    boss.on('error', (error) => console.error(`[${options.service}] event bus error`, error));
    await boss.start();
    const bus = new EventBus(boss, options.service, options.pollingIntervalSeconds ?? 1);
    await bus.ensureQueues();
    return bus;
  }

  private async ensureQueues(): Promise<void> {
    const existing = new Set((await this.boss.getQueues()).map((queue) => queue.name));
    for (const [event, consumers] of Object.entries(EVENT_TOPOLOGY) as [EventName, readonly ServiceName[]][]) {
      for (const consumer of consumers) {
        const name = queueName(consumer, event);
        if (existing.has(name)) continue;
        try {
          await this.boss.createQueue(name, { notify: true, retryLimit: 5, retryDelay: 2, retryBackoff: true });
        } catch (error) {
          // Another service may create the same queue at the same moment.
          if (!/already exists|duplicate/i.test(String(error))) throw error;
        }
      }
    }
  }

  /**
   * Publishes to every consumer. Pass the TypeORM transaction's manager to make the event part of
   * the same commit as the change it reports (no event without change, no change without event).
   */
  async publish<T extends object>(event: EventName, payload: T, options: { manager?: EntityManager } = {}): Promise<void> {
    const db = options.manager ? inTransaction(options.manager) : undefined;
    for (const consumer of EVENT_TOPOLOGY[event]) {
      await this.boss.send(queueName(consumer, event), payload, db ? { db } : {});
    }
  }

  /** Sends many events at once (used for batched access-log entries). */
  async publishMany<T extends object>(event: EventName, payloads: T[]): Promise<void> {
    if (payloads.length === 0) return;
    for (const consumer of EVENT_TOPOLOGY[event]) {
      await this.boss.insert(
        queueName(consumer, event),
        payloads.map((data) => ({ data })),
      );
    }
  }

  /** Handles this service's queue for an event, one job at a time; a failing handler is retried by pg-boss. */
  async subscribe<T>(event: EventName, handler: EventHandler<T>): Promise<void> {
    await this.subscribeBatch<T>(event, async (jobs) => {
      for (const job of jobs) await handler(job.payload, { jobId: job.jobId, event });
    });
  }

  /**
   * Handles up to `batchSize` jobs per call, for consumers that store a batch in one statement
   * (the access log). A failing handler fails the whole batch, which pg-boss retries.
   */
  async subscribeBatch<T>(
    event: EventName,
    handler: (jobs: { jobId: string; payload: T }[]) => Promise<void>,
    options: { batchSize?: number } = {},
  ): Promise<void> {
    const consumers = EVENT_TOPOLOGY[event] as readonly ServiceName[];
    if (!consumers.includes(this.service)) {
      throw new Error(`${this.service} is not a consumer of ${event}; add it to EVENT_TOPOLOGY`);
    }
    await this.boss.work<T>(
      queueName(this.service, event),
      {
        batchSize: options.batchSize ?? 20,
        pollingIntervalSeconds: this.pollingIntervalSeconds,
        // NOTIFY wakes workers at once; this is only the backstop should a notification be missed.
        notifyPollingIntervalSeconds: 5,
        // A full batch means a backlog: fetch again at once instead of waiting for the next poll.
        burstWhenBatchFull: true,
      },
      async (jobs) => handler(jobs.map((job) => ({ jobId: job.id, payload: job.data }))),
    );
  }

  /**
   * Runs `handler` on a cron schedule (in the business time zone unless `tz` says otherwise). The
   * schedule lives in the database, so with several instances each tick runs once, and a tick
   * missed while the service was down is not replayed.
   */
  async schedule(name: string, cron: string, handler: () => Promise<void>, options: { tz?: string } = {}): Promise<void> {
    const queue = `${this.service}.schedule.${name}`;
    try {
      await this.boss.createQueue(queue, { retryLimit: 2, retryDelay: 60 });
    } catch (error) {
      if (!/already exists|duplicate/i.test(String(error))) throw error;
    }
    await this.boss.schedule(queue, cron, null, { tz: options.tz ?? BUSINESS_TIME_ZONE });
    await this.boss.work(queue, { pollingIntervalSeconds: 30 }, async () => handler());
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 5000 });
  }
}
