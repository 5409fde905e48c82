export const employerShell = {
  portalName: 'Werkgeversportaal',
  nav: {
    myDashboard: 'Mijn Dashboard',
    agenda: 'Agenda',
    persons: 'Personen',
    admin: 'Beheer',
    adminProtocol: 'Protocol',
  },
  wrongPortal: {
    title: 'Dit is het werkgeversportaal',
    body: 'Uw account is van een medewerker. Gebruik het medewerkersportaal om uw eigen verzuim in te zien.',
  },
} as const;
