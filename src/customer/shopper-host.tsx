import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Build } from '../core/catalog/index.ts';
import { optionWeightsResponseSchema, similarBuildsResponseSchema } from '../contract/preferences.schema.ts';
import { encodeBuild, type ConfigureHost } from '../configure/index.ts';
import { getJson } from '../ui/api-client.ts';
import { accountKeys } from './api/account.ts';
import { useCompiledCatalog } from './api/catalogs.ts';
import { useMe } from '../ui/api/auth.ts';
import { keepSessionAsBuild, loadSession, storeSession } from './api/sessions.ts';

const configureHref = (catalogId: string, build: Build) => {
  const encoded = encodeBuild(build);
  return `/configure/${encodeURIComponent(catalogId)}${encoded ? `?b=${encoded}` : ''}`;
};

function ReviewLink({ catalogId, choices }: { catalogId: string; choices: Build }) {
  const { t } = useTranslation();
  return (
    <Link className="primary-link" to={`/configure/${catalogId}/review?b=${encodeBuild(choices)}`}>
      {t('summary.review')}
    </Link>
  );
}

const shopperSessions: NonNullable<ConfigureHost['sessions']> = {
  load: loadSession,
  save: storeSession,
  keepAsBuild: keepSessionAsBuild,
};

const customerPersonal: NonNullable<ConfigureHost['personal']> = {
  weights: (catalogId, signal) =>
    getJson(`/api/me/option-weights/${encodeURIComponent(catalogId)}`, optionWeightsResponseSchema, signal),
  similarBuilds: (catalogId, signal) =>
    getJson(
      `/api/me/similar-builds?catalogId=${encodeURIComponent(catalogId)}`,
      similarBuildsResponseSchema,
      signal,
    ),
};

/**
 * The website's configurator host: the shopper's own build, kept and logged for guests and customers, personalised
 * for customers. Staff trying the website keep nothing on the server (sessions and interactions are the shopper's;
 * the sales console acts on a customer's behalf). Undefined while it is not known who is there.
 */
export function useShopperHost(): ConfigureHost | undefined {
  const me = useMe();
  const role = me.isPending ? undefined : (me.data?.user.role ?? 'guest');
  const compiled = useCompiledCatalog();
  return useMemo((): ConfigureHost | undefined => {
    if (role === undefined) return undefined;
    const shopper = role === 'guest' || role === 'customer';
    return {
      owner: { kind: 'shopper' },
      cacheKey: accountKeys.all,
      compiled,
      sessions: shopper ? shopperSessions : undefined,
      personal: role === 'customer' ? customerPersonal : undefined,
      log: shopper
        ? { interactions: '/api/interactions', recommendations: '/api/recommendations/events' }
        : undefined,
      buildHref: configureHref,
      CompleteAction: ReviewLink,
    };
  }, [role, compiled]);
}
