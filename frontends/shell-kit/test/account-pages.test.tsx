import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n, MemoryRouter, Route, Routes, UiProvider } from '@poortwachter/ui';
import { MockGraphQL, type OperationMock } from './graphql-mock';

vi.mock('@module-federation/enhanced/runtime', () => ({ init: vi.fn(), registerRemotes: vi.fn(), loadRemote: vi.fn() }));

const { AccountPage, createSessionStore, ForgotPasswordPage, LoginPage, ResetPasswordPage, SessionProvider } = await import('../src');
const { ACCOUNT, CHANGE_PASSWORD, UPDATE_MY_SETTINGS } = await import('../src/account-operations');
const { PASSWORD_RESET_STATUS, REQUEST_PASSWORD_RESET, RESET_PASSWORD } = await import('../src/login-operations');

function Providers({ children, mocks = [], plain = [], path = '/' }: { children: ReactNode; mocks?: MockedProviderProps['mocks']; plain?: OperationMock[]; path?: string }) {
  const store = createSessionStore(sessionStorage);
  store.signIn({ accessToken: 't', expiresAt: '2999-01-01T00:00:00Z', user: { id: 'u2', username: 'werkgever.demo', displayName: 'Peter Jansen', role: 'EMPLOYER' } });
  return (
    <UiProvider>
      <MockedProvider mocks={mocks}>
        <MockGraphQL mocks={plain}>
          <SessionProvider store={store}>
            <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
          </SessionProvider>
        </MockGraphQL>
      </MockedProvider>
    </UiProvider>
  );
}

beforeEach(async () => {
  sessionStorage.clear();
  await i18n.changeLanguage('nl');
});

describe('forgot password', () => {
  it('is linked from the login page', async () => {
    sessionStorage.clear();
    render(
      <UiProvider>
        <MockGraphQL>
          <SessionProvider store={createSessionStore(undefined)}>
            <MemoryRouter initialEntries={['/inloggen']}>
              <Routes>
                <Route path="/inloggen" element={<LoginPage portalName="Werkgeversportaal" />} />
                <Route path="/wachtwoord-vergeten" element={<ForgotPasswordPage portalName="Werkgeversportaal" />} />
              </Routes>
            </MemoryRouter>
          </SessionProvider>
        </MockGraphQL>
      </UiProvider>,
    );
    fireEvent.click(screen.getByRole('link', { name: 'Wachtwoord vergeten?' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Wachtwoord vergeten' })).toBeTruthy();
  });

  it('asks for the username and answers the same whatever the account', async () => {
    const mocks = [{ request: { query: REQUEST_PASSWORD_RESET, variables: { username: 'Onbekend.iemand' } }, result: { data: { requestPasswordReset: true } } }];
    render(
      <UiProvider>
        <MockGraphQL mocks={mocks}>
          <SessionProvider store={createSessionStore(undefined)}>
            <MemoryRouter>
              <ForgotPasswordPage portalName="Werkgeversportaal" />
            </MemoryRouter>
          </SessionProvider>
        </MockGraphQL>
      </UiProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Link versturen' }));
    expect(await screen.findByText('Vul uw gebruikersnaam in')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Gebruikersnaam/), { target: { value: ' Onbekend.iemand ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Link versturen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Controleer uw e-mail' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Als de gebruikersnaam bij een account hoort');
  });
});

describe('reset password', () => {
  it('explains a used link and offers a new one', async () => {
    const mocks = [{ request: { query: PASSWORD_RESET_STATUS, variables: { token: 'oud' } }, result: { data: { passwordResetStatus: 'USED' } } }];
    render(
      <Providers plain={mocks} path="/wachtwoord-herstellen?token=oud">
        <ResetPasswordPage portalName="Werkgeversportaal" />
      </Providers>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Deze link is al gebruikt' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Nieuwe link aanvragen' }).getAttribute('href')).toBe('/wachtwoord-vergeten');
  });

  it('names the broken rules, then sets the new password', async () => {
    const input = { token: 'geldig', password: 'kort', passwordRepeat: 'kort' };
    const good = { ...input, password: 'Herfstblad-Molen-88', passwordRepeat: 'Herfstblad-Molen-88' };
    const mocks = [
      { request: { query: PASSWORD_RESET_STATUS, variables: { token: 'geldig' } }, result: { data: { passwordResetStatus: 'VALID' } } },
      {
        request: { query: RESET_PASSWORD, variables: { input } },
        result: { errors: [{ message: 'rules', extensions: { code: 'PASSWORD_TOO_SHORT', violations: ['PASSWORD_TOO_SHORT', 'PASSWORD_NEEDS_DIGIT'] } }] },
      },
      { request: { query: RESET_PASSWORD, variables: { input: good } }, result: { data: { resetPassword: { __typename: 'ActivationResult', username: 'werkgever.demo', role: 'EMPLOYER' } } } },
    ];
    render(
      <Providers plain={mocks} path="/wachtwoord-herstellen?token=geldig">
        <ResetPasswordPage portalName="Werkgeversportaal" />
      </Providers>,
    );
    const password = await screen.findByLabelText(/^Nieuw wachtwoord/);
    const repeat = screen.getByLabelText(/Herhaal nieuw wachtwoord/);
    fireEvent.change(password, { target: { value: 'kort' } });
    fireEvent.change(repeat, { target: { value: 'kort' } });
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Het wachtwoord is korter dan 12 tekens.')).toBeTruthy();
    expect(within(alert).getByText('Het wachtwoord bevat geen cijfer.')).toBeTruthy();
    fireEvent.change(password, { target: { value: good.password } });
    fireEvent.change(repeat, { target: { value: good.password } });
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Uw wachtwoord is gewijzigd' })).toBeTruthy();
  });
});

const accountData = (settings = { actionListDaysAhead: 28, dailyDigest: true, locale: 'nl' }) => ({
  viewer: { __typename: 'User', id: 'u2', username: 'werkgever.demo', displayName: 'Peter Jansen', role: 'EMPLOYER', email: 'p@example.nl', twoFactorMethod: 'TOTP' },
  mySettings: { __typename: 'UserSettings', ...settings },
});

describe('account page', () => {
  it('shows the account, saves the digest opt-out and the action list days', async () => {
    const mocks = [
      { request: { query: ACCOUNT, variables: {} }, result: { data: accountData() } },
      {
        request: { query: UPDATE_MY_SETTINGS, variables: { input: { dailyDigest: false, actionListDaysAhead: 14 } } },
        result: { data: { updateMySettings: { __typename: 'UserSettings', actionListDaysAhead: 14, dailyDigest: false, locale: 'nl' } } },
      },
    ];
    render(
      <Providers mocks={mocks} path="/account">
        <AccountPage portalName="Werkgeversportaal" showNotifications />
      </Providers>,
    );
    expect(await screen.findByText('werkgever.demo')).toBeTruthy();
    expect(screen.getByText('Huidige methode: authenticator-app')).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Dagelijks een e-mail/));
    const days = screen.getByLabelText(/Aantal dagen vooruit/);
    fireEvent.change(days, { target: { value: '400' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Kies een aantal dagen van 1 tot 365.')).toBeTruthy();
    fireEvent.change(days, { target: { value: '14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Uw instellingen zijn opgeslagen.')).toBeTruthy();
  });

  it('hides the digest settings in the employee portal and reports a wrong current password', async () => {
    const input = { currentPassword: 'fout', password: 'Herfstblad-Molen-88', passwordRepeat: 'Herfstblad-Molen-88' };
    const mocks = [
      { request: { query: ACCOUNT, variables: {} }, result: { data: accountData() } },
      { request: { query: CHANGE_PASSWORD, variables: { input } }, result: { errors: [new GraphQLError('no', { extensions: { code: 'INVALID_CREDENTIALS' } })] } },
    ];
    render(
      <Providers mocks={mocks} path="/account">
        <AccountPage portalName="Medewerkersportaal" showNotifications={false} />
      </Providers>,
    );
    await screen.findByText('werkgever.demo');
    expect(screen.queryByText('Meldingen en actielijst')).toBeNull();
    fireEvent.change(screen.getByLabelText(/Huidig wachtwoord/), { target: { value: 'fout' } });
    fireEvent.change(screen.getByLabelText(/^Nieuw wachtwoord/), { target: { value: input.password } });
    fireEvent.change(screen.getByLabelText(/Herhaal nieuw wachtwoord/), { target: { value: input.password } });
    fireEvent.click(screen.getByRole('button', { name: 'Wachtwoord wijzigen' }));
    expect(await screen.findByText('Het wachtwoord is niet juist.')).toBeTruthy();
  });
});
