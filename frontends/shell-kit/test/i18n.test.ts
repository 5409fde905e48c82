import { describeCatalogParity } from '@poortwachter/ui/catalog-checks';
import { describe, expect, it } from 'vitest';
import { i18n } from '@poortwachter/ui';
import { shellKitCatalogs } from './setup';

describeCatalogParity(shellKitCatalogs);

describe('shell kit texts', () => {
  it('translate with plurals', () => {
    expect(i18n.t('login:error.invalidCredentials')).toBe('Gebruikersnaam of wachtwoord onjuist');
    expect(i18n.t('login:error.tooManyAttemptsSeconds', { count: 1 })).toBe(
      'Te veel mislukte pogingen. Wacht 1 seconde en probeer het opnieuw.',
    );
    expect(i18n.t('login:error.tooManyAttemptsSeconds', { count: 30 })).toBe(
      'Te veel mislukte pogingen. Wacht 30 seconden en probeer het opnieuw.',
    );
  });
});
