// Both languages at once, for tests (the shell itself loads one language at a time).
import { admin as enAdmin } from './en/admin';
import { employerShell as enShell } from './en/employerShell';
import { admin as nlAdmin } from './nl/admin';
import { employerShell as nlShell } from './nl/employerShell';

export const catalogs = {
  nl: { employerShell: nlShell, admin: nlAdmin },
  en: { employerShell: enShell, admin: enAdmin },
};
