import type { Role } from '@poortwachter/shell-kit';

export type Tab = 'dashboard' | 'agenda' | 'persons' | 'admin' | 'protocol';

/** The roles this shell serves: employers and the occupational health service's professionals. */
export const EMPLOYER_SHELL_ROLES: readonly Role[] = ['EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'PLANNER', 'ADMIN'];

/**
 * The tabs of the old portal ("Mijn Dashboard", "Agenda", "Personen") per role, plus the
 * administrator's "Beheer" (users, API clients) and protocol screen. A planner works from the
 * agendas and has no action list of their own.
 */
export const TABS_BY_ROLE: Record<Role, readonly Tab[]> = {
  EMPLOYEE: [],
  EMPLOYER: ['dashboard', 'agenda', 'persons'],
  OCCUPATIONAL_PHYSICIAN: ['dashboard', 'agenda', 'persons'],
  CASE_MANAGER: ['dashboard', 'agenda', 'persons'],
  PLANNER: ['agenda', 'persons'],
  ADMIN: ['dashboard', 'agenda', 'persons', 'admin', 'protocol'],
};

export const TAB_PATHS: Record<Tab, string> = {
  dashboard: '/',
  agenda: '/agenda',
  persons: '/personen',
  admin: '/beheer',
  // Routed by the employer-dashboard remote, not by this shell.
  protocol: '/beheer/protocol',
};

const under = (pathname: string, base: string) => pathname === base || pathname.startsWith(`${base}/`);

/** The tab a path belongs to; null for pages every signed-in user has (the account page). */
export function tabOfPath(pathname: string): Tab | null {
  if (under(pathname, '/account')) return null;
  if (under(pathname, '/agenda')) return 'agenda';
  if (under(pathname, '/personen')) return 'persons';
  if (under(pathname, '/beheer/protocol')) return 'protocol';
  if (under(pathname, '/beheer')) return 'admin';
  return 'dashboard';
}
