import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreferencesResponse } from '../../contract/preferences.schema.ts';
import { usePreferences, useResetPreferences, useSetPersonalization } from '../api/account.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { useCatalogLookup } from './catalog-lookup.ts';
import { leaningEvidence } from './evidence.ts';
import { PreferenceItem, type Preference } from './preference-item.tsx';

const FIRST = 6;

function CatalogPreferences({
  catalogId,
  preferences,
  leaning,
}: {
  catalogId: string;
  preferences: Preference[];
  leaning: PreferencesResponse['leanings'][number] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const catalogs = useCatalogLookup([catalogId]);
  const [all, setAll] = useState(false);
  const shown = (all ? preferences : preferences.slice(0, FIRST)).map(catalogs.preference);
  const titleId = `prefs-${catalogId}`;
  return (
    <section className="preference-group" aria-labelledby={titleId}>
      <h2 id={titleId}>{catalogs.name(catalogId)}</h2>
      {leaning && (
        <p className="leaning">
          <strong>{t(`account.preferences.leaning.${leaning.leaning}`)}</strong>{' '}
          {leaningEvidence(leaning, t, i18n.language === 'en')}
        </p>
      )}
      <ul className="preference-list">
        {shown.map((p) => (
          <PreferenceItem key={p.key} preference={p} />
        ))}
      </ul>
      {preferences.length > FIRST && (
        <button
          type="button"
          className="button secondary"
          aria-expanded={all}
          onClick={() => setAll((a) => !a)}
        >
          {all ? t('account.preferences.fewer') : t('account.preferences.all', { count: preferences.length })}
        </button>
      )}
    </section>
  );
}

/**
 * Corrections first, then the server's order (strongest evidence first), fixed for the visit: a preference the
 * customer just corrected stays where they are looking instead of jumping out of the shown few.
 */
function useStableOrder(preferences: Preference[]): Preference[] {
  const [order] = useState(() => new Map<string, number>());
  const fresh = preferences.filter((p) => !order.has(p.key));
  for (const p of [
    ...fresh.filter((p) => p.source === 'corrected'),
    ...fresh.filter((p) => p.source !== 'corrected'),
  ])
    order.set(p.key, order.size);
  return [...preferences].sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
}

function Preferences({ data }: { data: PreferencesResponse }) {
  const { t } = useTranslation();
  const personalization = useSetPersonalization();
  // Set in the change handler itself: the mutation's pending state arrives a render later, by which time React has
  // put a controlled checkbox back, so the switch would flicker (and a quick second click would be lost).
  const [wanted, setWanted] = useState<boolean | null>(null);
  const reset = useResetPreferences();
  const [confirmReset, setConfirmReset] = useState(false);
  const ordered = useStableOrder(data.preferences);
  // Grouping keeps the order inside each product.
  const groups = new Map<string, Preference[]>();
  for (const p of ordered) groups.set(p.catalogId, [...(groups.get(p.catalogId) ?? []), p]);
  return (
    <>
      <div className="preferences-controls">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            // Shows the new setting at once; the server's answer confirms it (or the error below says why not).
            checked={wanted ?? data.personalization}
            disabled={personalization.isPending}
            onChange={(e) => {
              setWanted(e.target.checked);
              personalization.mutate(e.target.checked, { onSettled: () => setWanted(null) });
            }}
          />
          {t('account.preferences.personalization')}
        </label>
        <p className="muted" role="status">
          {data.personalization ? t('account.preferences.on') : t('account.preferences.off')}
        </p>
        {personalization.error && (
          <p role="alert" className="notice notice-error">
            {personalization.error.message}
          </p>
        )}
      </div>
      {data.preferences.length === 0 ? (
        <p className="notice">{t('account.preferences.none')}</p>
      ) : (
        <>
          {[...groups].map(([catalogId, preferences]) => (
            <CatalogPreferences
              key={catalogId}
              catalogId={catalogId}
              preferences={preferences}
              leaning={data.leanings.find((l) => l.catalogId === catalogId)}
            />
          ))}
          <section className="reset" aria-labelledby="reset-title">
            <h2 id="reset-title">{t('account.preferences.resetTitle')}</h2>
            <p>{t('account.preferences.resetLead')}</p>
            {confirmReset ? (
              <div role="alertdialog" aria-labelledby="reset-confirm" className="confirm">
                <p id="reset-confirm">{t('account.preferences.resetConfirm')}</p>
                <button
                  type="button"
                  className="button danger"
                  disabled={reset.isPending}
                  autoFocus
                  onClick={() => reset.mutate(undefined, { onSuccess: () => setConfirmReset(false) })}
                >
                  {t('account.preferences.resetYes')}
                </button>
                <button type="button" className="button secondary" onClick={() => setConfirmReset(false)}>
                  {t('account.builds.keep')}
                </button>
              </div>
            ) : (
              <button type="button" className="button secondary danger" onClick={() => setConfirmReset(true)}>
                {t('account.preferences.reset')}
              </button>
            )}
            {reset.error && (
              <p role="alert" className="notice notice-error">
                {reset.error.message}
              </p>
            )}
          </section>
        </>
      )}
    </>
  );
}

/** What we learned from the customer's choices, why, and their say over it. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  return (
    <section aria-labelledby="preferences-title">
      <h1 id="preferences-title">{t('account.preferences.title')}</h1>
      <p className="lead">{t('account.preferences.lead', { days: preferences.data?.halfLifeDays ?? 90 })}</p>
      <QueryState isPending={preferences.isPending} error={preferences.error}>
        {() => (preferences.data ? <Preferences data={preferences.data} /> : null)}
      </QueryState>
    </section>
  );
}
