import { LOCALES, useLocale, useT } from '../i18n';

/** Two toggle buttons NL / EN; the choice is remembered and sets `<html lang>`. */
export function LanguageSwitch({ variant = 'dark' }: { variant?: 'dark' | 'light' }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <div role="group" aria-label={t('language.label')} className={variant === 'light' ? 'pw-language pw-language--light' : 'pw-language'}>
      {LOCALES.map((value) => (
        <button
          key={value}
          type="button"
          lang={value}
          aria-pressed={locale === value}
          title={t(`language.${value}`)}
          onClick={() => setLocale(value)}
        >
          {value.toUpperCase()}
          <span className="pw-visually-hidden"> – {t(`language.${value}`)}</span>
        </button>
      ))}
    </div>
  );
}
