import { useEffect, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCatalog, useCatalogVersion } from '../api/catalogs.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { Configure, Preparing, type ConfigureHost } from '../../configure/index.ts';
import { useShopperHost } from '../shopper-host.tsx';
import { useTranslation } from 'react-i18next';
import { AppFlow } from '../flow/app-flow.tsx';
import { useCatalogTitle } from '../../ui/i18n/catalog-words.ts';

/**
 * A build opened on the catalog version it was saved on (`?v=`), while another is live: it shows as it was, nothing
 * is kept (the shopper's session is on the live version), and the way to the live version is offered, where the
 * choices that no longer fit are named as the build moves.
 */
function OldVersionNotice({
  catalogId,
  version,
  live,
}: {
  catalogId: string;
  version: string;
  live: string;
}) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const build = params.get('b');
  return (
    <div role="status" className="notice old-version">
      {t('configure.oldVersion', { version, live })}{' '}
      <Link
        className="primary-link"
        to={`/configure/${encodeURIComponent(catalogId)}${build ? `?b=${build}` : ''}`}
      >
        {t('configure.moveToLive', { live })}
      </Link>
    </div>
  );
}

export function ConfigurePage() {
  const { catalogId = '' } = useParams();
  const [params] = useSearchParams();
  const live = useCatalog(catalogId);
  const wanted = params.get('v') ?? undefined;
  const pinned = live.data && wanted !== undefined && wanted !== live.data.version ? wanted : undefined;
  const old = useCatalogVersion(catalogId, pinned);
  const { data, isPending, error } = pinned === undefined ? live : old;
  const { t } = useTranslation();
  const flow = AppFlow.useActorRef();
  const shopperHost = useShopperHost();
  // On an old version nothing is kept or logged, and the server's compiled form (the live one's) does not apply.
  const host = useMemo(
    (): ConfigureHost | undefined =>
      shopperHost && pinned !== undefined
        ? { ...shopperHost, sessions: undefined, log: undefined, compiled: undefined }
        : shopperHost,
    [shopperHost, pinned],
  );
  const title = useCatalogTitle();
  useEffect(() => {
    flow.send({ type: 'product.pick', catalogId });
    flow.send({ type: 'review.back' });
  }, [flow, catalogId]);
  return (
    <QueryState isPending={isPending || live.isPending} error={error ?? live.error}>
      {() =>
        data ? (
          <>
            <header className="catalog-head compact">
              <p className="breadcrumb">
                <Link to="/">{t('home.products')}</Link> / {title(data).name}
              </p>
              <h1>{t('configure.title', { name: title(data).name })}</h1>
            </header>
            {pinned !== undefined && live.data && (
              <OldVersionNotice catalogId={catalogId} version={pinned} live={live.data.version} />
            )}
            {host ? (
              <Configure key={`${data.id}@${data.version}`} catalog={data} host={host} />
            ) : (
              <Preparing />
            )}
          </>
        ) : null
      }
    </QueryState>
  );
}
