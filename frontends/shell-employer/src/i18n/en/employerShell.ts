import type { CatalogShape } from '@poortwachter/ui';
import type { employerShell as dutch } from '../nl/employerShell';

export const employerShell: CatalogShape<typeof dutch> = {
  portalName: 'Employer portal',
  nav: {
    myDashboard: 'My dashboard',
    agenda: 'Agenda',
    persons: 'Persons',
    admin: 'Administration',
    adminProtocol: 'Protocol',
  },
  wrongPortal: {
    title: 'This is the employer portal',
    body: 'Your account belongs to an employee. Use the employee portal to see your own absence.',
  },
};
