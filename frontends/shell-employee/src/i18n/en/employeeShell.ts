import type { CatalogShape } from '@poortwachter/ui';
import type { employeeShell as dutch } from '../nl/employeeShell';

export const employeeShell: CatalogShape<typeof dutch> = {
  portalName: 'Employee portal',
  nav: {
    dashboard: 'Dashboard',
    dossiers: 'Cases',
    appointments: 'Appointments',
    yearOverview: 'Year overview',
  },
  wrongPortal: {
    title: 'This is the employee portal',
    body: 'Your account belongs to an employer or the occupational health service. Use the employer portal to continue.',
  },
};
