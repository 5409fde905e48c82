import { registerCatalogs } from '@poortwachter/ui';
import { catalogs } from '../src/i18n/all';

// This package's own catalogs, both languages, so its texts render synchronously in tests.
registerCatalogs(catalogs);
