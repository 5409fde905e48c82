import type { OutgoingMail } from './outbox.js';

export type MailLocale = 'nl' | 'en';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** 2025-03-07 → "7 maart 2025" / "7 March 2025", read as a calendar date (no time zone shift). */
export function calendarDateText(date: string, locale: MailLocale): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

function timestampText(date: Date, locale: MailLocale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(date);
}

function page(locale: MailLocale, paragraphs: string[]): string {
  return `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">\n${paragraphs.join('\n')}\n</body></html>`;
}

const button = (href: string, label: string) =>
  `<p><a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;background:#1c4e80;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(label)}</a></p>`;

/**
 * "A document was signed": only the document's title, the moment and a link. No name of the
 * employee and nothing about the absence itself: mail leaves the platform's access control.
 */
export function documentSignedMail(input: {
  to: string;
  locale: MailLocale;
  displayName: string;
  documentTitle: string;
  signedAt: Date;
  dossierLink: string;
}): OutgoingMail {
  const { locale, displayName, documentTitle, dossierLink } = input;
  const when = timestampText(input.signedAt, locale);
  const nl = locale === 'nl';
  const subject = nl ? `Document ondertekend: ${documentTitle}` : `Document signed: ${documentTitle}`;
  const lines = nl
    ? [
        `Beste ${displayName},`,
        '',
        `Het document "${documentTitle}" is op ${when} digitaal ondertekend door de medewerker.`,
        'U vindt het ondertekende document in het dossier:',
        dossierLink,
        '',
        'Deze e-mail bevat bewust geen inhoudelijke gegevens. Log in op het portaal om het dossier te bekijken.',
      ]
    : [
        `Dear ${displayName},`,
        '',
        `The document "${documentTitle}" was signed digitally by the employee on ${when}.`,
        'You will find the signed document in the dossier:',
        dossierLink,
        '',
        'This e-mail deliberately contains no details. Sign in to the portal to view the dossier.',
      ];
  const html = page(locale, [
    `<p>${escapeHtml(lines[0]!)}</p>`,
    `<p>${escapeHtml(lines[2]!)}</p>`,
    button(dossierLink, nl ? 'Dossier openen' : 'Open the dossier'),
    `<p style="color:#555">${escapeHtml(lines[6]!)}</p>`,
  ]);
  return { to: input.to, subject, text: lines.join('\n'), html, purpose: 'document-signed' };
}

export interface DigestItem {
  activityId: string;
  title: string;
  deadline: string;
  personId: string;
}

/** The daily digest of due and overdue activities, with links to the action list and the dossiers. */
export function activityDigestMail(input: {
  to: string;
  locale: MailLocale;
  displayName: string;
  date: string;
  overdue: DigestItem[];
  due: DigestItem[];
  portalUrl: string;
}): OutgoingMail {
  const { locale, displayName, portalUrl } = input;
  const nl = locale === 'nl';
  const day = calendarDateText(input.date, locale);
  const dossier = (item: DigestItem) => `${portalUrl}/personen/${item.personId}`;
  const line = (item: DigestItem) =>
    `- ${item.title} (${nl ? 'deadline' : 'deadline'} ${calendarDateText(item.deadline, locale)}): ${dossier(item)}`;
  const settingsLink = `${portalUrl}/account`;
  const sections: [string, DigestItem[]][] = [
    [nl ? `Te laat (${input.overdue.length})` : `Overdue (${input.overdue.length})`, input.overdue],
    [nl ? `Binnenkort te doen (${input.due.length})` : `Due soon (${input.due.length})`, input.due],
  ];
  const subject = nl
    ? `Uw acties van ${day}: ${input.overdue.length} te laat, ${input.due.length} binnenkort`
    : `Your actions for ${day}: ${input.overdue.length} overdue, ${input.due.length} due soon`;
  const intro = nl ? `Beste ${displayName},` : `Dear ${displayName},`;
  const summary = nl
    ? 'Dit is het dagelijkse overzicht van de acties in uw actielijst die te laat zijn of binnenkort moeten gebeuren.'
    : 'This is the daily overview of the actions in your action list that are overdue or due soon.';
  const optOut = nl
    ? `U ontvangt deze e-mail elke werkdag. Afmelden kan bij Mijn instellingen: ${settingsLink}`
    : `You receive this e-mail every working day. Unsubscribe in My settings: ${settingsLink}`;
  const text = [
    intro,
    '',
    summary,
    '',
    ...sections.flatMap(([title, items]) => (items.length ? [title, ...items.map(line), ''] : [])),
    `${nl ? 'Actielijst' : 'Action list'}: ${portalUrl}/`,
    '',
    optOut,
  ].join('\n');
  const html = page(locale, [
    `<p>${escapeHtml(intro)}</p>`,
    `<p>${escapeHtml(summary)}</p>`,
    ...sections.flatMap(([title, items]) =>
      items.length
        ? [
            `<h2 style="font-size:16px">${escapeHtml(title)}</h2>`,
            `<ul>${items
              .map(
                (item) =>
                  `<li><a href="${escapeHtml(dossier(item))}">${escapeHtml(item.title)}</a> — ${nl ? 'deadline' : 'deadline'} ${escapeHtml(calendarDateText(item.deadline, locale))}</li>`,
              )
              .join('')}</ul>`,
          ]
        : [],
    ),
    button(`${portalUrl}/`, nl ? 'Naar de actielijst' : 'Go to the action list'),
    `<p style="color:#555">${escapeHtml(optOut.replace(settingsLink, '').trim())} <a href="${escapeHtml(settingsLink)}">${nl ? 'Mijn instellingen' : 'My settings'}</a></p>`,
  ]);
  return { to: input.to, subject, text, html, purpose: 'activity-digest' };
}
