export const employeeShell = {
  portalName: 'Medewerkersportaal',
  nav: {
    dashboard: 'Dashboard',
    dossiers: 'Dossiers',
    appointments: 'Afspraken',
    yearOverview: 'Jaaroverzicht',
  },
  wrongPortal: {
    title: 'Dit is het medewerkersportaal',
    body: 'Uw account is van een werkgever of de arbodienst. Gebruik het werkgeversportaal om verder te gaan.',
  },
} as const;
