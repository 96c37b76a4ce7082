import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { catalogResponseSchema } from '../../contract/catalogs.schema.ts';
import { savedBuildSchema } from '../../contract/saved-builds.schema.ts';
import { Configure, encodeBuild, Preparing } from '../../configure/index.ts';
import { getJson } from '../../ui/api-client.ts';
import { identityKeys } from '../../ui/api/auth.ts';
import { useCatalogTitle } from '../../ui/i18n/catalog-words.ts';
import { useRelationship } from '../customer/api.ts';
import { useStoreHost } from './store-host.tsx';
import './continue.css';

type Mode = { kind: 'live' } | { kind: 'build'; buildId: string } | { kind: 'fresh' };

/** What the link asked for, read once: the configurator rewrites the query string as the build changes. */
function modeOf(params: URLSearchParams): Mode {
  const buildId = params.get('build');
  if (params.get('session') === 'web') return { kind: 'live' };
  if (buildId) return { kind: 'build', buildId };
  return { kind: 'fresh' };
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/**
 * The console's configurator at /store/customers/:customerId/configure/:catalogId: `?session=web` continues the
 * customer's live web session where they left it (undo history included, kept with the version check),
 * `?build=ID` opens one of their saved builds, nothing starts a new build on their behalf. The customer's header
 * (name, tier) stays above it; marks and offers are theirs.
 */
export function ContinuePage() {
  const { t } = useTranslation();
  const { customerId = '', catalogId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [mode] = useState(() => modeOf(params));
  const relationship = useRelationship(customerId);
  const title = useCatalogTitle();
  const catalog = useQuery({
    queryKey: ['catalogs', catalogId],
    queryFn: ({ signal }) =>
      getJson(`/api/catalogs/${encodeURIComponent(catalogId)}`, catalogResponseSchema, signal),
  });
  const buildId = mode.kind === 'build' ? mode.buildId : '';
  const saved = useQuery({
    queryKey: [...identityKeys.store, 'continue-build', customerId, buildId],
    queryFn: ({ signal }) =>
      getJson(
        `/api/store/customers/${encodeURIComponent(customerId)}/builds/${encodeURIComponent(buildId)}`,
        savedBuildSchema,
        signal,
      ),
    enabled: mode.kind === 'build',
    staleTime: Infinity,
    retry: false,
  });
  // The configurator starts from the build in the URL (`b`); a saved build or a new one is put there first, so
  // the live session is the only one read from the server.
  const link = params.get('b');
  const wanted =
    mode.kind === 'build'
      ? saved.data
        ? encodeBuild(saved.data.selections)
        : null
      : mode.kind === 'fresh'
        ? ''
        : null;
  useEffect(() => {
    if (wanted !== null && link === null) setParams({ b: wanted }, { replace: true });
  }, [wanted, link, setParams]);

  const customer = relationship.data?.customer;
  const served = useMemo(
    () => (customer ? { customerId: customer.id, firstName: firstName(customer.name) } : undefined),
    [customer],
  );
  const host = useStoreHost(served, mode.kind === 'live');
  const ready = mode.kind === 'live' || link !== null;

  if (relationship.isError || catalog.isError)
    return <p role="alert">{(relationship.error ?? catalog.error)?.message}</p>;
  if (!relationship.data || !catalog.data || !host) return <Preparing />;
  const name = served?.firstName ?? '';
  const product = title(catalog.data).name;
  return (
    <div className="store-continue">
      <header className="store-continue-head">
        <p className="breadcrumb">
          <Link to={`/store/customers/${encodeURIComponent(customerId)}`}>
            {t('storeContinuePage.back', { name: relationship.data.customer.name })}
          </Link>
        </p>
        <h1>{t('storeContinuePage.title', { product, name: relationship.data.customer.name })}</h1>
        <p className="muted">
          {relationship.data.customer.customerNumber} ·{' '}
          {t('storeContinuePage.tier', { tier: relationship.data.tier.label })}
        </p>
      </header>
      {mode.kind === 'fresh' && <p className="notice">{t('storeContinuePage.fresh', { name })}</p>}
      {mode.kind === 'build' && saved.data && (
        <p className="notice">{t('storeContinuePage.fromBuild', { name, build: saved.data.name })}</p>
      )}
      {saved.isError ? (
        <p role="alert">{t('storeContinuePage.buildFailed', { message: saved.error.message })}</p>
      ) : ready ? (
        <Configure key={`${catalog.data.id}@${catalog.data.version}`} catalog={catalog.data} host={host} />
      ) : (
        <Preparing />
      )}
    </div>
  );
}
