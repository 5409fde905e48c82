import { describeCatalogParity } from '@poortwachter/ui/catalog-checks';
import { catalogs } from '../src/i18n/all';

describeCatalogParity(catalogs);
