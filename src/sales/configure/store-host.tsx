import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Build } from '../../core/catalog/index.ts';
import { checkoutResponseSchema } from '../../contract/orders.schema.ts';
import {
  optionWeightsResponseSchema,
  similarBuildsResponseSchema,
} from '../../contract/preferences.schema.ts';
import { savedBuildSchema } from '../../contract/saved-builds.schema.ts';
import { sessionResponseSchema } from '../../contract/session.schema.ts';
import { encodeBuild, type AsideProps, type ConfigureHost } from '../../configure/index.ts';
import { getJson, sendJson } from '../../ui/api-client.ts';
import { putSession } from '../../ui/api/session-save.ts';
import { identityKeys } from '../../ui/api/auth.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { NextOffersPanel } from './next-offers-panel.tsx';

/** Whose build the console continues: the customer served, by first name (as staff address them). */
export interface Served {
  customerId: string;
  firstName: string;
}

const base = (customerId: string) => `/api/store/customers/${encodeURIComponent(customerId)}`;

/** Saves the build in the customer's account; the server re-validates and re-prices it. */
function saveToAccount(
  customerId: string,
  catalogId: string,
  catalogVersion: string | undefined,
  choices: Build,
  name: string,
) {
  return sendJson(
    'POST',
    `${base(customerId)}/builds`,
    { name, catalogId, ...(catalogVersion ? { catalogVersion } : {}), selections: choices },
    savedBuildSchema,
  );
}

/** "Save to Anna's account", then "Quote this build →" and "Order for Anna" for the build saved. */
function SaveForCustomer({
  served,
  catalogId,
  choices,
}: {
  served: Served;
  catalogId: string;
  choices: Build;
}) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const name = served.firstName;
  const [state, setState] = useState<
    | { step: 'idle' | 'saving' }
    | { step: 'failed'; message: string }
    | {
        step: 'saved';
        buildId: string;
        buildName: string;
        ordering?: boolean;
        ordered?: string;
        orderError?: string;
      }
  >({ step: 'idle' });
  const save = async () => {
    setState({ step: 'saving' });
    try {
      const date = new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(),
      );
      const saved = await saveToAccount(
        served.customerId,
        catalogId,
        undefined,
        choices,
        t('storeContinuePage.savedName', { date }),
      );
      setState({ step: 'saved', buildId: saved.id, buildName: saved.name });
    } catch (error) {
      setState({ step: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const order = async (buildId: string) => {
    if (state.step !== 'saved') return;
    setState({ ...state, ordering: true, orderError: undefined });
    try {
      const placed = await sendJson(
        'POST',
        `${base(served.customerId)}/orders`,
        { buildId },
        checkoutResponseSchema,
      );
      setState({ ...state, ordering: false, ordered: format.money(placed.totalCents, placed.currency) });
    } catch (error) {
      setState({
        ...state,
        ordering: false,
        orderError: error instanceof Error ? error.message : String(error),
      });
    }
  };
  if (state.step !== 'saved')
    return (
      <div className="store-complete">
        <button
          type="button"
          className="primary"
          onClick={() => void save()}
          disabled={state.step === 'saving'}
        >
          {state.step === 'saving' ? t('storeContinuePage.saving') : t('storeContinuePage.save', { name })}
        </button>
        {state.step === 'failed' && (
          <p role="alert">{t('storeContinuePage.saveFailed', { message: state.message })}</p>
        )}
      </div>
    );
  return (
    <div className="store-complete">
      <p role="status">{t('storeContinuePage.saved', { name, build: state.buildName })}</p>
      <Link
        className="primary-link"
        to={`/store/customers/${encodeURIComponent(served.customerId)}/quotes/new?build=${encodeURIComponent(state.buildId)}`}
      >
        {t('storeContinuePage.quote')}
      </Link>{' '}
      {state.ordered ? (
        <p role="status">{t('storeContinuePage.ordered', { name, total: state.ordered })}</p>
      ) : (
        <button
          type="button"
          className="secondary"
          onClick={() => void order(state.buildId)}
          disabled={state.ordering}
        >
          {state.ordering ? t('storeContinuePage.ordering') : t('storeContinuePage.order', { name })}
        </button>
      )}
      {state.orderError && (
        <p role="alert">{t('storeContinuePage.orderFailed', { message: state.orderError })}</p>
      )}
    </div>
  );
}

/**
 * The console's configurator host: the customer's build, never the staff member's. Marks and "Finish with my
 * picks" use the customer's weights and history; every step is logged for the customer with channel store and the
 * staff member as actor (the server sets both). `live`: the customer's web session is continued and kept (with the
 * version check); otherwise (a saved build, or a new one) nothing is kept until it is saved to their account.
 */
export function useStoreHost(served: Served | undefined, live: boolean): ConfigureHost | undefined {
  const { t } = useTranslation();
  return useMemo((): ConfigureHost | undefined => {
    if (!served) return undefined;
    const { customerId, firstName } = served;
    const url = base(customerId);
    const sessionUrl = (catalogId: string) => `${url}/sessions/${encodeURIComponent(catalogId)}`;
    const Complete = ({ catalogId, choices }: { catalogId: string; choices: Build }) => (
      <SaveForCustomer served={served} catalogId={catalogId} choices={choices} />
    );
    const Aside = ({ catalog, choices, choose, remove }: AsideProps) => (
      <NextOffersPanel
        customerId={customerId}
        customerName={firstName}
        catalog={catalog}
        build={choices}
        onApply={(offer) => {
          const added = offer.to.find((o) => !offer.from.includes(o));
          if (added) choose(offer.slotId, added);
          else for (const option of offer.from) remove(offer.slotId, option);
        }}
      />
    );
    return {
      owner: { kind: 'customer', customerId, firstName },
      cacheKey: [...identityKeys.store, 'continue', customerId],
      sessions: live
        ? {
            load: (catalogId, signal) => getJson(sessionUrl(catalogId), sessionResponseSchema, signal),
            save: (session, baseRevision, keepalive, signal) =>
              putSession(sessionUrl(session.catalogId), session, baseRevision, keepalive, signal),
            keep: async (catalogId, catalogVersion, choices, name) => {
              await saveToAccount(customerId, catalogId, catalogVersion, choices, name);
            },
          }
        : undefined,
      resumedNotice: (date) => t('storeContinue.resumed', { name: firstName, date }),
      personal: {
        weights: (catalogId, signal) =>
          getJson(
            `${url}/option-weights/${encodeURIComponent(catalogId)}`,
            optionWeightsResponseSchema,
            signal,
          ),
        similarBuilds: (catalogId, signal) =>
          getJson(
            `${url}/similar-builds/${encodeURIComponent(catalogId)}`,
            similarBuildsResponseSchema,
            signal,
          ),
      },
      log: { interactions: `${url}/interactions`, recommendations: `${url}/recommendation-events` },
      buildHref: (catalogId, build) =>
        `/store/customers/${encodeURIComponent(customerId)}/configure/${encodeURIComponent(catalogId)}?b=${encodeBuild(build)}`,
      CompleteAction: Complete,
      Aside,
    };
  }, [served, live, t]);
}
