import { domainError } from '@poortwachter/kit';
import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { IdentitySettings } from '../settings.js';

/** Attempts that cost nothing; every failure after these adds a growing lock. */
const FREE_FAILURES = { account: 5, address: 20 } as const;
const MAX_LOCK_SECONDS = 3600;
/** Failures are forgotten a day after the last one. */
const FAILURE_MEMORY_SECONDS = 24 * 3600;

export interface ThrottleKeys {
  /** The username as typed: unknown names are throttled exactly like existing ones. */
  account: string;
  /** The client address; null when the gateway does not tell it. */
  address: string | null;
}

export function tooManyAttempts(retryAfterSeconds: number) {
  return domainError('TOO_MANY_ATTEMPTS', 'Too many attempts. Wait a while and try again.', {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
  });
}

function lockSeconds(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(MAX_LOCK_SECONDS, 2 ** (failures - free - 1) * 5);
}

function poolOf(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}

function limiter(
  dataSource: DataSource | null,
  store: IdentitySettings['rateLimitStore'],
  keyPrefix: string,
  points: number,
  duration: number,
): RateLimiterAbstract {
  if (store === 'postgres' && dataSource) {
    return new RateLimiterPostgres({
      storeClient: poolOf(dataSource),
      storeType: 'pool',
      schemaName: 'identity',
      tableName: 'rate_limits',
      // The migration creates the table; expired rows are swept by the limiter on access.
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix,
      points,
      duration,
    });
  }
  return new RateLimiterMemory({ keyPrefix, points, duration });
}

/**
 * Throttles failed logins and code entries per account and per client address, with locks that
 * double with every further failure (5 s, 10 s, 20 s … 1 h). Backed by Postgres so every identity
 * instance shares the counts, or by memory for a single process.
 */
export class LoginThrottle {
  private built: {
    failures: Record<keyof ThrottleKeys, RateLimiterAbstract>;
    locks: Record<keyof ThrottleKeys, RateLimiterAbstract>;
  } | null = null;

  constructor(
    private readonly dataSource: DataSource | null,
    private readonly store: IdentitySettings['rateLimitStore'],
  ) {}

  // Built on first use: the database pool exists only once the data source is initialized.
  private get limiters() {
    if (!this.built) {
      const make = (keyPrefix: string, duration: number) => limiter(this.dataSource, this.store, keyPrefix, 1_000_000, duration);
      this.built = {
        failures: { account: make('login-fail-account', FAILURE_MEMORY_SECONDS), address: make('login-fail-address', FAILURE_MEMORY_SECONDS) },
        // A lock is a key with more than its points consumed until it expires: `block` writes exactly that.
        locks: { account: make('login-lock-account', MAX_LOCK_SECONDS), address: make('login-lock-address', MAX_LOCK_SECONDS) },
      };
    }
    return this.built;
  }

  private get failures() {
    return this.limiters.failures;
  }

  private get locks() {
    return this.limiters.locks;
  }

  private entries(keys: ThrottleKeys): [keyof ThrottleKeys, string][] {
    const list: [keyof ThrottleKeys, string][] = [['account', keys.account]];
    if (keys.address) list.push(['address', keys.address]);
    return list;
  }

  /** Throws TOO_MANY_ATTEMPTS while the account or the address is locked. */
  async assertAllowed(keys: ThrottleKeys): Promise<void> {
    let wait = 0;
    for (const [kind, key] of this.entries(keys)) {
      const lock = await this.locks[kind].get(key);
      if (lock && lock.consumedPoints > 0 && lock.msBeforeNext > 0) wait = Math.max(wait, lock.msBeforeNext / 1000);
    }
    if (wait > 0) throw tooManyAttempts(wait);
  }

  /** Counts a failure and locks for a growing while once past the free attempts. */
  async recordFailure(keys: ThrottleKeys): Promise<void> {
    for (const [kind, key] of this.entries(keys)) {
      const counted = await this.failures[kind].penalty(key, 1);
      const seconds = lockSeconds(counted.consumedPoints, FREE_FAILURES[kind]);
      if (seconds > 0) await this.locks[kind].block(key, seconds);
    }
  }

  /** A success clears the account's count; the address keeps its history (one address, many accounts). */
  async recordSuccess(keys: ThrottleKeys): Promise<void> {
    await this.failures.account.delete(keys.account);
  }
}

/** A plain "n per window" limit, e.g. SMS sends per account or invitation re-sends. */
export class SimpleLimit {
  private built: RateLimiterAbstract | null = null;

  constructor(
    private readonly dataSource: DataSource | null,
    private readonly store: IdentitySettings['rateLimitStore'],
    private readonly keyPrefix: string,
    private readonly points: number,
    private readonly duration: number,
  ) {}

  private get limiter(): RateLimiterAbstract {
    this.built ??= limiter(this.dataSource, this.store, this.keyPrefix, this.points, this.duration);
    return this.built;
  }

  /** Throws TOO_MANY_ATTEMPTS when no point is left, without consuming one. */
  async assertAvailable(key: string): Promise<void> {
    const state = await this.limiter.get(key);
    if (state && state.consumedPoints >= this.points && state.msBeforeNext > 0) throw tooManyAttempts(state.msBeforeNext / 1000);
  }

  /** Consumes one point or throws TOO_MANY_ATTEMPTS. */
  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(key, 1);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooManyAttempts(error.msBeforeNext / 1000);
      throw error;
    }
  }

  /** Consumes one point; false when the limit is reached (for callers that degrade quietly). */
  async tryConsume(key: string): Promise<boolean> {
    try {
      await this.limiter.consume(key, 1);
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) return false;
      throw error;
    }
  }
}
