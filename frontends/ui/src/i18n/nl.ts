/**
 * Dutch message catalog: the default language and the source of truth for the keys. The English
 * catalog must have exactly the same shape (checked by the compiler and by a unit test).
 * One namespace per frontend or feature, one file per namespace in `nl/` and `en/`;
 * `common` holds the design system's own strings.
 */
import { account } from './nl/account';
import { agenda } from './nl/agenda';
import { common } from './nl/common';
import { employeePortal } from './nl/employeePortal';
import { employerDashboard } from './nl/employerDashboard';
import { admin } from './nl/admin';
import { login } from './nl/login';
import { shell } from './nl/shell';

export const nl = {
  common,
  shell,
  account,
  login,
  admin,
  employeePortal,
  employerDashboard,
  agenda,
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every catalog must have: the Dutch keys with any string values. */
export type Catalog = Widen<typeof nl>;
export type Namespace = keyof Catalog;
