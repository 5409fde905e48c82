import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { HttpSmsSender } from '../src/messaging/outbox.js';
import { invitationMail, loginCodeSms, passwordResetMail } from '../src/messaging/templates.js';
import { identitySettings } from '../src/settings.js';

describe('mail texts', () => {
  const input = {
    to: 'jan@example.nl',
    displayName: 'Jan <script>alert(1)</script> Smit',
    username: 'jan.smit',
    link: 'http://localhost:3000/activeren?token=abc&x="y"',
    expiresAt: new Date('2026-12-02T10:00:00Z'),
  };

  it('the invitation names the username and the link, in Dutch and English, with HTML escaped', () => {
    const mail = invitationMail(input);
    expect(mail.text).toContain('Uw gebruikersnaam: jan.smit');
    expect(mail.text).toContain('Your username: jan.smit');
    expect(mail.text).toContain(input.link);
    expect(mail.text).toContain('2 december 2026');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('href="http://localhost:3000/activeren?token=abc&amp;x=&quot;y&quot;"');
  });

  it('the reset mail and the SMS carry what the user needs and no more', () => {
    expect(passwordResetMail(input).purpose).toBe('password-reset');
    expect(loginCodeSms('012345')).toMatch(/^Poortwachter: .*012345/);
    expect(loginCodeSms('012345').length).toBeLessThanOrEqual(160);
  });
});

describe('HTTP SMS provider', () => {
  it('posts the number and text with the bearer token, and reports a refusal', async () => {
    const received: { auth?: string; body: string }[] = [];
    let status = 202;
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ auth: request.headers.authorization, body });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
      const sender = new HttpSmsSender(url, 'geheim');
      await sender.sendSms({ to: '+31612345678', text: 'code 123456', purpose: 'login-code' });
      expect(received).toEqual([{ auth: 'Bearer geheim', body: JSON.stringify({ to: '+31612345678', text: 'code 123456' }) }]);
      status = 500;
      await expect(sender.sendSms({ to: '+31612345678', text: 'x', purpose: 'login-code' })).rejects.toThrow('500');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('settings', () => {
  it('has the documented defaults and refuses nonsense', () => {
    const settings = identitySettings({});
    expect(settings).toMatchObject({
      invitationTtlDays: 7,
      publicEmployeeUrl: 'http://localhost:3000',
      publicEmployerUrl: 'http://localhost:3001',
      idleTimeoutSeconds: 1800,
      absoluteTimeoutSeconds: 43_200,
      trustedBrowserSeconds: 86_400,
      recordOutbox: true,
      smtpUrl: null,
    });
    expect(identitySettings({ SESSION_IDLE_TIMEOUT_MINUTES: '15', PUBLIC_EMPLOYEE_URL: 'https://mijn.example.nl/' }).publicEmployeeUrl).toBe(
      'https://mijn.example.nl',
    );
    expect(() => identitySettings({ INVITATION_TTL_DAYS: '-1' })).toThrow('INVITATION_TTL_DAYS');
    expect(() => identitySettings({ NODE_ENV: 'production', PUBLIC_EMPLOYEE_URL: 'http://x.example' })).toThrow('https');
    expect(identitySettings({ NODE_ENV: 'production', PUBLIC_EMPLOYEE_URL: 'https://a.example', PUBLIC_EMPLOYER_URL: 'https://b.example' }).recordOutbox).toBe(
      false,
    );
  });
});
