import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, Routes, UiProvider } from '@poortwachter/ui';
import { MockGraphQL, type OperationMock } from './graphql-mock';

const runtime = vi.hoisted(() => ({
  init: vi.fn(),
  registerRemotes: vi.fn(),
  loadRemote: vi.fn(),
}));
vi.mock('@module-federation/enhanced/runtime', () => runtime);

const { ActivationPage, COMPLETE_LOGIN, createSessionStore, initFederation, LoginPage, RemoteView, SessionProvider, ShellFrame, START_LOGIN } = await import('../src');
const { ACTIVATE_ACCOUNT, INVITATION_STATUS, REQUEST_NEW_INVITATION } = await import('../src/login-operations');

function Providers({ children, mocks = [], path = '/', store = createSessionStore(sessionStorage) }: { children: ReactNode; mocks?: OperationMock[]; path?: string; store?: ReturnType<typeof createSessionStore> }) {
  return (
    <UiProvider>
      <MockGraphQL mocks={mocks}>
        <SessionProvider store={store}>
          <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
        </SessionProvider>
      </MockGraphQL>
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
        request: { query: START_LOGIN, variables: { username: 'werknemer.demo', password: 'fout' } },
        result: { errors: [{ message: 'Invalid username or password.', extensions: { code: 'INVALID_CREDENTIALS' } }] },
      },
    ];
    render(
      <Providers mocks={mocks}>
        <LoginPage portalName="Medewerkersportaal" />
      </Providers>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(screen.queryByText('Ontwikkelomgeving')).toBeNull();
    fireEvent.change(screen.getByLabelText(/Gebruikersnaam/), { target: { value: 'werknemer.demo' } });
    fireEvent.change(screen.getByLabelText(/Wachtwoord/), { target: { value: 'fout' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Gebruikersnaam of wachtwoord onjuist');
    expect(sessionStorage.length).toBe(0);
  });

  it('asks for the authenticator code after the password, then stores the session and continues', async () => {
    const user = { __typename: 'User', id: 'u1', username: 'werknemer.demo', displayName: 'Sanne de Vries', role: 'EMPLOYEE', personId: 'p1' };
    const mocks = [
      {
        request: { query: START_LOGIN, variables: { username: 'werknemer.demo', password: 'Verzuim-Demo-2026' } },
        result: {
          data: {
            startLogin: {
              __typename: 'LoginChallenge',
              challengeId: 'c1',
              methods: ['TOTP'],
              enrolmentRequired: false,
              passwordChangeRequired: false,
              smsSentTo: null,
              session: null,
            },
          },
        },
      },
      {
        request: { query: COMPLETE_LOGIN, variables: { challengeId: 'c1', code: '123456' } },
        result: {
          data: {
            completeLogin: {
              __typename: 'AuthSession',
              accessToken: 'jwt',
              accessTokenExpiresAt: '2999-01-01T00:00:00.000Z',
              refreshTokenExpiresAt: '2999-01-01T00:00:00.000Z',
              trustTokenExpiresAt: null,
              user,
            },
          },
        },
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
    const heading = await screen.findByRole('heading', { level: 1, name: 'Code invoeren' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const code = screen.getByLabelText(/Code \(6 cijfers\)/);
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(store.get()).toBeNull();
    fireEvent.change(code, { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByText('Dashboard geladen')).toBeTruthy();
    expect(store.get()?.accessToken).toBe('jwt');
  });

  it('lists the broken password rules in Dutch when the own password is refused', async () => {
    const mocks = [
      {
        request: { query: START_LOGIN, variables: { username: 'werkgever.nieuw', password: 'Voorlopig-123' } },
        result: {
          data: {
            startLogin: {
              __typename: 'LoginChallenge',
              challengeId: 'c2',
              methods: ['TOTP', 'SMS'],
              enrolmentRequired: true,
              passwordChangeRequired: true,
              smsSentTo: null,
              session: null,
            },
          },
        },
      },
    ];
    render(
      <Providers mocks={mocks}>
        <LoginPage portalName="Werkgeversportaal" />
      </Providers>,
    );
    fireEvent.change(screen.getByLabelText(/Gebruikersnaam/), { target: { value: 'werkgever.nieuw' } });
    fireEvent.change(screen.getByLabelText(/Wachtwoord/), { target: { value: 'Voorlopig-123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Kies een eigen wachtwoord' })).toBeTruthy();
    expect(screen.getByText('minimaal 12 tekens lang zijn')).toBeTruthy();
    expect(screen.getByText('geen veelgebruikt of gelekt wachtwoord zijn')).toBeTruthy();
  });
});

describe('ActivationPage', () => {
  it('explains an expired link and requests a new invitation', async () => {
    const mocks = [
      { request: { query: INVITATION_STATUS, variables: { token: 'oud' } }, result: { data: { invitationStatus: 'EXPIRED' } } },
      { request: { query: REQUEST_NEW_INVITATION, variables: { token: 'oud' } }, result: { data: { requestNewInvitation: true } } },
    ];
    render(
      <Providers mocks={mocks} path="/activeren?token=oud">
        <ActivationPage portalName="Medewerkersportaal" />
      </Providers>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Deze activatielink is verlopen' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Nieuwe uitnodiging aanvragen' }));
    expect(await screen.findByText(/Uw aanvraag is ontvangen/)).toBeTruthy();
  });

  it('names each broken password rule in Dutch, then activates', async () => {
    const input = { token: 'geldig', email: 'sanne@example.nl', password: 'kort', passwordRepeat: 'kort' };
    const mocks = [
      { request: { query: INVITATION_STATUS, variables: { token: 'geldig' } }, result: { data: { invitationStatus: 'VALID' } } },
      {
        request: { query: ACTIVATE_ACCOUNT, variables: { input } },
        result: {
          errors: [
            {
              message: 'Password rules',
              extensions: { code: 'PASSWORD_TOO_SHORT', violations: ['PASSWORD_TOO_SHORT', 'PASSWORD_NEEDS_UPPERCASE', 'PASSWORD_NEEDS_DIGIT'] },
            },
          ],
        },
      },
      {
        request: { query: ACTIVATE_ACCOUNT, variables: { input: { ...input, password: 'Lange-Zomer-2026', passwordRepeat: 'Lange-Zomer-2026' } } },
        result: { data: { activateAccount: { __typename: 'ActivationResult', username: 'Sanne.deVries', role: 'EMPLOYEE' } } },
      },
    ];
    render(
      <Providers mocks={mocks} path="/activeren?token=geldig">
        <ActivationPage portalName="Medewerkersportaal" />
      </Providers>,
    );
    fireEvent.change(await screen.findByLabelText(/E-mailadres/), { target: { value: 'sanne@example.nl' } });
    fireEvent.change(screen.getByLabelText(/^Wachtwoord/), { target: { value: 'kort' } });
    fireEvent.change(screen.getByLabelText(/Herhaal wachtwoord/), { target: { value: 'kort' } });
    fireEvent.click(screen.getByRole('button', { name: 'Account activeren' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Het wachtwoord is korter dan 12 tekens.');
    expect(alert.textContent).toContain('Het wachtwoord bevat geen hoofdletter.');
    expect(alert.textContent).toContain('Het wachtwoord bevat geen cijfer.');
    expect(alert.textContent).not.toContain('gelekt');
    fireEvent.change(screen.getByLabelText(/^Wachtwoord/), { target: { value: 'Lange-Zomer-2026' } });
    fireEvent.change(screen.getByLabelText(/Herhaal wachtwoord/), { target: { value: 'Lange-Zomer-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Account activeren' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Uw account is geactiveerd' })).toBeTruthy();
    expect(screen.getByText(/Sanne\.deVries/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Naar inloggen' }).getAttribute('href')).toBe('/inloggen');
  });
});

describe('session refresh', () => {
  it('renews the access token once through the refresh cookie, and signs out when that fails', async () => {
    const user = { id: 'u1', username: 'werknemer.demo', displayName: 'Sanne de Vries', role: 'EMPLOYEE' as const, personId: 'p1' };
    const refresh = vi
      .fn()
      .mockResolvedValueOnce({ accessToken: 'jwt-2', expiresAt: '2999-01-01T00:00:00.000Z', user })
      .mockResolvedValueOnce(null);
    const logout = vi.fn().mockResolvedValue(undefined);
    const store = createSessionStore(sessionStorage, Date.now, { refresh, logout });
    store.signIn({ accessToken: 'jwt-1', expiresAt: '2999-01-01T00:00:00.000Z', user });
    const [first, second] = await Promise.all([store.refresh(), store.refresh()]);
    expect(first && second).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(store.get()?.accessToken).toBe('jwt-2');
    expect(await store.refresh()).toBe(false);
    expect(store.get()).toBeNull();
    expect(store.lastSignOut()).toBe('expired');
    store.signIn({ accessToken: 'jwt-3', expiresAt: '2999-01-01T00:00:00.000Z', user });
    store.signOut('logout');
    expect(logout).toHaveBeenCalledWith('jwt-3');
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

describe('ShellFrame on a phone', () => {
  it('folds the menu when the account button in it is chosen', async () => {
    render(
      <Providers>
        <ShellFrame portalName="Medewerkersportaal" items={[{ to: '/', label: 'Dashboard', end: true }]}>
          <Routes>
            <Route path="/" element={<h1>Start</h1>} />
            <Route path="/account" element={<h1>Mijn account</h1>} />
          </Routes>
        </ShellFrame>
      </Providers>,
    );
    // The burger is hidden from wide screens by CSS, which jsdom does not apply in full: look past it.
    const burger = () => document.querySelector<HTMLButtonElement>('button[aria-controls="main-navigation"]')!;
    fireEvent.click(burger());
    expect(burger().getAttribute('aria-expanded')).toBe('true');
    expect(burger().getAttribute('aria-label')).toBe('Menu sluiten');
    const menu = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    const accountInMenu = [...menu.querySelectorAll('a')].find((link) => link.textContent === 'Mijn account')!;
    fireEvent.click(accountInMenu);
    expect(await screen.findByRole('heading', { name: 'Mijn account' })).toBeTruthy();
    expect(burger().getAttribute('aria-expanded')).toBe('false');
  });
});
