import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { explainedPreferenceSchema } from '../../contract/preferences.schema.ts';
import { useCorrectPreference } from '../api/account.ts';
import { preferenceEvidence, preferenceTitle } from './evidence.ts';

export type Preference = z.infer<typeof explainedPreferenceSchema>;

/** What a correction sets: for a liking 1 very much … 0 not at all; for a price band 1 dearest … 0 cheapest. */
const CHOICES = ['1', '0.5', '0'] as const;
/** Below this confidence (a few old choices) the customer should know we are guessing. */
const LITTLE_EVIDENCE = 0.1;

export function PreferenceItem({ preference }: { preference: Preference }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const title = preferenceTitle(preference, t, english);
  const correct = useCorrectPreference();
  const selectId = useId();
  const kind = preference.kind === 'price-band' ? 'band' : 'liking';
  const corrected = preference.source === 'corrected';
  const saved = corrected ? (CHOICES.find((c) => Number(c) === preference.score) ?? '') : '';
  // While the correction is on its way, the select shows what was picked rather than snapping back.
  const pending = correct.isPending ? correct.variables.value : undefined;
  const current = pending === undefined ? saved : pending === null ? '' : String(pending);
  const percent = Math.round(preference.score * 100);
  return (
    <li className="preference" data-key={preference.key} data-source={preference.source}>
      <div className="preference-head">
        <h3>
          {title.dimension}: <span className="preference-value">{title.value}</span>
        </h3>
        {corrected && <span className="badge">{t('account.preferences.corrected')}</span>}
      </div>
      <p className="preference-evidence">{preferenceEvidence(preference, t, english)}</p>
      <div className="preference-strength">
        <meter min={0} max={100} value={percent} aria-label={t(`account.preferences.${kind}.meter`)} />
        <span>
          {t(`account.preferences.${kind}.meter`)}: {percent}%
          {!corrected &&
            preference.confidence < LITTLE_EVIDENCE &&
            ` · ${t('account.preferences.littleEvidence')}`}
        </span>
      </div>
      <div className="preference-correct">
        <label htmlFor={selectId}>{t('account.preferences.correct')}</label>
        <select
          id={selectId}
          value={current}
          disabled={correct.isPending}
          onChange={(e) =>
            correct.mutate({
              key: preference.key,
              value: e.target.value === '' ? null : Number(e.target.value),
            })
          }
        >
          <option value="">{t('account.preferences.asLearned')}</option>
          {CHOICES.map((c) => (
            <option key={c} value={c}>
              {t(`account.preferences.${kind}.${c.replace('.', '_')}`)}
            </option>
          ))}
        </select>
        {correct.error && (
          <span role="alert" className="field-error">
            {correct.error.message}
          </span>
        )}
      </div>
    </li>
  );
}
