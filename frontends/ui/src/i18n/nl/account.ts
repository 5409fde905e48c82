export const account = {
  activation: {
    title: 'Account activeren',
    intro: 'Vul het e-mailadres in waarop u de uitnodiging ontving en kies een wachtwoord.',
    email: 'E-mailadres',
    emailHelp: 'Het adres waarop u de uitnodiging heeft ontvangen',
    password: 'Wachtwoord',
    repeat: 'Herhaal wachtwoord',
    submit: 'Account activeren',
    doneTitle: 'Uw account is geactiveerd',
    done: 'U kunt nu inloggen met uw gebruikersnaam {{username}} en het gekozen wachtwoord. Bij de eerste keer inloggen stelt u de tweestapsverificatie in.',
    toLogin: 'Naar inloggen',
    requestNew: 'Nieuwe uitnodiging aanvragen',
    requested:
      'Uw aanvraag is ontvangen. U krijgt een nieuwe uitnodiging per e-mail, of uw arbodienst neemt contact met u op.',
    status: {
      EXPIRED: {
        title: 'Deze activatielink is verlopen',
        body: 'Een activatielink is 7 dagen geldig en vervalt ook als er een nieuwere uitnodiging is verstuurd. Vraag een nieuwe uitnodiging aan.',
      },
      USED: {
        title: 'Deze activatielink is al gebruikt',
        body: 'Met deze link is het account al geactiveerd. Log in met uw gebruikersnaam en wachtwoord, of vraag een nieuwe uitnodiging aan als u dat niet zelf was.',
      },
      UNKNOWN: {
        title: 'Deze activatielink is niet geldig',
        body: 'De link is onvolledig of onbekend. Controleer of u de hele link uit de e-mail heeft gebruikt, of vraag een nieuwe uitnodiging aan.',
      },
    },
  },
  error: {
    title: 'Activeren mislukt',
    unavailable: 'De activatiegegevens konden niet worden opgehaald. Probeer het later opnieuw.',
    emailRequired: 'Vul een geldig e-mailadres in',
    passwordRequired: 'Vul een wachtwoord in',
    passwordRules: 'Het wachtwoord voldoet niet aan de regels:',
    PASSWORD_TOO_SHORT: 'Het wachtwoord is korter dan 12 tekens.',
    PASSWORD_TOO_LONG: 'Het wachtwoord is langer dan 128 tekens.',
    PASSWORD_NEEDS_UPPERCASE: 'Het wachtwoord bevat geen hoofdletter.',
    PASSWORD_NEEDS_DIGIT: 'Het wachtwoord bevat geen cijfer.',
    PASSWORD_CONTAINS_USERNAME: 'Het wachtwoord bevat uw gebruikersnaam.',
    PASSWORD_TOO_COMMON: 'Dit wachtwoord wordt te vaak gebruikt of is gelekt. Kies een ander wachtwoord.',
    PASSWORD_MISMATCH: 'De twee wachtwoorden zijn niet gelijk.',
    EMAIL_MISMATCH: 'Dit e-mailadres hoort niet bij deze uitnodiging.',
    TOO_MANY_ATTEMPTS: 'Te veel pogingen. Wacht enkele minuten en probeer het opnieuw.',
    network: 'De server is niet bereikbaar. Probeer het later opnieuw.',
    unknown: 'Activeren is niet gelukt door een onverwachte fout. Probeer het later opnieuw.',
  },
} as const;
