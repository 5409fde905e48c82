import type { Catalog } from './nl';
import { account } from './en/account';
import { agenda } from './en/agenda';
import { common } from './en/common';
import { employeePortal } from './en/employeePortal';
import { employerDashboard } from './en/employerDashboard';
import { admin } from './en/admin';
import { login } from './en/login';
import { shell } from './en/shell';

/** English message catalog. Same keys as the Dutch one (the type enforces it). */
export const en: Catalog = {
  common,
  shell,
  account,
  login,
  admin,
  employeePortal,
  employerDashboard,
  agenda,
};
