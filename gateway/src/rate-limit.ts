import type { Identity } from '@poortwachter/kit';

/**
 * Requests per caller per minute, before any GraphQL work: partner clients by client id, signed-in
 * users by user id, anonymous callers by address (sign-in steps have their own throttle in
 * identity). A fixed one-minute window per key: cheap, and exact enough to stop a runaway
 * integration or a scripted scrape. Over the limit: HTTP 429, code RATE_LIMITED, Retry-After.
 */
export interface RateLimits {
  perClientPerMinute: number;
  perUserPerMinute: number;
  perAddressPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perClientPerMinute: 6000, perUserPerMinute: 3000, perAddressPerMinute: 1200 };

const WINDOW_MS = 60_000;
const MAX_KEYS = 100_000;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** null when the request may go on; else the seconds the caller should wait. */
  take(identity: Identity | null, address: string | null): number | null {
    const [key, limit] = identity
      ? identity.role === 'API_CLIENT'
        ? [`client:${identity.sub}`, this.limits.perClientPerMinute]
        : [`user:${identity.sub}`, this.limits.perUserPerMinute]
      : [`address:${address ?? 'unknown'}`, this.limits.perAddressPerMinute];
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size >= MAX_KEYS) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    if (window.count <= limit) return null;
    return Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
    if (this.windows.size >= MAX_KEYS) this.windows.clear();
  }
}

export function rateLimitedBody(retryAfterSeconds: number) {
  return {
    errors: [
      {
        message: `Too many requests. Try again in ${retryAfterSeconds} seconds.`,
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds },
      },
    ],
  };
}
