export const shell = {
  nav: {
    account: 'Mijn account',
  },
  user: {
    signedInAs: 'Ingelogd als {{name}}',
    logout: 'Uitloggen',
  },
  session: {
    expired: 'Uw sessie is verlopen. Log opnieuw in.',
    loggedOut: 'U bent uitgelogd.',
  },
  config: {
    errorTitle: 'Het portaal kon niet worden gestart',
    error:
      'De configuratie van het portaal kon niet worden geladen. Probeer het over enkele ogenblikken opnieuw.',
  },
  footer: 'Poortwachter: verzuimbegeleiding volgens de Wet verbetering poortwachter',
} as const;
