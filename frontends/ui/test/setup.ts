import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n, registerCatalogs } from '../src';
import { common as enCommon } from '../src/i18n/en/common';
import { common as nlCommon } from '../src/i18n/nl/common';

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
  nl: { common: nlCommon },
  en: { common: enCommon },
});

afterEach(() => cleanup());
