// Both languages at once, for tests (the remote itself loads one language at a time).
import { agenda as en } from './en/agenda';
import { agenda as nl } from './nl/agenda';

export const catalogs = { nl: { agenda: nl }, en: { agenda: en } };
