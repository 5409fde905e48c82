import type http from 'node:http';
import { isProduction, type ServiceDeps, type SubgraphRoutesFactory } from '@poortwachter/kit';
import { OutboxMessageEntity } from '../entities/index.js';

export const DEV_OUTBOX_PATH = '/dev/outbox';
const PAGE_SIZE = 200;

/** The outbox page is for development and test systems; production shows it only when asked explicitly. */
export function devOutboxEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !isProduction(env) || env.EXPOSE_DEV_OUTBOX === 'true';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Plain text with its http(s) links made clickable; everything else escaped. */
export function linkify(text: string): string {
  const parts = text.split(/(https?:\/\/[^\s<>"']+)/g);
  return parts
    .map((part, i) => {
      if (i % 2 === 0) return escapeHtml(part);
      // A sentence's closing punctuation is not part of the link.
      const [, url, tail] = /^(.*?)([.,;:!?)]*)$/.exec(part)!;
      return `<a href="${escapeHtml(url!)}">${escapeHtml(url!)}</a>${escapeHtml(tail!)}`;
    })
    .join('');
}

const PURPOSES: Record<string, string> = {
  invitation: 'Uitnodiging',
  'password-reset': 'Wachtwoord herstellen',
  'login-code': 'Verificatiecode',
  'document-signed': 'Document ondertekend',
  'activity-digest': 'Dagelijks overzicht acties',
};

const timestamp = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Amsterdam' });

export function renderOutboxPage(messages: OutboxMessageEntity[], recipient: string | null): string {
  const items = messages
    .map(
      (message) => `<article class="message" data-purpose="${escapeHtml(message.purpose)}">
  <header>
    <h2>${escapeHtml(message.kind === 'SMS' ? `SMS aan ${message.recipient}` : message.subject ?? '(geen onderwerp)')}</h2>
    <dl>
      <div><dt>Soort</dt><dd>${message.kind === 'SMS' ? 'SMS' : 'E-mail'}: ${escapeHtml(PURPOSES[message.purpose] ?? message.purpose)}</dd></div>
      <div><dt>Aan</dt><dd><a href="${DEV_OUTBOX_PATH}?aan=${encodeURIComponent(message.recipient)}">${escapeHtml(message.recipient)}</a></dd></div>
      <div><dt>Verstuurd</dt><dd><time datetime="${message.createdAt.toISOString()}">${escapeHtml(timestamp.format(message.createdAt))}</time></dd></div>
    </dl>
  </header>
  <pre>${linkify(message.text)}</pre>
</article>`,
    )
    .join('\n');
  const heading = recipient ? `Berichten aan ${escapeHtml(recipient)}` : 'Alle berichten';
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ontwikkel-postvak – Poortwachter</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1a1a1a; line-height: 1.5; }
  main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.5rem; margin: 0.5rem 0; }
  form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin: 1rem 0; }
  label { display: flex; flex-direction: column; font-weight: 600; }
  input { font: inherit; padding: 0.4rem; min-width: 16rem; max-width: 100%; border: 1px solid #6b7280; border-radius: 4px; }
  button { font: inherit; padding: 0.45rem 1rem; background: #1c4e80; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  .message { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 1rem; margin: 1rem 0; }
  .message h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
  dl { display: flex; flex-wrap: wrap; gap: 0 1.5rem; margin: 0 0 0.5rem; }
  dl div { display: flex; gap: 0.3rem; } dt { font-weight: 600; } dt::after { content: ':'; } dd { margin: 0; }
  pre { white-space: pre-wrap; word-break: break-word; font-family: inherit; margin: 0; }
  a { color: #0b5cad; }
  .note { color: #4b5563; }
</style>
</head>
<body>
<main>
  <h1>Ontwikkel-postvak</h1>
  <p class="note">Alle e-mails en sms-berichten die Poortwachter verstuurt, nieuwste eerst (hoogstens ${PAGE_SIZE}). Alleen beschikbaar buiten productie.</p>
  <form method="get" action="${DEV_OUTBOX_PATH}" role="search">
    <label for="aan">Ontvanger (e-mailadres of telefoonnummer)
      <input id="aan" name="aan" type="search" value="${escapeHtml(recipient ?? '')}" autocomplete="off">
    </label>
    <button type="submit">Filteren</button>
    ${recipient ? `<a href="${DEV_OUTBOX_PATH}">Alle berichten tonen</a>` : ''}
  </form>
  <h2>${heading} (${messages.length})</h2>
  ${messages.length ? items : '<p>Er zijn (nog) geen berichten.</p>'}
</main>
</body>
</html>`;
}

/** Recipients are stored lowercased (mail) or in E.164 (SMS); the filter matches part of either. */
async function loadMessages(deps: ServiceDeps, recipient: string | null): Promise<OutboxMessageEntity[]> {
  const query = deps.dataSource.getRepository(OutboxMessageEntity).createQueryBuilder('m').orderBy('m.created_at', 'DESC').addOrderBy('m.id', 'DESC').limit(PAGE_SIZE);
  if (recipient) query.where('m.recipient ILIKE :pattern', { pattern: `%${recipient.replace(/[\\%_]/g, '\\$&')}%` });
  return query.getMany();
}

/** GET /dev/outbox (`?aan=` filters by recipient): the outbox as a readable page. */
export function devOutboxRoutes(deps: ServiceDeps, env: NodeJS.ProcessEnv = process.env): SubgraphRoutesFactory {
  const enabled = devOutboxEnabled(env);
  return () => async (request: http.IncomingMessage, response: http.ServerResponse, url: URL) => {
    if (url.pathname !== DEV_OUTBOX_PATH || !enabled) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return true;
    }
    const recipient = url.searchParams.get('aan')?.trim().slice(0, 200) || null;
    const html = renderOutboxPage(await loadMessages(deps, recipient), recipient);
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      // Message texts are escaped; the policy is the second line of defence.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      'content-length': Buffer.byteLength(html),
    });
    response.end(request.method === 'HEAD' ? undefined : html);
    return true;
  };
}
