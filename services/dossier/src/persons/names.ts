/*
 * Dutch names: the surname is stored as written ("de Vries"); lists file it under the part after the
 * tussenvoegsel and show "Vries, J. de", as HR expects. The database's generated `sort_name` column
 * uses the same prefixes (migration PersonDossier).
 */

const PREFIX = /^((?:van|von|de|der|den|het|'t|ter|ten|te|in|op|aan|bij|uit|voor|d'|la|le|du|da|dos|del|della|di|l'|vd)\s+)+/i;

/** Splits "van der Berg" into { prefix: "van der", surname: "Berg" }. */
export function splitSurname(lastName: string): { prefix: string | null; surname: string } {
  const trimmed = lastName.trim().replace(/\s+/g, ' ');
  const match = PREFIX.exec(trimmed);
  if (!match || match[0].length >= trimmed.length) return { prefix: null, surname: trimmed };
  return { prefix: match[0].trim(), surname: trimmed.slice(match[0].length) };
}

/** "Vries, J. de" (initials, else the first name's initial). */
export function sortedDisplayName(person: { firstName: string; lastName: string; initials: string | null }): string {
  const { prefix, surname } = splitSurname(person.lastName);
  const initials = person.initials?.trim() || `${person.firstName.trim().charAt(0).toUpperCase()}.`;
  return `${surname}, ${initials}${prefix ? ` ${prefix}` : ''}`;
}

/** The key the database sorts by, for checks in tests and in memory. */
export function sortKey(person: { firstName: string; lastName: string }): string {
  return `${splitSurname(person.lastName).surname.toLowerCase()} ${person.firstName.toLowerCase()}`;
}
