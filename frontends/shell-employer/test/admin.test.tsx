import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { MemoryRouter, UiProvider } from '@poortwachter/ui';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const runtime = vi.hoisted(() => ({ init: vi.fn(), registerRemotes: vi.fn(), loadRemote: vi.fn() }));
vi.mock('@module-federation/enhanced/runtime', () => runtime);

const { clearRemoteViews, createSessionStore, initFederation, SessionProvider } = await import('@poortwachter/shell-kit');
const { App } = await import('../src/App');
const { CLOSE_INVITATION_REQUEST, EMPLOYERS, INVITATION_REQUESTS, INVITE_USER, RESEND_INVITATION, SET_PROVISIONAL_PASSWORD, USERS } = await import(
  '../src/features/admin/operations'
);

type Role = Parameters<ReturnType<typeof createSessionStore>['signIn']>[0]['user']['role'];
const EMPLOYER_1 = '00000000-0000-4000-8000-000000000001';

const user = (overrides: Record<string, unknown>) => ({
  __typename: 'User',
  id: 'u2',
  username: 'werkgever.demo',
  displayName: 'Peter Jansen',
  role: 'EMPLOYER',
  email: 'werkgever.demo@poortwachter.example',
  blocked: false,
  twoFactorMethod: 'TOTP',
  lastLoginAt: null,
  activatedAt: '2025-01-01T10:00:00Z',
  personId: null,
  scope: { __typename: 'UnitScope', employerIds: [EMPLOYER_1], divisionIds: [], departmentIds: [] },
  ...overrides,
});

const usersMock = (items: ReturnType<typeof user>[]) => ({
  request: { query: USERS, variables: { filter: { search: null, role: null, blocked: null }, page: { offset: 0, limit: 25 } } },
  result: { data: { users: { __typename: 'UserPage', total: items.length, items } } },
  maxUsageCount: 5,
});
const request = (id: string, reason: string, account: ReturnType<typeof user>) => ({
  __typename: 'InvitationRequest',
  id,
  reason,
  createdAt: '2026-03-02T09:15:00Z',
  user: account,
});
const requestsMock = (items: ReturnType<typeof request>[]) => ({
  request: { query: INVITATION_REQUESTS, variables: {} },
  result: { data: { invitationRequests: items } },
});
const employersMock = {
  request: { query: EMPLOYERS, variables: {} },
  result: {
    data: {
      employers: [
        {
          __typename: 'Employer',
          id: EMPLOYER_1,
          name: 'Zorggroep Rivierenland',
          divisions: [{ __typename: 'Division', id: 'd1', name: 'Zorg', departments: [{ __typename: 'Department', id: 'dep1', name: 'Team Tiel' }] }],
        },
      ],
    },
  },
  maxUsageCount: 5,
};

function renderAs(role: Role, path: string, mocks: MockedProviderProps['mocks'] = []) {
  sessionStorage.clear();
  const store = createSessionStore(sessionStorage);
  store.signIn({ accessToken: 't', expiresAt: '2999-01-01T00:00:00Z', user: { id: 'admin', username: 'beheerder.demo', displayName: 'Beheerder', role } });
  return render(
    <UiProvider>
      <MockedProvider mocks={mocks}>
        <SessionProvider store={store}>
          <MemoryRouter initialEntries={[path]}>
            <App />
          </MemoryRouter>
        </SessionProvider>
      </MockedProvider>
    </UiProvider>,
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  clearRemoteViews();
  initFederation('shell_employer', { employerDashboard: 'http://127.0.0.1:3102/mf-manifest.json', agenda: 'http://127.0.0.1:3103/mf-manifest.json' });
  runtime.loadRemote.mockImplementation(async (id: string) => ({ default: ({ basePath }: { basePath?: string }) => <h1>{`${id} op ${basePath}`}</h1> }));
});

describe('admin area', () => {
  it('gives the administrator "Beheer" and "Protocol" and leaves /beheer/protocol to the dashboard remote', async () => {
    renderAs('ADMIN', '/beheer/protocol');
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Mijn Dashboard', 'Agenda', 'Personen', 'Beheer', 'Protocol']);
    expect(await screen.findByRole('heading', { name: 'employer_dashboard/App op /' })).toBeTruthy();
  });

  it('lists the users at /beheer and shows a provisional password once', async () => {
    const mocks = [
      usersMock([user({}), user({ id: 'u9', username: 'nieuw', displayName: 'Nieuwe Collega', activatedAt: null, twoFactorMethod: null })]),
      requestsMock([]),
      employersMock,
      {
        request: { query: SET_PROVISIONAL_PASSWORD, variables: { userId: 'u2' } },
        result: { data: { setProvisionalPassword: { __typename: 'ProvisionalPasswordResult', provisionalPassword: 'Abcd-Efgh-2345-Jkmn', user: user({}) } } },
      },
    ];
    renderAs('ADMIN', '/beheer', mocks);
    expect(await screen.findByRole('heading', { level: 1, name: 'Beheer' })).toBeTruthy();
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Uitgenodigd')).toBeTruthy();
    expect(within(table).getByText('Niet ingesteld')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Peter Jansen beheren' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Voorlopig wachtwoord instellen' }));
    expect((await screen.findByTestId('provisional-password')).textContent).toBe('Abcd-Efgh-2345-Jkmn');
  });

  it('invites an employer user with a scope picked from the dossier', async () => {
    const input = {
      role: 'EMPLOYER',
      displayName: 'Joke de Boer',
      email: 'joke@voorbeeld.nl',
      username: null,
      personId: null,
      scope: { employerIds: [], divisionIds: [], departmentIds: ['dep1'] },
    };
    const invite = vi.fn(() => ({ data: { inviteUser: { __typename: 'InviteUserResult', invitationId: 'i1', user: user({ id: 'u10', username: 'joke.de.boer', activatedAt: null }) } } }));
    const mocks = [usersMock([user({})]), requestsMock([]), employersMock, { request: { query: INVITE_USER, variables: { input } }, result: invite }];
    renderAs('ADMIN', '/beheer/gebruikers', mocks);
    fireEvent.click(await screen.findByRole('button', { name: 'Gebruiker uitnodigen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Uitnodiging versturen' }));
    expect(await screen.findByText('Kies ten minste één werkgever, divisie of afdeling.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Naam/), { target: { value: 'Joke de Boer' } });
    fireEvent.change(screen.getByLabelText(/^E-mailadres/), { target: { value: 'joke@voorbeeld.nl' } });
    fireEvent.click(await screen.findByLabelText('Afdeling Team Tiel'));
    fireEvent.click(screen.getByRole('button', { name: 'Uitnodiging versturen' }));
    expect(await screen.findByText('De uitnodiging is verstuurd naar joke@voorbeeld.nl (gebruikersnaam joke.de.boer).')).toBeTruthy();
    await waitFor(() => expect(invite).toHaveBeenCalledTimes(1));
  });

  it('lists requests for a new invitation: invites a not yet activated user again, closes the request of an activated one', async () => {
    const invited = user({ id: 'u11', username: 'nieuw', displayName: 'Nieuwe Collega', email: 'nieuw@voorbeeld.nl', activatedAt: null, twoFactorMethod: null });
    const activated = user({ id: 'u12', username: 'oud', displayName: 'Oude Bekende' });
    const resend = vi.fn(() => ({ data: { resendInvitation: { __typename: 'InviteUserResult', invitationId: 'i9', user: invited } } }));
    const close = vi.fn(() => ({ data: { closeInvitationRequest: true } }));
    const mocks = [
      usersMock([invited, activated]),
      requestsMock([request('r1', 'REVOKED', invited), request('r2', 'USED', activated)]),
      { request: { query: RESEND_INVITATION, variables: { userId: 'u11' } }, result: resend },
      requestsMock([request('r2', 'USED', activated)]),
      { request: { query: CLOSE_INVITATION_REQUEST, variables: { id: 'r2' } }, result: close },
      requestsMock([]),
    ];
    renderAs('ADMIN', '/beheer/gebruikers', mocks);
    const panel = await screen.findByRole('region', { name: 'Aanvragen voor een nieuwe uitnodiging' });
    expect(within(panel).getByText('Link vervangen door een nieuwere uitnodiging')).toBeTruthy();
    expect(within(panel).getByText(/al geactiveerd/)).toBeTruthy();
    // An activated account cannot be invited again: only closing its request is offered.
    expect(within(panel).queryByRole('button', { name: 'Oude Bekende opnieuw uitnodigen' })).toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: 'Nieuwe Collega opnieuw uitnodigen' }));
    expect(await within(panel).findByText('Nieuwe Collega is opnieuw uitgenodigd; de e-mail is verstuurd naar nieuw@voorbeeld.nl.')).toBeTruthy();
    await waitFor(() => expect(within(panel).queryByText('Nieuwe Collega')).toBeNull());
    fireEvent.click(within(panel).getByRole('button', { name: 'Aanvraag van Oude Bekende afsluiten' }));
    expect(await within(panel).findByText('De aanvraag van Oude Bekende is afgesloten.')).toBeTruthy();
    expect(await within(panel).findByText('Er zijn geen open aanvragen meer.')).toBeTruthy();
    expect(resend).toHaveBeenCalledTimes(1);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('does not show the admin screens to an employer', async () => {
    renderAs('EMPLOYER', '/beheer/gebruikers');
    expect(await screen.findByRole('heading', { name: 'employer_dashboard/App op /' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Beheer' })).toBeNull();
    expect(within(screen.getByRole('navigation', { name: 'Hoofdmenu' })).queryByText('Beheer')).toBeNull();
  });
});
