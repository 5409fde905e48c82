import type { Role } from '@poortwachter/ui/shell';

export type Tab = 'dashboard' | 'agenda' | 'persons';

/** The roles this shell serves: employers and the occupational health service's professionals. */
export const EMPLOYER_SHELL_ROLES: readonly Role[] = ['EMPLOYER', 'OCCUPATIONAL_PHYSICIAN', 'CASE_MANAGER', 'PLANNER', 'ADMIN'];

/**
 * The tabs of the old portal ("Mijn Dashboard", "Agenda", "Personen") per role. A planner works
 * from the agendas and has no action list of their own.
 */
export const TABS_BY_ROLE: Record<Role, readonly Tab[]> = {
  EMPLOYEE: [],
  EMPLOYER: ['dashboard', 'agenda', 'persons'],
  OCCUPATIONAL_PHYSICIAN: ['dashboard', 'agenda', 'persons'],
  CASE_MANAGER: ['dashboard', 'agenda', 'persons'],
  PLANNER: ['agenda', 'persons'],
  ADMIN: ['dashboard', 'agenda', 'persons'],
};

export const TAB_PATHS: Record<Tab, string> = { dashboard: '/', agenda: '/agenda', persons: '/personen' };

/** The tab a path belongs to. */
export function tabOfPath(pathname: string): Tab {
  if (pathname === '/agenda' || pathname.startsWith('/agenda/')) return 'agenda';
  if (pathname === '/personen' || pathname.startsWith('/personen/')) return 'persons';
  return 'dashboard';
}
