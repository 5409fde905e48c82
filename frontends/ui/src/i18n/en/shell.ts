import type { Catalog } from '../nl';

export const shell: Catalog['shell'] = {
  portal: {
    employee: 'Employee portal',
    employer: 'Employer portal',
  },
  nav: {
    dashboard: 'Dashboard',
    dossiers: 'Cases',
    yearOverview: 'Year overview',
    appointments: 'Appointments',
    myDashboard: 'My dashboard',
    agenda: 'Agenda',
    persons: 'Persons',
    account: 'My account',
    admin: 'Administration',
    adminUsers: 'Users',
    adminApiClients: 'API clients',
    adminProtocol: 'Protocol',
  },
  user: {
    signedInAs: 'Signed in as {{name}}',
    logout: 'Sign out',
  },
  session: {
    expired: 'Your session has expired. Please sign in again.',
    loggedOut: 'You have been signed out.',
  },
  wrongPortal: {
    employeeTitle: 'This is the employee portal',
    employeeBody:
      'Your account belongs to an employer or the occupational health service. Use the employer portal to continue.',
    employerTitle: 'This is the employer portal',
    employerBody: 'Your account belongs to an employee. Use the employee portal to see your own absence.',
  },
  config: {
    errorTitle: 'The portal could not be started',
    error: 'The portal configuration could not be loaded. Please try again in a few moments.',
  },
  footer: 'Poortwachter: absence guidance under the Dutch Gatekeeper Improvement Act',
};
