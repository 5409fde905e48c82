import pg from 'pg';

/** Identity's answer extension naming the users whose sessions the operation ended. */
export const REVOKED_USERS_EXTENSION = 'revokedUserIds';

/** Called with the users whose cached tokens must be checked with identity again. */
export type RevokedUsersListener = (userIds: string[]) => void;

const MAX_IDS = 1000;

/**
 * Takes identity's `revokedUserIds` out of a subgraph answer (it is for the gateway, not for
 * clients) and returns the ids; the answer object is changed in place.
 */
export function takeRevokedUsers(answer: unknown): string[] {
  if (typeof answer !== 'object' || answer === null) return [];
  const container = answer as { extensions?: unknown };
  const extensions = container.extensions;
  if (typeof extensions !== 'object' || extensions === null || !(REVOKED_USERS_EXTENSION in extensions)) return [];
  const record = extensions as Record<string, unknown>;
  const value = record[REVOKED_USERS_EXTENSION];
  delete record[REVOKED_USERS_EXTENSION];
  if (Object.keys(record).length === 0) delete container.extensions;
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_IDS).filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 128);
}

/** The Postgres channel on which gateway replicas tell each other whose tokens to drop. */
export const REVOCATION_CHANNEL = 'poortwachter_revoked_users';
/** NOTIFY payloads must stay under 8000 bytes: ids go out in batches of this many. */
const IDS_PER_NOTIFICATION = 100;

/**
 * Session revocation shared by every gateway replica through Postgres LISTEN/NOTIFY. The replica
 * that saw identity's `revokedUserIds` publishes them; every replica (itself included) drops the
 * users' cached tokens when the notification arrives, typically within milliseconds instead of
 * the token cache period. The listening connection reconnects after a failure; while it is down
 * the cache period still bounds how long a revoked token works.
 */
export class RevocationBroadcast {
  private listener: pg.Client | null = null;
  private closed = false;
  private retryMs = 500;

  private constructor(
    private readonly databaseUrl: string,
    private readonly onRevoked: RevokedUsersListener,
    private readonly pool: pg.Pool,
  ) {}

  static async connect(databaseUrl: string, onRevoked: RevokedUsersListener): Promise<RevocationBroadcast> {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, application_name: 'poortwachter-gateway' });
    const broadcast = new RevocationBroadcast(databaseUrl, onRevoked, pool);
    await broadcast.listen();
    return broadcast;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'poortwachter-gateway-listen' });
    client.on('notification', (message) => {
      if (message.channel !== REVOCATION_CHANNEL || !message.payload) return;
      try {
        const ids = JSON.parse(message.payload) as unknown;
        if (Array.isArray(ids)) this.onRevoked(ids.filter((id): id is string => typeof id === 'string'));
      } catch {
        // Not ours: ignore.
      }
    });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${REVOCATION_CHANNEL}`);
    this.listener = client;
    this.retryMs = 500;
  }

  private reconnect(client: pg.Client): void {
    if (this.closed || this.listener !== client) return;
    this.listener = null;
    client.removeAllListeners();
    void client.end().catch(() => undefined);
    const retry = () => {
      if (this.closed) return;
      this.listen().catch(() => {
        this.retryMs = Math.min(this.retryMs * 2, 30_000);
        setTimeout(retry, this.retryMs).unref();
      });
    };
    setTimeout(retry, this.retryMs).unref();
  }

  /** Tells every replica; failures are reported to the caller (the local cache is dropped anyway). */
  async publish(userIds: string[]): Promise<void> {
    for (let start = 0; start < userIds.length; start += IDS_PER_NOTIFICATION) {
      const batch = userIds.slice(start, start + IDS_PER_NOTIFICATION);
      await this.pool.query('SELECT pg_notify($1, $2)', [REVOCATION_CHANNEL, JSON.stringify(batch)]);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const listener = this.listener;
    this.listener = null;
    if (listener) {
      listener.removeAllListeners();
      await listener.end().catch(() => undefined);
    }
    await this.pool.end();
  }
}
