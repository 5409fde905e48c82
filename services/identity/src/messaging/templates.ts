import type { OutgoingMail } from './outbox.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function dutchDate(date: Date): string {
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(date);
}

function englishDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(date);
}

/**
 * The welcome mail (employee manual §1.1): username plus a single-use activation link. Dutch
 * first, the English text below it, since we do not know the reader's language before they sign in.
 */
export function invitationMail(input: { to: string; displayName: string; username: string; link: string; expiresAt: Date }): OutgoingMail {
  const { displayName, username, link, expiresAt } = input;
  const text = [
    `Beste ${displayName},`,
    '',
    'Er is een account voor u aangemaakt op het Poortwachter-portaal.',
    `Uw gebruikersnaam: ${username} (hoofdlettergevoelig)`,
    '',
    'Stel uw wachtwoord in via deze link (eenmalig geldig):',
    link,
    '',
    `De link verloopt op ${dutchDate(expiresAt)}. Is de link verlopen of al gebruikt? Open hem toch: u kunt dan een nieuwe uitnodiging aanvragen.`,
    '',
    '— English —',
    '',
    `Dear ${displayName},`,
    '',
    'An account has been created for you on the Poortwachter portal.',
    `Your username: ${username} (case-sensitive)`,
    '',
    'Set your password with this link (valid once):',
    link,
    '',
    `The link expires on ${englishDate(expiresAt)}. Expired or already used? Open it anyway to request a new invitation.`,
  ].join('\n');
  const safeLink = escapeHtml(link);
  const html = `<!doctype html><html lang="nl"><body style="font-family:sans-serif">
<p>Beste ${escapeHtml(displayName)},</p>
<p>Er is een account voor u aangemaakt op het Poortwachter-portaal.<br>Uw gebruikersnaam: <strong>${escapeHtml(username)}</strong> (hoofdlettergevoelig)</p>
<p><a href="${safeLink}" style="display:inline-block;padding:12px 20px;background:#c0392b;color:#fff;text-decoration:none;border-radius:4px">Klik hier om een wachtwoord in te stellen</a></p>
<p>De link is eenmalig geldig en verloopt op ${escapeHtml(dutchDate(expiresAt))}. Is de link verlopen of al gebruikt? Open hem toch: u kunt dan een nieuwe uitnodiging aanvragen.</p>
<hr>
<div lang="en">
<p>Dear ${escapeHtml(displayName)},</p>
<p>An account has been created for you on the Poortwachter portal.<br>Your username: <strong>${escapeHtml(username)}</strong> (case-sensitive)</p>
<p><a href="${safeLink}">Click here to set your password</a></p>
<p>The link is valid once and expires on ${escapeHtml(englishDate(expiresAt))}. Expired or already used? Open it anyway to request a new invitation.</p>
</div>
</body></html>`;
  return { to: input.to, subject: 'Activeer uw Poortwachter-account / Activate your Poortwachter account', text, html, purpose: 'invitation' };
}

/** One SMS, short enough for a single segment in either language. */
export function loginCodeSms(code: string): string {
  return `Poortwachter: uw verificatiecode is ${code} / your verification code is ${code}. Deel deze code met niemand.`;
}

/** Forgot-password mail: a single-use link that expires quickly. */
export function passwordResetMail(input: { to: string; displayName: string; username: string; link: string; expiresAt: Date }): OutgoingMail {
  const { displayName, username, link, expiresAt } = input;
  const text = [
    `Beste ${displayName},`,
    '',
    `Er is gevraagd om een nieuw wachtwoord voor de gebruikersnaam ${username}. Kies een nieuw wachtwoord via deze link (eenmalig geldig, tot ${dutchDate(expiresAt)}):`,
    link,
    '',
    'Heeft u dit niet zelf gevraagd? Dan kunt u deze mail negeren; uw wachtwoord blijft ongewijzigd.',
    '',
    '— English —',
    '',
    `Dear ${displayName},`,
    '',
    `A new password was requested for the username ${username}. Choose a new password with this link (valid once, until ${englishDate(expiresAt)}):`,
    link,
    '',
    'Did you not ask for this? Then ignore this mail; your password stays as it is.',
  ].join('\n');
  const safeLink = escapeHtml(link);
  const html = `<!doctype html><html lang="nl"><body style="font-family:sans-serif">
<p>Beste ${escapeHtml(displayName)},</p>
<p>Er is gevraagd om een nieuw wachtwoord voor de gebruikersnaam <strong>${escapeHtml(username)}</strong>.</p>
<p><a href="${safeLink}" style="display:inline-block;padding:12px 20px;background:#c0392b;color:#fff;text-decoration:none;border-radius:4px">Nieuw wachtwoord instellen</a></p>
<p>De link is eenmalig geldig tot ${escapeHtml(dutchDate(expiresAt))}. Heeft u dit niet zelf gevraagd? Dan kunt u deze mail negeren.</p>
<hr>
<div lang="en">
<p>Dear ${escapeHtml(displayName)},</p>
<p>A new password was requested for the username <strong>${escapeHtml(username)}</strong>.</p>
<p><a href="${safeLink}">Set a new password</a></p>
<p>The link is valid once until ${escapeHtml(englishDate(expiresAt))}. Did you not ask for this? Then ignore this mail.</p>
</div>
</body></html>`;
  return { to: input.to, subject: 'Nieuw wachtwoord instellen / Reset your Poortwachter password', text, html, purpose: 'password-reset' };
}
