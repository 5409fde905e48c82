import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';
import { OutboxMessageEntity } from '../entities/index.js';
import type { IdentitySettings } from '../settings.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  purpose: string;
}

export interface OutgoingSms {
  /** E.164. */
  to: string;
  text: string;
  purpose: string;
}

/** Where SMS messages go: the outbox by default, a provider when configured. */
export interface SmsSender {
  sendSms(sms: OutgoingSms): Promise<void>;
}

/**
 * A generic HTTP SMS gateway (POST JSON `{ to, text }` with a bearer token), configured by
 * SMS_HTTP_URL and SMS_HTTP_TOKEN. Most providers accept this shape or sit behind a small proxy.
 */
export class HttpSmsSender implements SmsSender {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
  ) {}

  async sendSms(sms: OutgoingSms): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ to: sms.to, text: sms.text }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`SMS provider answered ${response.status}`);
  }
}

/**
 * Sends mail (nodemailer over SMTP_URL) and SMS (SmsSender), and records both in the outbox table
 * when `recordOutbox` is on (always in development), so the dev outbox page and the tests can read
 * what a user would have received.
 */
export class Messaging {
  private transport: Transporter | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: IdentitySettings,
    private readonly smsSender: SmsSender | null = null,
  ) {
    if (settings.smtpUrl) this.transport = nodemailer.createTransport(settings.smtpUrl);
  }

  static fromEnvironment(dataSource: DataSource, settings: IdentitySettings, env: NodeJS.ProcessEnv = process.env): Messaging {
    const sms = env.SMS_HTTP_URL ? new HttpSmsSender(env.SMS_HTTP_URL, env.SMS_HTTP_TOKEN) : null;
    return new Messaging(dataSource, settings, sms);
  }

  /** Records in the outbox inside the caller's transaction; returns the delivery to run after commit. */
  async mail(mail: OutgoingMail, manager: EntityManager = this.dataSource.manager): Promise<() => Promise<void>> {
    if (this.settings.recordOutbox || !this.transport) {
      await manager.getRepository(OutboxMessageEntity).insert({
        id: randomUUID(),
        kind: 'MAIL',
        recipient: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        purpose: mail.purpose,
      });
    }
    const transport = this.transport;
    if (!transport) return async () => {};
    return async () => {
      await transport.sendMail({ from: this.settings.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    };
  }

  async sms(sms: OutgoingSms): Promise<void> {
    if (this.settings.recordOutbox || !this.smsSender) {
      await this.dataSource.getRepository(OutboxMessageEntity).insert({
        id: randomUUID(),
        kind: 'SMS',
        recipient: sms.to,
        subject: null,
        text: sms.text,
        html: null,
        purpose: sms.purpose,
      });
    }
    await this.smsSender?.sendSms(sms);
  }
}
