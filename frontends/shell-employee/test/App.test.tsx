import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter, UiProvider } from '@poortwachter/ui';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const runtime = vi.hoisted(() => ({ init: vi.fn(), registerRemotes: vi.fn(), loadRemote: vi.fn() }));
vi.mock('@module-federation/enhanced/runtime', () => runtime);

const { clearRemoteViews, createGraphQLRequest, createSessionStore, GraphQLRequestProvider, initFederation, SessionProvider } = await import('@poortwachter/shell-kit');

// The pages before signing in send plain-fetch GraphQL; these tests only render them.
const offline = createGraphQLRequest({ url: 'http://127.0.0.1:9/graphql', fetcher: () => Promise.reject(new TypeError('no gateway in unit tests')) });
const { App } = await import('../src/App');

type Role = Parameters<ReturnType<typeof createSessionStore>['signIn']>[0]['user']['role'];

function renderAs(role: Role | null, path = '/') {
  sessionStorage.clear();
  const store = createSessionStore(sessionStorage);
  if (role) store.signIn({ accessToken: 't', expiresAt: '2999-01-01T00:00:00Z', user: { id: 'u', username: 'werknemer.demo', displayName: 'Sanne de Vries', role } });
  const view = render(
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
  return { ...view, store };
}

beforeEach(() => {
  vi.clearAllMocks();
  clearRemoteViews();
  initFederation('shell_employee', { employeePortal: 'http://127.0.0.1:3101/mf-manifest.json' });
  runtime.loadRemote.mockImplementation(async (id: string) => ({ default: ({ basePath }: { basePath?: string }) => <h1>{`${id} op ${basePath}`}</h1> }));
});

describe('employee shell', () => {
  it('starts at the login page without a session', async () => {
    renderAs(null);
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(screen.getByText('Medewerkersportaal')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Naar de inhoud' }).getAttribute('href')).toBe('#main-content');
  });

  it('shows the manual\'s menu (Dashboard, Dossiers, Afspraken, Jaaroverzicht) and mounts the portal remote', async () => {
    renderAs('EMPLOYEE', '/afspraken');
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Dashboard', 'Dossiers', 'Afspraken', 'Jaaroverzicht']);
    expect(within(nav).getByRole('link', { name: 'Afspraken' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByRole('heading', { name: 'employee_portal/App op /' })).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
  });

  it('logs out back to the login page and forgets the token', async () => {
    const { store } = renderAs('EMPLOYEE');
    fireEvent.click(screen.getByRole('button', { name: 'Uitloggen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(store.get()).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });

  it('turns away an employer account', () => {
    renderAs('EMPLOYER');
    expect(screen.getByRole('heading', { level: 1, name: 'Dit is het medewerkersportaal' })).toBeTruthy();
    expect(runtime.loadRemote).not.toHaveBeenCalled();
  });
});
