import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translationLanguages, type TranslationLanguage } from '../../core/catalog/index.ts';
import { readText, setText, textEntries } from '../../core/catalog-edit/text-entries.ts';
import { useCjkFont } from '../../ui/i18n/use-cjk-font.ts';
import { useDoc, useEdit } from './document-context.tsx';

/** English, German and Chinese side by side for every text; missing ones marked, counted and filterable. */
export function TextsTab() {
  const { t } = useTranslation();
  const doc = useDoc();
  const edit = useEdit();
  // The Chinese column, whatever the interface's language.
  useCjkFont(true);
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [filter, setFilter] = useState('');
  const entries = useMemo(() => textEntries(doc), [doc]);
  const missing = (lang: TranslationLanguage) =>
    entries.filter((e) => readText(doc.translations?.[lang], e.ref) === undefined).length;
  const shown = entries.filter(
    (e) =>
      (!onlyMissing ||
        translationLanguages.some((l) => readText(doc.translations?.[l], e.ref) === undefined)) &&
      `${e.path} ${e.english}`.toLowerCase().includes(filter.toLowerCase()),
  );
  return (
    <div className="stack">
      <div className="toolbar">
        {translationLanguages.map((l) => (
          <span key={l} className={missing(l) > 0 ? 'badge warn' : 'badge ok'}>
            {t('catalogDraft.texts.missing', { count: missing(l), language: t(`catalogDraft.texts.${l}`) })}
          </span>
        ))}
        <label>
          <input type="checkbox" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} />{' '}
          {t('catalogDraft.texts.onlyMissing')}
        </label>
        <input
          type="search"
          aria-label={t('catalogDraft.texts.filter')}
          placeholder={t('catalogDraft.texts.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <div className="table-scroll">
        <table className="texts">
          <thead>
            <tr>
              <th scope="col">{t('catalogDraft.texts.what')}</th>
              <th scope="col">{t('catalogDraft.texts.english')}</th>
              {translationLanguages.map((l) => (
                <th key={l} scope="col">
                  {t(`catalogDraft.texts.${l}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, 400).map((e) => (
              <tr key={e.path}>
                <th scope="row" className="mono small">
                  {e.path.slice(2)}
                </th>
                <td>{e.english}</td>
                {translationLanguages.map((l) => {
                  const value = readText(doc.translations?.[l], e.ref);
                  return (
                    <td key={l} className={value === undefined ? 'missing' : undefined}>
                      <input
                        lang={l}
                        aria-label={`${t(`catalogDraft.texts.${l}`)}: ${e.english}`}
                        placeholder={t('catalogDraft.texts.missingMark')}
                        value={value ?? ''}
                        onChange={(x) =>
                          edit((d) => setText(d, l, e.ref, x.target.value), `text:${l}:${e.path}`)
                        }
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
