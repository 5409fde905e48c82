// Both languages at once, for tests (the shell itself loads one language at a time).
import { employeeShell as en } from './en/employeeShell';
import { employeeShell as nl } from './nl/employeeShell';

export const catalogs = { nl: { employeeShell: nl }, en: { employeeShell: en } };
