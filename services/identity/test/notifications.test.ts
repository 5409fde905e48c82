import { randomUUID } from 'node:crypto';
import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { demoId, EventBus, type RunningService, runService } from '@poortwachter/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Notifications, service } from '../src/index.js';
import { Messaging } from '../src/messaging/outbox.js';
import { identitySettings } from '../src/settings.js';
import { waitFor } from './helpers.js';

let db: DatabaseServer;
let running: RunningService;
let notifications: Notifications;

beforeAll(async () => {
  db = await startTestDatabase();
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: true });
  const settings = identitySettings({ NODE_ENV: 'test' });
  notifications = new Notifications(running.deps.dataSource, new Messaging(running.deps.dataSource, settings), settings);
});

afterAll(async () => {
  await running?.close();
  await db?.stop();
});

interface Mail {
  recipient: string;
  subject: string;
  text: string;
  html: string;
}

const mailsOf = (purpose: string, marker: string): Promise<Mail[]> =>
  running.deps.dataSource.query(
    `SELECT recipient, subject, text, html FROM identity.outbox WHERE purpose = $1 AND text LIKE $2 ORDER BY recipient`,
    [purpose, `%${marker}%`],
  );

function signed(overrides: Record<string, unknown> = {}) {
  return {
    signatureRequestId: randomUUID(),
    documentId: randomUUID(),
    signedDocumentId: randomUUID(),
    sickCaseId: randomUUID(),
    personId: demoId('person', 1),
    employerId: demoId('employer', 1),
    divisionId: demoId('division', 1),
    departmentId: demoId('department', 1),
    documentTitle: `Plan van aanpak ${randomUUID().slice(0, 8)}`,
    signedAt: '2025-03-07T10:15:00.000Z',
    ...overrides,
  };
}

describe('document.signed', () => {
  it('mails the employer users covering the unit and the BA/CM, without medical content, with a link to the dossier', async () => {
    const event = signed();
    expect(await notifications.documentSigned(event)).toBe(4);
    const mails = await mailsOf('document-signed', event.documentTitle);
    expect(mails.map((mail) => mail.recipient)).toEqual([
      'bedrijfsarts.demo@poortwachter.example',
      'casemanager.demo@poortwachter.example',
      'teamleider.demo@poortwachter.example',
      'werkgever.demo@poortwachter.example',
    ]);
    const mail = mails[0]!;
    expect(mail.subject).toBe(`Document ondertekend: ${event.documentTitle}`);
    expect(mail.text).toContain(`http://localhost:3001/personen/${event.personId}`);
    expect(mail.text).toContain('7 maart 2025');
    // Nothing about the person or the absence: only the document's title and the link.
    expect(mail.text).not.toMatch(/Sanne|Vries|ziek|diagnose/i);
    expect(mail.html).toContain(`href="http://localhost:3001/personen/${event.personId}"`);
  });

  it('reaches a user scoped to the department only when the department matches', async () => {
    const event = signed({ employerId: demoId('employer', 2), divisionId: null, departmentId: null });
    await notifications.documentSigned(event);
    expect((await mailsOf('document-signed', event.documentTitle)).map((mail) => mail.recipient)).toEqual([
      'bedrijfsarts.demo@poortwachter.example',
      'casemanager.demo@poortwachter.example',
      'werkgever2.demo@poortwachter.example',
    ]);
  });

  it('writes in English for a user who chose English, skips blocked users, and sends nothing twice', async () => {
    const werkgever = demoId('user', 2);
    const casemanager = demoId('user', 6);
    await running.deps.dataSource.query(`INSERT INTO identity.user_settings (user_id, locale) VALUES ($1, 'en')`, [werkgever]);
    await running.deps.dataSource.query(`UPDATE identity.users SET blocked = true WHERE id = $1`, [casemanager]);
    try {
      const event = signed();
      expect(await notifications.documentSigned(event)).toBe(3);
      expect(await notifications.documentSigned(event)).toBe(0);
      const mails = await mailsOf('document-signed', event.documentTitle);
      expect(mails.map((mail) => mail.recipient)).not.toContain('casemanager.demo@poortwachter.example');
      const english = mails.find((mail) => mail.recipient === 'werkgever.demo@poortwachter.example')!;
      expect(english.subject).toBe(`Document signed: ${event.documentTitle}`);
      expect(english.text).toContain('7 March 2025');
    } finally {
      await running.deps.dataSource.query(`DELETE FROM identity.user_settings WHERE user_id = $1`, [werkgever]);
      await running.deps.dataSource.query(`UPDATE identity.users SET blocked = false WHERE id = $1`, [casemanager]);
    }
  });

  it('arrives through the event bus', async () => {
    const event = signed();
    const bus = await EventBus.start({ connectionString: db.url, service: 'dossier' });
    try {
      await bus.publish('document.signed', event);
    } finally {
      await bus.stop();
    }
    const mails = await waitFor(async () => {
      const found = await mailsOf('document-signed', event.documentTitle);
      return found.length === 4 ? found : null;
    }, 'document-signed mails');
    expect(mails).toHaveLength(4);
  });

  it('rejects a malformed event', async () => {
    await expect(notifications.documentSigned({ ...signed(), employerId: 'x' })).rejects.toThrow(/employerId/);
    await expect(notifications.documentSigned({ ...signed(), signedAt: 'yesterday' })).rejects.toThrow(/signedAt/);
  });
});

describe('activity-digest.ready', () => {
  const werkgever = demoId('user', 2);
  const digest = (date: string, userId = werkgever) => ({
    userId,
    date,
    overdue: [{ activityId: randomUUID(), title: 'Probleemanalyse opstellen', deadline: '2025-03-01', personId: demoId('person', 3) }],
    due: [
      { activityId: randomUUID(), title: 'Plan van aanpak opstellen', deadline: '2025-03-20', personId: demoId('person', 4) },
      { activityId: randomUUID(), title: 'Eerste evaluatie', deadline: '2025-03-25', personId: demoId('person', 5) },
    ],
  });
  const digestsFor = (date: string) =>
    running.deps.dataSource.query(`SELECT recipient, subject, text FROM identity.outbox WHERE purpose = 'activity-digest' AND subject LIKE $1`, [
      `%${date}%`,
    ]) as Promise<Mail[]>;

  it('mails the day\'s overdue and due activities once, with links to the dossiers and the opt-out', async () => {
    expect(await notifications.activityDigest(digest('2025-03-10'))).toBe(true);
    expect(await notifications.activityDigest(digest('2025-03-10'))).toBe(false);
    const mails = await digestsFor('10 maart 2025');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.recipient).toBe('werkgever.demo@poortwachter.example');
    expect(mails[0]!.subject).toBe('Uw acties van 10 maart 2025: 1 te laat, 2 binnenkort');
    expect(mails[0]!.text).toContain('Probleemanalyse opstellen (deadline 1 maart 2025)');
    expect(mails[0]!.text).toContain(`http://localhost:3001/personen/${demoId('person', 4)}`);
    expect(mails[0]!.text).toContain('http://localhost:3001/account');
  });

  it('sends nothing to a user who opted out, a blocked user or for an empty digest', async () => {
    await running.deps.dataSource.query(`INSERT INTO identity.user_settings (user_id, daily_digest) VALUES ($1, false)`, [werkgever]);
    expect(await notifications.activityDigest(digest('2025-03-11'))).toBe(false);
    await running.deps.dataSource.query(`DELETE FROM identity.user_settings WHERE user_id = $1`, [werkgever]);
    const blocked = demoId('user', 4);
    await running.deps.dataSource.query(`UPDATE identity.users SET blocked = true WHERE id = $1`, [blocked]);
    expect(await notifications.activityDigest(digest('2025-03-11', blocked))).toBe(false);
    await running.deps.dataSource.query(`UPDATE identity.users SET blocked = false WHERE id = $1`, [blocked]);
    expect(await notifications.activityDigest({ userId: werkgever, date: '2025-03-11', overdue: [], due: [] })).toBe(false);
    expect(await digestsFor('11 maart 2025')).toHaveLength(0);
  });

  it('writes English for an English user and arrives through the event bus', async () => {
    const bedrijfsarts = demoId('user', 5);
    await running.deps.dataSource.query(`INSERT INTO identity.user_settings (user_id, locale) VALUES ($1, 'en')`, [bedrijfsarts]);
    const bus = await EventBus.start({ connectionString: db.url, service: 'activities' });
    try {
      await bus.publish('activity-digest.ready', digest('2025-03-12', bedrijfsarts));
    } finally {
      await bus.stop();
    }
    const [mail] = await waitFor(async () => {
      const found = await digestsFor('12 March 2025');
      return found.length ? found : null;
    }, 'digest mail');
    expect(mail!.recipient).toBe('bedrijfsarts.demo@poortwachter.example');
    expect(mail!.subject).toBe('Your actions for 12 March 2025: 1 overdue, 2 due soon');
  });
});

describe('dev outbox page', () => {
  const pageUrl = (query = '') => running.url.replace('/graphql', `/dev/outbox${query}`);

  it('shows the messages newest first with clickable links, and filters by recipient', async () => {
    await running.deps.dataSource.query(
      `INSERT INTO identity.outbox (id, kind, recipient, subject, text, purpose, created_at) VALUES
        ($1, 'MAIL', 'oud@voorbeeld.nl', 'Oudste <b>bericht</b>', 'Zie https://example.org/a?b=1&c=2.', 'invitation', now() - interval '1 day'),
        ($2, 'SMS', '+31612345678', NULL, 'Poortwachter: uw verificatiecode is 123456', 'login-code', now() + interval '1 day')`,
      [randomUUID(), randomUUID()],
    );
    const response = await fetch(pageUrl());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Ontwikkel-postvak');
    expect(html.indexOf('SMS aan +31612345678')).toBeLessThan(html.indexOf('Oudste'));
    expect(html).toContain('Oudste &lt;b&gt;bericht&lt;/b&gt;');
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>.');

    const filtered = await (await fetch(pageUrl('?aan=voorbeeld.nl'))).text();
    expect(filtered).toContain('Oudste');
    expect(filtered).not.toContain('SMS aan +31612345678');
    expect(filtered).toContain('value="voorbeeld.nl"');
    expect((await fetch(pageUrl(), { method: 'POST' })).status).toBe(405);
  });

  it('is not served in production unless EXPOSE_DEV_OUTBOX=true', async () => {
    const { devOutboxRoutes } = await import('../src/dev/outbox-page.js');
    const answer = async (env: NodeJS.ProcessEnv) => {
      const route = devOutboxRoutes(running.deps, env)({} as never);
      let status = 0;
      const response = { writeHead: (code: number) => ((status = code), response), end: () => undefined };
      const handled = await route({ method: 'GET' } as never, response as never, new URL('http://x/dev/outbox'));
      return handled ? status : 404;
    };
    expect(await answer({ NODE_ENV: 'production' })).toBe(404);
    expect(await answer({ NODE_ENV: 'production', EXPOSE_DEV_OUTBOX: 'true' })).toBe(200);
    expect(await answer({ NODE_ENV: 'development' })).toBe(200);
  });
});
