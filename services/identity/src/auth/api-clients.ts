import { randomUUID } from 'node:crypto';
import { domainError, notFound, type Identity } from '@poortwachter/kit';
import type { DataSource } from 'typeorm';
import { AccessLogEntryEntity } from '../entities/index.js';
import { signAccessToken } from './access-token.js';
import type { SigningKeys } from './signing-keys.js';
import type { LoginThrottle } from './throttle.js';
import { randomToken, sameBytes, tokenHash } from './tokens.js';

/** The OAuth scopes a partner client can be granted; subgraphs check them with `requireApiScope`. */
export const API_SCOPES = [
  'persons:read',
  'persons:write',
  'sickcases:read',
  'sickcases:write',
  'appointments:read',
  'activities:read',
  'reports:read',
  'documents:read',
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ApiClientRow {
  id: string;
  name: string;
  employer_id: string;
  scopes: string[];
  secret_hash: Buffer;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const invalidClient = () => domainError('INVALID_CLIENT', 'Client authentication failed.');

/**
 * Partner API clients (e.g. an HR or payroll coupling) for one employer, with OAuth scopes. The
 * secret is shown once at creation and stored as SHA-256 (256 random bits need no slow hash).
 */
export class ApiClients {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: SigningKeys,
    private readonly throttle: LoginThrottle,
    private readonly tokenTtlSeconds: number,
  ) {}

  async create(input: { name: string; employerId: string; scopes: string[] }, adminId: string): Promise<{ client: ApiClientRow; secret: string }> {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 200) throw domainError('BAD_USER_INPUT', 'The name must be 1 to 200 characters.', { field: 'name' });
    if (!UUID.test(input.employerId)) throw domainError('BAD_USER_INPUT', 'employerId is not an id.', { field: 'employerId' });
    const scopes = [...new Set(input.scopes)];
    const unknown = scopes.filter((scope) => !(API_SCOPES as readonly string[]).includes(scope));
    if (scopes.length === 0 || unknown.length > 0) {
      throw domainError('INVALID_SCOPE', `Scopes must be some of: ${API_SCOPES.join(', ')}.`, { field: 'scopes', unknown });
    }
    const secret = randomToken();
    const rows: ApiClientRow[] = await this.dataSource.query(
      `INSERT INTO identity.api_clients (id, name, employer_id, scopes, secret_hash, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [randomUUID(), name, input.employerId, scopes, tokenHash(secret), adminId],
    );
    await this.log('api-client.created', rows[0]!.id, adminId, 'success');
    return { client: rows[0]!, secret };
  }

  async revoke(id: string, adminId: string): Promise<ApiClientRow> {
    if (!UUID.test(id)) throw notFound('ApiClient', id);
    const rows: ApiClientRow[] = await this.dataSource.query(`SELECT * FROM identity.api_clients WHERE id = $1`, [id]);
    if (!rows[0]) throw notFound('ApiClient', id);
    await this.dataSource.query(`UPDATE identity.api_clients SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1`, [id]);
    await this.log('api-client.revoked', id, adminId, 'success');
    return (await this.dataSource.query(`SELECT * FROM identity.api_clients WHERE id = $1`, [id]))[0];
  }

  async list(): Promise<ApiClientRow[]> {
    return this.dataSource.query(`SELECT * FROM identity.api_clients ORDER BY created_at DESC`);
  }

  /** OAuth 2.0 client credentials: a short-lived access token with the granted (or requested subset of) scopes. */
  async token(
    clientId: string,
    clientSecret: string,
    requested: string[] | null,
    address: string | null,
  ): Promise<{ accessToken: string; expiresAt: Date; scopes: string[] }> {
    const keys = { account: `client:${clientId.slice(0, 64)}`, address };
    await this.throttle.assertAllowed(keys);
    const rows: ApiClientRow[] = UUID.test(clientId)
      ? await this.dataSource.query(`SELECT * FROM identity.api_clients WHERE id = $1`, [clientId])
      : [];
    const client = rows[0];
    const secretOk = client ? sameBytes(tokenHash(clientSecret.slice(0, 200)), client.secret_hash) : false;
    if (!client || !secretOk || client.revoked_at) {
      await this.throttle.recordFailure(keys);
      if (client) await this.log('api-client.token', client.id, null, 'failure');
      throw invalidClient();
    }
    const scopes = requested ?? client.scopes;
    if (scopes.some((scope) => !client.scopes.includes(scope))) {
      throw domainError('INVALID_SCOPE', 'A requested scope was not granted to this client.');
    }
    await this.throttle.recordSuccess(keys);
    const identity: Identity = {
      sub: client.id,
      role: 'API_CLIENT',
      apiScopes: scopes,
      scope: { employerIds: [client.employer_id], divisionIds: [], departmentIds: [] },
    };
    const expiresAt = new Date(Date.now() + this.tokenTtlSeconds * 1000);
    const accessToken = await signAccessToken(identity, await this.keys.current(), expiresAt);
    await this.dataSource.query(`UPDATE identity.api_clients SET last_used_at = now() WHERE id = $1`, [client.id]);
    await this.log('api-client.token', client.id, null, 'success');
    return { accessToken, expiresAt, scopes };
  }

  private async log(event: string, clientId: string, adminId: string | null, outcome: 'success' | 'failure'): Promise<void> {
    await this.dataSource.getRepository(AccessLogEntryEntity).insert({
      at: new Date(),
      event,
      outcome,
      userId: adminId,
      role: adminId ? 'ADMIN' : 'API_CLIENT',
      onBehalfOf: adminId ? null : clientId,
      purpose: 'partner api access',
      accessPoint: `identity:${event}`,
      personId: null,
      source: 'identity',
      sourceKey: null,
    });
  }
}
