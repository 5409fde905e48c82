// Both languages at once, for tests (the remote itself loads one language at a time).
import { employeePortal as en } from './en/employeePortal';
import { employeePortal as nl } from './nl/employeePortal';

export const catalogs = { nl: { employeePortal: nl }, en: { employeePortal: en } };
