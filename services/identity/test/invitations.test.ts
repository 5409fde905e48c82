import { startTestDatabase, type DatabaseServer } from '@poortwachter/infra';
import { demoId, runService, secret, type Identity, type RunningService } from '@poortwachter/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../src/index.js';
import { gql } from './helpers.js';

const admin: Identity = { sub: demoId('user', 8), role: 'ADMIN' };
const planner: Identity = {
  sub: demoId('user', 7),
  role: 'PLANNER',
  scope: { employerIds: [demoId('employer', 1)], divisionIds: [], departmentIds: [] },
};
const employer: Identity = {
  sub: demoId('user', 2),
  role: 'EMPLOYER',
  scope: { employerIds: [demoId('employer', 1)], divisionIds: [], departmentIds: [] },
};

const INVITE = `mutation Invite($input: InviteUserInput!) {
  inviteUser(input: $input) { invitationId expiresAt user { id username displayName role personId } }
}`;
const STATUS = `query Status($token: String!) { invitationStatus(token: $token) }`;
const ACTIVATE = `mutation Activate($input: ActivateAccountInput!) { activateAccount(input: $input) { username role } }`;
const REQUEST_NEW = `mutation RequestNew($token: String!) { requestNewInvitation(token: $token) }`;
const OUTBOX = `query Outbox($to: String) { devOutbox(limit: 20, to: $to) { id kind to subject text html purpose createdAt } }`;

let db: DatabaseServer;
let running: RunningService;

beforeAll(async () => {
  db = await startTestDatabase();
  running = await runService(service, { port: 0, databaseUrl: db.url, seedDemo: true });
});

afterAll(async () => {
  await running?.close();
  await db?.stop();
});

interface Mail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  purpose: string;
}

async function latestMail(to: string): Promise<Mail & { token: string; link: string }> {
  const result = await gql<{ devOutbox: Mail[] }>(running.url, OUTBOX, { to });
  expect(result.errors).toBeUndefined();
  const mail = result.data!.devOutbox.find((message) => message.purpose === 'invitation');
  expect(mail).toBeDefined();
  const link = /(http\S+\/activeren\?token=\S+)/.exec(mail!.text)![1]!;
  return { ...mail!, link, token: decodeURIComponent(new URL(link).searchParams.get('token')!) };
}

async function invite(input: Record<string, unknown>, as: Identity = admin) {
  return gql<{ inviteUser: { invitationId: string; expiresAt: string; user: { id: string; username: string; role: string; personId: string | null } } }>(
    running.url,
    INVITE,
    { input },
    as,
  );
}

const status = async (token: string) => (await gql<{ invitationStatus: string }>(running.url, STATUS, { token })).data!.invitationStatus;
const activate = (input: Record<string, unknown>) => gql<{ activateAccount: { username: string; role: string } }>(running.url, ACTIVATE, { input });
const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

describe('invitations', () => {
  it('invites an employee: the mail (Dutch and English) carries the username and a single-use link on the employee portal', async () => {
    const result = await invite({ role: 'EMPLOYEE', personId: demoId('person', 11), email: 'Jan.Smit@Example.NL', displayName: 'Jan Smit' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.inviteUser.user).toMatchObject({ username: 'jan.smit', role: 'EMPLOYEE', personId: demoId('person', 11) });
    const days = (new Date(result.data!.inviteUser.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const mail = await latestMail('jan.smit@example.nl');
    expect(mail.kind).toBe('MAIL');
    expect(mail.text).toContain('Uw gebruikersnaam: jan.smit');
    expect(mail.text).toContain('Your username: jan.smit');
    expect(mail.link.startsWith('http://localhost:3000/activeren?token=')).toBe(true);
    expect(mail.html).toContain('Klik hier om een wachtwoord in te stellen');
    expect(await status(mail.token)).toBe('VALID');
    // Only the hash is stored.
    const stored = await running.deps.dataSource.query(`SELECT token_hash FROM identity.invitations WHERE user_id = $1`, [
      result.data!.inviteUser.user.id,
    ]);
    expect(JSON.stringify(stored)).not.toContain(mail.token);
  });

  it('sends employer users to the employer portal and requires a unit scope', async () => {
    expect(codeOf(await invite({ role: 'EMPLOYER', email: 'hr@example.nl', displayName: 'HR Zonder Scope' }))).toBe('BAD_USER_INPUT');
    const result = await invite({
      role: 'EMPLOYER',
      email: 'hr@example.nl',
      displayName: 'Hanna Rijk',
      username: 'Hanna.HR',
      scope: { departmentIds: [demoId('department', 2)] },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.inviteUser.user.username).toBe('Hanna.HR');
    expect((await latestMail('hr@example.nl')).link.startsWith('http://localhost:3001/activeren?token=')).toBe(true);
  });

  it('lets only an admin or a planner invite, and a planner only employees and employer users', async () => {
    const input = { role: 'EMPLOYEE', personId: demoId('person', 12), email: 'p12@example.nl', displayName: 'Persoon Twaalf' };
    expect(codeOf(await invite(input, employer))).toBe('FORBIDDEN');
    expect(codeOf(await invite(input, null as unknown as Identity))).toBe('UNAUTHENTICATED');
    expect(codeOf(await invite({ role: 'ADMIN', email: 'a@example.nl', displayName: 'Nieuwe Beheerder' }, planner))).toBe('FORBIDDEN');
    expect((await invite(input, planner)).errors).toBeUndefined();
    const outside = { role: 'EMPLOYER', email: 'hr3@example.nl', displayName: 'HR Elders', scope: { employerIds: [demoId('employer', 3)] } };
    expect(codeOf(await invite(outside, planner))).toBe('FORBIDDEN');
    expect((await invite(outside, admin)).errors).toBeUndefined();
  });

  it('refuses bad input with stable codes', async () => {
    expect(codeOf(await invite({ role: 'EMPLOYEE', email: 'x@example.nl', displayName: 'Zonder Persoon' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await invite({ role: 'EMPLOYEE', personId: demoId('person', 13), email: 'geen-adres', displayName: 'X' }))).toBe('INVALID_EMAIL');
    expect(codeOf(await invite({ role: 'CASE_MANAGER', email: 'cm@example.nl', displayName: 'CM', username: 'werknemer.demo' }))).toBe('USERNAME_TAKEN');
    expect(codeOf(await invite({ role: 'EMPLOYEE', personId: demoId('person', 1), email: 's@example.nl', displayName: 'Sanne' }))).toBe(
      'ALREADY_ACTIVATED',
    );
  });

  it('re-inviting invalidates the older link', async () => {
    const input = { role: 'EMPLOYEE', personId: demoId('person', 14), email: 'p14@example.nl', displayName: 'Persoon Veertien' };
    await invite(input);
    const first = await latestMail('p14@example.nl');
    await invite(input);
    const second = await latestMail('p14@example.nl');
    expect(second.token).not.toBe(first.token);
    expect(await status(first.token)).toBe('EXPIRED');
    expect(await status(second.token)).toBe('VALID');
    expect(codeOf(await activate({ token: first.token, email: 'p14@example.nl', password: 'Fietsbel-Kanaal-7', passwordRepeat: 'Fietsbel-Kanaal-7' }))).toBe(
      'INVITATION_EXPIRED',
    );
  });
});

describe('activation', () => {
  it('checks e-mail, repeat and every password rule, then activates once; the used link is refused', async () => {
    await invite({ role: 'EMPLOYEE', personId: demoId('person', 15), email: 'p15@example.nl', displayName: 'Eva de Boer' });
    const { token } = await latestMail('p15@example.nl');
    const good = 'Zonnebloem-Akker-42';
    expect(codeOf(await activate({ token, email: 'ander@example.nl', password: good, passwordRepeat: good }))).toBe('EMAIL_MISMATCH');
    expect(codeOf(await activate({ token, email: 'p15@example.nl', password: good, passwordRepeat: `${good}x` }))).toBe('PASSWORD_MISMATCH');
    const rules: [string, string][] = [
      ['Kort-1A', 'PASSWORD_TOO_SHORT'],
      [`A1${'x'.repeat(127)}`, 'PASSWORD_TOO_LONG'],
      ['zonnebloem-akker-42', 'PASSWORD_NEEDS_UPPERCASE'],
      ['Zonnebloem-Akker-X', 'PASSWORD_NEEDS_DIGIT'],
      ['Eva.de.Boer-2026', 'PASSWORD_CONTAINS_USERNAME'],
      ['Password1234', 'PASSWORD_TOO_COMMON'],
    ];
    for (const [password, code] of rules) {
      const result = await activate({ token, email: 'p15@example.nl', password, passwordRepeat: password });
      expect(codeOf(result), password).toBe(code);
      expect((result.errors?.[0]?.extensions as { violations?: string[] }).violations).toContain(code);
    }
    expect(await status(token)).toBe('VALID');

    const result = await activate({ token, email: ' P15@Example.nl ', password: good, passwordRepeat: good });
    expect(result.errors).toBeUndefined();
    expect(result.data!.activateAccount).toEqual({ username: 'eva.de.boer', role: 'EMPLOYEE' });
    const [user] = await running.deps.dataSource.query(`SELECT password_hash FROM identity.users WHERE username = 'eva.de.boer'`);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);

    // Attack: the same link a second time.
    expect(await status(token)).toBe('USED');
    expect(codeOf(await activate({ token, email: 'p15@example.nl', password: 'Ander-Wachtwoord-99', passwordRepeat: 'Ander-Wachtwoord-99' }))).toBe(
      'INVITATION_USED',
    );
  });

  it('refuses an expired link, and a new invitation can be requested from it', async () => {
    const invited = await invite({ role: 'EMPLOYEE', personId: demoId('person', 16), email: 'p16@example.nl', displayName: 'Persoon Zestien' });
    const { token } = await latestMail('p16@example.nl');
    await running.deps.dataSource.query(`UPDATE identity.invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      invited.data!.inviteUser.invitationId,
    ]);
    expect(await status(token)).toBe('EXPIRED');
    expect(codeOf(await activate({ token, email: 'p16@example.nl', password: 'Zonnebloem-Akker-42', passwordRepeat: 'Zonnebloem-Akker-42' }))).toBe(
      'INVITATION_EXPIRED',
    );

    const requested = await gql<{ requestNewInvitation: boolean }>(running.url, REQUEST_NEW, { token });
    expect(requested.data!.requestNewInvitation).toBe(true);
    const fresh = await latestMail('p16@example.nl');
    expect(fresh.token).not.toBe(token);
    expect(await status(fresh.token)).toBe('VALID');
    const ok = await activate({ token: fresh.token, email: 'p16@example.nl', password: 'Zonnebloem-Akker-42', passwordRepeat: 'Zonnebloem-Akker-42' });
    expect(ok.errors).toBeUndefined();
  });

  it('answers requests for unknown or used links the same way, and files a used link for the arbodienst', async () => {
    expect((await gql<{ requestNewInvitation: boolean }>(running.url, REQUEST_NEW, { token: 'onbekend' })).data!.requestNewInvitation).toBe(true);
    const { token } = await latestMail('p15@example.nl'); // activated above
    expect((await gql<{ requestNewInvitation: boolean }>(running.url, REQUEST_NEW, { token })).data!.requestNewInvitation).toBe(true);
    const requests = await gql<{ invitationRequests: { reason: string; user: { username: string } }[] }>(
      running.url,
      `{ invitationRequests { reason user { username } } }`,
      {},
      admin,
    );
    expect(requests.data!.invitationRequests).toContainEqual({ reason: 'USED', user: { username: 'eva.de.boer' } });
    expect(await status('onbekend')).toBe('UNKNOWN');
  });

  it('limits wrong e-mail guesses per link', async () => {
    await invite({ role: 'EMPLOYEE', personId: demoId('person', 17), email: 'p17@example.nl', displayName: 'Persoon Zeventien' });
    const { token } = await latestMail('p17@example.nl');
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push(codeOf(await activate({ token, email: `gok${i}@example.nl`, password: 'Zonnebloem-Akker-42', passwordRepeat: 'Zonnebloem-Akker-42' }))!);
    }
    expect(codes.slice(0, 5).every((code) => code === 'EMAIL_MISMATCH')).toBe(true);
    expect(codes[5]).toBe('TOO_MANY_ATTEMPTS');
  });
});

describe('invitation requests', () => {
  const REQUESTS = `{ invitationRequests { id reason user { id username activatedAt } } }`;
  const RESEND = `mutation Resend($userId: ID!) { resendInvitation(userId: $userId) { invitationId user { username } } }`;
  const CLOSE = `mutation Close($id: ID!) { closeInvitationRequest(id: $id) }`;
  const requests = async (as: Identity = admin) =>
    (await gql<{ invitationRequests: { id: string; reason: string; user: { id: string; username: string; activatedAt: string | null } }[] }>(running.url, REQUESTS, {}, as))
      .data!.invitationRequests;

  it('files a request once the automatic resends are used up; "opnieuw uitnodigen" mails a fresh link and closes the request', async () => {
    const invited = await invite({ role: 'EMPLOYEE', personId: demoId('person', 18), email: 'p18@example.nl', displayName: 'Persoon Achttien' });
    const userId = invited.data!.inviteUser.user.id;
    // Every request from an expired link sends a new one (three a day); the fourth becomes a request.
    let { token } = await latestMail('p18@example.nl');
    await invite({ role: 'EMPLOYEE', personId: demoId('person', 18), email: 'p18@example.nl', displayName: 'Persoon Achttien' });
    for (let i = 0; i < 3; i++) {
      const next = await latestMail('p18@example.nl');
      await gql(running.url, REQUEST_NEW, { token });
      token = next.token;
    }
    const beforeRequest = (await latestMail('p18@example.nl')).token;
    await gql(running.url, REQUEST_NEW, { token });
    expect((await latestMail('p18@example.nl')).token).toBe(beforeRequest);
    const open = (await requests()).filter((request) => request.user.id === userId);
    expect(open).toEqual([expect.objectContaining({ reason: 'REVOKED', user: expect.objectContaining({ activatedAt: null }) })]);

    // A planner of another employer's scope may still act on employees; an employer user may not.
    expect(codeOf(await gql(running.url, RESEND, { userId }, employer))).toBe('FORBIDDEN');
    const resent = await gql<{ resendInvitation: { invitationId: string; user: { username: string } } }>(running.url, RESEND, { userId }, planner);
    expect(resent.errors).toBeUndefined();
    const fresh = await latestMail('p18@example.nl');
    expect(fresh.token).not.toBe(beforeRequest);
    expect(await status(fresh.token)).toBe('VALID');
    expect(await status(beforeRequest)).toBe('EXPIRED');
    expect((await requests()).some((request) => request.user.id === userId)).toBe(false);

    const ok = await activate({ token: fresh.token, email: 'p18@example.nl', password: 'Zonnebloem-Akker-42', passwordRepeat: 'Zonnebloem-Akker-42' });
    expect(ok.errors).toBeUndefined();
    expect(codeOf(await gql(running.url, RESEND, { userId }, admin))).toBe('ALREADY_ACTIVATED');
    expect(codeOf(await gql(running.url, RESEND, { userId: demoId('user', 999) }, admin))).toBe('NOT_FOUND');
  });

  it('closes a request of an activated account without a new mail; a closed request cannot be closed again', async () => {
    await invite({ role: 'EMPLOYEE', personId: demoId('person', 19), email: 'p19@example.nl', displayName: 'Persoon Negentien' });
    const { token } = await latestMail('p19@example.nl');
    expect((await activate({ token, email: 'p19@example.nl', password: 'Zonnebloem-Akker-42', passwordRepeat: 'Zonnebloem-Akker-42' })).errors).toBeUndefined();
    await gql(running.url, REQUEST_NEW, { token });
    const request = (await requests()).find((candidate) => candidate.user.username === 'persoon.negentien');
    expect(request).toMatchObject({ reason: 'USED' });
    expect(codeOf(await gql(running.url, CLOSE, { id: request!.id }, employer))).toBe('FORBIDDEN');
    expect((await gql<{ closeInvitationRequest: boolean }>(running.url, CLOSE, { id: request!.id }, admin)).data?.closeInvitationRequest).toBe(true);
    expect((await requests()).some((candidate) => candidate.id === request!.id)).toBe(false);
    expect(codeOf(await gql(running.url, CLOSE, { id: request!.id }, admin))).toBe('NOT_FOUND');
    expect((await latestMail('p19@example.nl')).token).toBe(token);
  });
});

describe('invitation requests of a planner', () => {
  it('shows a planner only the requests of accounts they may re-invite; the administrator sees them all', async () => {
    const ownEmployer = await invite({ role: 'EMPLOYER', email: 'hr1@example.nl', displayName: 'HR Eigen Werkgever', scope: { employerIds: [demoId('employer', 1)] } });
    const otherEmployer = await invite({ role: 'EMPLOYER', email: 'hr2@example.nl', displayName: 'HR Andere Werkgever', scope: { employerIds: [demoId('employer', 2)] } });
    const caseManager = await invite({ role: 'CASE_MANAGER', email: 'cm9@example.nl', displayName: 'Casemanager Negen' });
    const invited = [ownEmployer, otherEmployer, caseManager].map((result) => {
      expect(result.errors).toBeUndefined();
      return result.data!.inviteUser;
    });
    for (const { invitationId, user } of invited) {
      await running.deps.dataSource.query(
        `INSERT INTO identity.invitation_requests (id, user_id, invitation_id, reason) VALUES (gen_random_uuid(), $1, $2, 'EXPIRED')`,
        [user.id, invitationId],
      );
    }
    const QUERY = `{ invitationRequests { user { id } } }`;
    const seen = async (as: Identity) => {
      const result = await gql<{ invitationRequests: { user: { id: string } }[] }>(running.url, QUERY, {}, as);
      expect(result.errors).toBeUndefined();
      return result.data!.invitationRequests.map((request) => request.user.id);
    };
    const [own, other, staff] = invited.map(({ user }) => user.id);
    const byPlanner = await seen(planner);
    expect(byPlanner).toContain(own);
    expect(byPlanner).not.toContain(other);
    expect(byPlanner).not.toContain(staff);
    expect(await seen(admin)).toEqual(expect.arrayContaining([own, other, staff]));
    expect(codeOf(await gql(running.url, QUERY, {}, employer))).toBe('FORBIDDEN');
  });
});

describe('password strength hint', () => {
  it('scores and lists the broken rules', async () => {
    const result = await gql<{ passwordStrength: { score: number; violations: string[] } }>(
      running.url,
      `query S($p: String!, $u: String) { passwordStrength(password: $p, username: $u) { score guessesLog10 warning suggestions violations } }`,
      { p: 'jan.smit', u: 'jan.smit' },
    );
    expect(result.data!.passwordStrength.violations).toEqual(
      expect.arrayContaining(['PASSWORD_TOO_SHORT', 'PASSWORD_NEEDS_UPPERCASE', 'PASSWORD_NEEDS_DIGIT', 'PASSWORD_CONTAINS_USERNAME']),
    );
    expect(result.data!.passwordStrength.score).toBeLessThanOrEqual(1);
  });
});

describe('dev outbox', () => {
  it('is refused in production', async () => {
    const before = { NODE_ENV: process.env.NODE_ENV, GATEWAY_SIGNING_SECRET: process.env.GATEWAY_SIGNING_SECRET };
    // The test signs like the gateway, which in production needs an explicit secret: the one the service started with.
    process.env.GATEWAY_SIGNING_SECRET = secret('GATEWAY_SIGNING_SECRET');
    process.env.NODE_ENV = 'production';
    try {
      expect(codeOf(await gql(running.url, OUTBOX, { to: null }))).toBe('NOT_AVAILABLE');
    } finally {
      for (const [name, value] of Object.entries(before)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect(codeOf(await gql(running.url, OUTBOX, { to: null }))).toBeUndefined();
  });

  it('is shown in production when EXPOSE_DEV_OUTBOX=true, like the /dev/outbox page', async () => {
    const before = {
      NODE_ENV: process.env.NODE_ENV,
      GATEWAY_SIGNING_SECRET: process.env.GATEWAY_SIGNING_SECRET,
      EXPOSE_DEV_OUTBOX: process.env.EXPOSE_DEV_OUTBOX,
    };
    process.env.GATEWAY_SIGNING_SECRET = secret('GATEWAY_SIGNING_SECRET');
    process.env.NODE_ENV = 'production';
    process.env.EXPOSE_DEV_OUTBOX = 'true';
    try {
      const shown = await gql<{ devOutbox: Mail[] }>(running.url, OUTBOX, { to: null });
      expect(shown.errors).toBeUndefined();
      expect(shown.data!.devOutbox.length).toBeGreaterThan(0);
      process.env.EXPOSE_DEV_OUTBOX = 'false';
      expect(codeOf(await gql(running.url, OUTBOX, { to: null }))).toBe('NOT_AVAILABLE');
    } finally {
      for (const [name, value] of Object.entries(before)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
