import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, Routes, UiProvider } from '../src';

const runtime = vi.hoisted(() => ({
  init: vi.fn(),
  registerRemotes: vi.fn(),
  loadRemote: vi.fn(),
}));
vi.mock('@module-federation/enhanced/runtime', () => runtime);

const { createSessionStore, initFederation, LOGIN_MUTATION, LoginPage, RemoteView, SessionProvider, ShellFrame } = await import('../src/shell');

function Providers({ children, mocks = [], path = '/', store = createSessionStore(sessionStorage) }: { children: ReactNode; mocks?: MockedProviderProps['mocks']; path?: string; store?: ReturnType<typeof createSessionStore> }) {
  return (
    <UiProvider>
      <MockedProvider mocks={mocks}>
        <SessionProvider store={store}>
          <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
        </SessionProvider>
      </MockedProvider>
    </UiProvider>
  );
}

beforeEach(() => {
  sessionStorage.clear();
  vi.clearAllMocks();
});

describe('LoginPage', () => {
  it('asks for both fields before calling the server', async () => {
    render(
      <Providers>
        <LoginPage portalName="Medewerkersportaal" />
      </Providers>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByText('Vul uw gebruikersnaam in')).toBeTruthy();
    expect(screen.getByText('Vul uw wachtwoord in')).toBeTruthy();
  });

  it('shows the Dutch message for INVALID_CREDENTIALS', async () => {
    const mocks = [
      {
        request: { query: LOGIN_MUTATION, variables: { username: 'werknemer.demo', password: 'fout' } },
        result: { errors: [new GraphQLError('Invalid username or password.', { extensions: { code: 'INVALID_CREDENTIALS' } })] },
      },
    ];
    render(
      <Providers mocks={mocks}>
        <LoginPage portalName="Medewerkersportaal" />
      </Providers>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(screen.getByText('Ontwikkelomgeving')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Gebruikersnaam/), { target: { value: 'werknemer.demo' } });
    fireEvent.change(screen.getByLabelText(/Wachtwoord/), { target: { value: 'fout' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Gebruikersnaam of wachtwoord onjuist');
    expect(sessionStorage.length).toBe(0);
  });

  it('stores the session and continues to the page the user came for', async () => {
    const user = { __typename: 'User', id: 'u1', username: 'werknemer.demo', displayName: 'Sanne de Vries', role: 'EMPLOYEE', personId: 'p1' };
    const mocks = [
      {
        request: { query: LOGIN_MUTATION, variables: { username: 'werknemer.demo', password: 'Verzuim-Demo-2026' } },
        result: { data: { login: { __typename: 'LoginResult', accessToken: 'jwt', expiresAt: '2999-01-01T00:00:00.000Z', user } } },
      },
    ];
    const store = createSessionStore(sessionStorage);
    render(
      <Providers mocks={mocks} store={store} path="/inloggen">
        <Routes>
          <Route path="/inloggen" element={<LoginPage portalName="Medewerkersportaal" />} />
          <Route path="/" element={<p>Dashboard geladen</p>} />
        </Routes>
      </Providers>,
    );
    fireEvent.change(screen.getByLabelText(/Gebruikersnaam/), { target: { value: 'werknemer.demo' } });
    fireEvent.change(screen.getByLabelText(/Wachtwoord/), { target: { value: 'Verzuim-Demo-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByText('Dashboard geladen')).toBeTruthy();
    expect(store.get()?.accessToken).toBe('jwt');
  });
});

describe('RemoteView', () => {
  it('shows an error panel when a remote cannot load, keeps the menu, and retries', async () => {
    initFederation('shell_test', { employeePortal: 'http://127.0.0.1:9/mf-manifest.json' });
    expect(runtime.init).toHaveBeenCalledWith({ name: 'shell_test', remotes: [] });
    expect(runtime.registerRemotes).toHaveBeenCalledWith([{ name: 'employee_portal', entry: 'http://127.0.0.1:9/mf-manifest.json' }]);
    runtime.loadRemote.mockRejectedValueOnce(new Error('Failed to fetch mf-manifest.json'));
    runtime.loadRemote.mockResolvedValueOnce({ default: ({ basePath }: { basePath?: string }) => <h1>Mijn verzuim op {basePath}</h1> });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <Providers>
        <ShellFrame portalName="Medewerkersportaal" items={[{ to: '/', label: 'Dashboard', end: true }, { to: '/afspraken', label: 'Afspraken' }]}>
          <RemoteView id="employee_portal/App" basePath="/" />
        </ShellFrame>
      </Providers>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Dit onderdeel kon niet worden geladen');
    expect(screen.getByRole('link', { name: 'Afspraken' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Hoofdmenu' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByRole('heading', { name: 'Mijn verzuim op /' })).toBeTruthy();
    expect(runtime.registerRemotes).toHaveBeenLastCalledWith([{ name: 'employee_portal', entry: 'http://127.0.0.1:9/mf-manifest.json' }], { force: true });
    await waitFor(() => expect(runtime.loadRemote).toHaveBeenCalledTimes(2));
    consoleError.mockRestore();
  });
});
