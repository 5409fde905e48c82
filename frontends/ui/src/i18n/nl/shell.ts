export const shell = {
  portal: {
    employee: 'Medewerkersportaal',
    employer: 'Werkgeversportaal',
  },
  nav: {
    dashboard: 'Dashboard',
    dossiers: 'Dossiers',
    yearOverview: 'Jaaroverzicht',
    appointments: 'Afspraken',
    myDashboard: 'Mijn Dashboard',
    agenda: 'Agenda',
    persons: 'Personen',
    account: 'Mijn account',
    admin: 'Beheer',
    adminUsers: 'Gebruikers',
    adminApiClients: 'API-koppelingen',
    adminProtocol: 'Protocol',
  },
  user: {
    signedInAs: 'Ingelogd als {{name}}',
    logout: 'Uitloggen',
  },
  session: {
    expired: 'Uw sessie is verlopen. Log opnieuw in.',
    loggedOut: 'U bent uitgelogd.',
  },
  wrongPortal: {
    employeeTitle: 'Dit is het medewerkersportaal',
    employeeBody:
      'Uw account is van een werkgever of de arbodienst. Gebruik het werkgeversportaal om verder te gaan.',
    employerTitle: 'Dit is het werkgeversportaal',
    employerBody:
      'Uw account is van een medewerker. Gebruik het medewerkersportaal om uw eigen verzuim in te zien.',
  },
  config: {
    errorTitle: 'Het portaal kon niet worden gestart',
    error:
      'De configuratie van het portaal kon niet worden geladen. Probeer het over enkele ogenblikken opnieuw.',
  },
  footer: 'Poortwachter: verzuimbegeleiding volgens de Wet verbetering poortwachter',
} as const;
