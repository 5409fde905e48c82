import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import {
  GatewayAccessProvider,
  MemoryRouter,
  Route,
  Routes,
  UiProvider,
  useLocation,
} from '@poortwachter/ui';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import EmployeePortalApp from '../src/App';

export const GATEWAY = 'http://gateway.test';
export const TOKEN = 'token-123';

let location = '';
function LocationProbe() {
  location = useLocation().pathname;
  return null;
}
/** The router's current path after the last render. */
export const currentPath = () => location;

/** Renders the remote as the shell mounts it, with mocked GraphQL and a fixed gateway and token. */
export function renderPortal(mocks: MockedProviderProps['mocks'], path = '/') {
  return render(
    <UiProvider>
      <MockedProvider mocks={mocks}>
        <GatewayAccessProvider
          access={{ origin: GATEWAY, token: () => TOKEN, refresh: () => Promise.resolve(false) }}
        >
          <MemoryRouter initialEntries={[path]}>
            <LocationProbe />
            <Routes>
              <Route path="/*" element={<EmployeePortalApp basePath="/" />} />
            </Routes>
          </MemoryRouter>
        </GatewayAccessProvider>
      </MockedProvider>
    </UiProvider>,
  );
}

/** Replaces `fetch` (the files routes) and the blob URL functions jsdom lacks. */
export function stubFiles(handler: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
    handler(String(input), init),
  );
  vi.stubGlobal('fetch', fetchMock);
  URL.createObjectURL = vi.fn(() => 'blob:preview-1');
  URL.revokeObjectURL = vi.fn();
  return fetchMock;
}
