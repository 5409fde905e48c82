import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n, registerCatalogs } from '../src';
import { common as enCommon } from '../src/i18n/en/common';
import { common as nlCommon } from '../src/i18n/nl/common';
import { account as enAccount } from '../src/shell/i18n/en/account';
import { login as enLogin } from '../src/shell/i18n/en/login';
import { shell as enShell } from '../src/shell/i18n/en/shell';
import { account as nlAccount } from '../src/shell/i18n/nl/account';
import { login as nlLogin } from '../src/shell/i18n/nl/login';
import { shell as nlShell } from '../src/shell/i18n/nl/shell';
// Type augmentation of the shell kit's namespaces.
import '../src/shell/i18n';

// jsdom lacks matchMedia and ResizeObserver, which Mantine uses for media queries and layout.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

initI18n('nl');
// The shells load most namespaces on demand; tests get every catalog up front, so texts render
// synchronously. A package's own catalogs are registered by its own test setup (`test/setup.ts`).
registerCatalogs({
  nl: { common: nlCommon, shell: nlShell, login: nlLogin, account: nlAccount },
  en: { common: enCommon, shell: enShell, login: enLogin, account: enAccount },
});

afterEach(() => cleanup());
