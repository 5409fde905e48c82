import type { BrowserContext } from 'playwright-core';

/**
 * The test stack runs in production mode, where identity hides its development outbox page. Call
 * this before `System.start()`: the stack passes the environment on to the identity process.
 */
export function exposeDevOutbox(): void {
  process.env.EXPOSE_DEV_OUTBOX = 'true';
}

export interface OutboxMessage {
  /** e.g. `invitation`, `password-reset`, `login-code`. */
  purpose: string;
  subject: string;
  text: string;
}

/** The outbox page of identity (`/dev/outbox`), filtered to one recipient. */
export function devOutboxUrl(identityPort: number, recipient: string): string {
  return `http://127.0.0.1:${identityPort}/dev/outbox?aan=${encodeURIComponent(recipient)}`;
}

/**
 * Reads the messages to `recipient` the way a developer does: the outbox page opened in a tab of
 * the user's browser. Newest first.
 */
export async function outboxMessages(
  context: BrowserContext,
  identityPort: number,
  recipient: string,
): Promise<OutboxMessage[]> {
  const page = await context.newPage();
  try {
    await page.goto(devOutboxUrl(identityPort, recipient));
    return await page.locator('article.message').evaluateAll((articles) =>
      articles.map((article) => ({
        purpose: article.getAttribute('data-purpose') ?? '',
        subject: article.querySelector('h2')?.textContent ?? '',
        text: article.querySelector('pre')?.textContent ?? '',
      })),
    );
  } finally {
    await page.close();
  }
}

/**
 * Waits until the outbox holds more than `seen` messages of `purpose` to `recipient` (mail is
 * sent after the transaction commits) and returns the newest.
 */
export async function nextOutboxMessage(
  context: BrowserContext,
  identityPort: number,
  recipient: string,
  purpose: string,
  seen = 0,
  timeoutMs = 20_000,
): Promise<OutboxMessage> {
  const started = Date.now();
  for (;;) {
    const messages = (await outboxMessages(context, identityPort, recipient)).filter(
      (message) => message.purpose === purpose,
    );
    if (messages.length > seen) return messages[0]!;
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `no new ${purpose} message to ${recipient} in the outbox within ${timeoutMs} ms (${messages.length} seen)`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** The path and query of the first link in a message to the shells (`/activeren?token=…`), for the test stack's shell origin. */
export function linkPath(text: string, path: string): string {
  const match = new RegExp(
    `https?://\\S+?(${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\?token=[^\\s]+)`,
  ).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1]!;
}

/** The 6-digit code of a login SMS. */
export function smsCode(text: string): string {
  const match = /\b(\d{6})\b/.exec(text);
  if (!match) throw new Error(`no code in SMS: ${text}`);
  return match[1]!;
}
