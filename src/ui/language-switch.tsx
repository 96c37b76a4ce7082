import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n/i18n.ts';
import { languages, type Language } from './i18n/resources.ts';

/** The language picker every surface's header carries; the choice is kept for the next visit (i18n.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      {t('language')}{' '}
      <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {languages.map((l) => (
          <option key={l.code} value={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}
