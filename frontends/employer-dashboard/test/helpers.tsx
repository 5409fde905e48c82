import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import {
  GatewayAccessProvider,
  MemoryRouter,
  preloadDialogKit,
  Route,
  Routes,
  toIsoDate,
  UiProvider,
  type GatewayAccess,
} from '@poortwachter/ui';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeAll } from 'vitest';
import EmployerDashboardApp from '../src/App';

export const day = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return toIsoDate(d);
};

/** What the shell provides for file requests; no test here reaches the network through it. */
export const TEST_GATEWAY: GatewayAccess = {
  origin: 'http://gateway.test',
  token: () => 'test-token',
  refresh: async () => false,
};

export function renderWith(mocks: MockedProviderProps['mocks'], children: ReactNode, path = '/') {
  return render(
    <UiProvider>
      <MockedProvider mocks={mocks}>
        <GatewayAccessProvider access={TEST_GATEWAY}>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path="/*" element={children} />
              <Route path="/personen/:personId" element={<p>dossier page</p>} />
            </Routes>
          </MemoryRouter>
        </GatewayAccessProvider>
      </MockedProvider>
    </UiProvider>,
  );
}

export const renderApp = (mocks: MockedProviderProps['mocks'], path = '/') =>
  render(
    <UiProvider>
      <MockedProvider mocks={mocks}>
        <GatewayAccessProvider access={TEST_GATEWAY}>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path="/*" element={<EmployerDashboardApp basePath="/" />} />
            </Routes>
          </MemoryRouter>
        </GatewayAccessProvider>
      </MockedProvider>
    </UiProvider>,
  );

/** The element(s) an input's aria-describedby points at, as text. */
export function describedBy(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

export const dialog = (name: string | RegExp) => screen.findByRole('dialog', { name });

// Dialogs load their parts on first use; transforming them on demand in the test runner can take
// longer than a query's timeout, so they are loaded once up front.
beforeAll(async () => {
  await preloadDialogKit();
});
