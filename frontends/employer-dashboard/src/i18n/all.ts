// Both languages at once, for tests (the remote itself loads one language at a time).
import { employerDashboard as en } from './en/employerDashboard';
import { employerDashboard as nl } from './nl/employerDashboard';

export const catalogs = { nl: { employerDashboard: nl }, en: { employerDashboard: en } };
