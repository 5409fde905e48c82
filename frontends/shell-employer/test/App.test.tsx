import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter, UiProvider } from '@poortwachter/ui';
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const runtime = vi.hoisted(() => ({ init: vi.fn(), registerRemotes: vi.fn(), loadRemote: vi.fn() }));
vi.mock('@module-federation/enhanced/runtime', () => runtime);

const { clearRemoteViews, createGraphQLRequest, createSessionStore, GraphQLRequestProvider, initFederation, SessionProvider } = await import('@poortwachter/shell-kit');

// The pages before signing in send plain-fetch GraphQL; these tests only render them.
const offline = createGraphQLRequest({ url: 'http://127.0.0.1:9/graphql', fetcher: () => Promise.reject(new TypeError('no gateway in unit tests')) });
const { App } = await import('../src/App');
const { TABS_BY_ROLE, tabOfPath } = await import('../src/menu');

type Role = Parameters<ReturnType<typeof createSessionStore>['signIn']>[0]['user']['role'];

function renderAs(role: Role | null, path = '/') {
  sessionStorage.clear();
  const store = createSessionStore(sessionStorage);
  if (role) store.signIn({ accessToken: 't', expiresAt: '2999-01-01T00:00:00Z', user: { id: 'u', username: 'x', displayName: 'Peter Jansen', role } });
  return render(
    <UiProvider>
      <MockedProvider>
        <GraphQLRequestProvider request={offline}>
          <SessionProvider store={store}>
            <MemoryRouter initialEntries={[path]}>
              <App />
            </MemoryRouter>
          </SessionProvider>
        </GraphQLRequestProvider>
      </MockedProvider>
    </UiProvider>,
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  clearRemoteViews();
  initFederation('shell_employer', {
    employerDashboard: 'http://127.0.0.1:3102/mf-manifest.json',
    agenda: 'http://127.0.0.1:3103/mf-manifest.json',
  });
  runtime.loadRemote.mockImplementation(async (id: string) => ({ default: ({ basePath }: { basePath?: string }) => <h1>{`${id} op ${basePath}`}</h1> }));
});

describe('employer shell', () => {
  it('sends a visitor without session to the login page', async () => {
    renderAs(null, '/personen');
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(screen.getByText('Werkgeversportaal')).toBeTruthy();
  });

  it('shows the three tabs to an employer and mounts the dashboard remote', async () => {
    renderAs('EMPLOYER');
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Mijn Dashboard', 'Agenda', 'Personen']);
    expect(await screen.findByRole('heading', { name: 'employer_dashboard/App op /' })).toBeTruthy();
    expect(runtime.loadRemote).toHaveBeenCalledWith('employer_dashboard/App');
  });

  it('mounts the agenda remote under /agenda', async () => {
    renderAs('CASE_MANAGER', '/agenda');
    expect(await screen.findByRole('heading', { name: 'agenda/App op /agenda' })).toBeTruthy();
  });

  it('keeps the menu and shows an error panel when a remote cannot be loaded', async () => {
    runtime.loadRemote.mockRejectedValue(new Error('manifest refused'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderAs('EMPLOYER', '/personen');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Dit onderdeel kon niet worden geladen');
    expect(within(screen.getByRole('navigation', { name: 'Hoofdmenu' })).getByRole('link', { name: 'Agenda' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Uitloggen' })).toBeTruthy();
  });

  it('gives a planner only the agenda and persons, starting at the agenda', async () => {
    renderAs('PLANNER', '/');
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Agenda', 'Personen']);
    expect(await screen.findByRole('heading', { name: 'agenda/App op /agenda' })).toBeTruthy();
  });

  it('tells an employee they are in the wrong portal', () => {
    renderAs('EMPLOYEE');
    expect(screen.getByRole('heading', { level: 1, name: 'Dit is het werkgeversportaal' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Uitloggen' })).toBeTruthy();
    expect(runtime.loadRemote).not.toHaveBeenCalled();
  });
});

describe('menu', () => {
  it('maps paths to tabs and roles to tabs', () => {
    expect(tabOfPath('/')).toBe('dashboard');
    expect(tabOfPath('/agenda')).toBe('agenda');
    expect(tabOfPath('/personen')).toBe('persons');
    expect(tabOfPath('/agendapunten')).toBe('dashboard');
    expect(TABS_BY_ROLE.EMPLOYEE).toEqual([]);
    expect(TABS_BY_ROLE.OCCUPATIONAL_PHYSICIAN).toEqual(['dashboard', 'agenda', 'persons']);
  });
});
