import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Build, Catalog } from '../../core/catalog/index.ts';
import { encodeBuild } from '../../contract/build-param.schema.ts';
import { nextOffersResponseSchema, type NextOffer } from '../../contract/next-offers.schema.ts';
import { getJson } from '../../ui/api-client.ts';
import { identityKeys } from '../../ui/api/auth.ts';
import { useCatalogWords } from '../../ui/i18n/catalog-words.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';

interface Props {
  customerId: string;
  /** The customer's first name, as the staff member calls them. */
  customerName: string;
  catalog: Catalog;
  build: Build;
  /** Makes the offer's change in the session (one step, undoable like any choice). */
  onApply: (offer: NextOffer) => void;
}

const offersUrl = (customerId: string, catalogId: string, build: Build) =>
  `/api/store/customers/${encodeURIComponent(customerId)}/next-offers/${encodeURIComponent(catalogId)}?b=${encodeBuild(build)}`;

/**
 * Beside the options in the console: the server's next best offers for the open build (always buildable, ranked on
 * the customer's own preferences and similar buyers), each with its price difference and the discount band that
 * keeping today's price would need. Applying one hands its build to the session.
 */
export function NextOffersPanel({ customerId, customerName, catalog, build, onApply }: Props) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const words = useCatalogWords(catalog);
  const offers = useQuery({
    queryKey: [...identityKeys.store, 'next-offers', customerId, catalog.id, encodeBuild(build)],
    queryFn: ({ signal }) =>
      getJson(offersUrl(customerId, catalog.id, build), nextOffersResponseSchema, signal),
    placeholderData: (previous) => previous,
  });
  const names = (ids: string[]) => ids.map(words.optionName).join(', ');
  const changeText = (o: NextOffer) =>
    o.to.length === 0
      ? t('storeOffers.remove', { slot: words.slotName(o.slotId) })
      : t('storeOffers.change', { slot: words.slotName(o.slotId), to: names(o.to) });
  const percent = (share: number) =>
    new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
  return (
    <section className="next-offers" aria-labelledby="next-offers-title" aria-busy={offers.isFetching}>
      <h2 id="next-offers-title">{t('storeOffers.title')}</h2>
      <p className="muted">{t('storeOffers.lead', { name: customerName })}</p>
      {offers.isPending ? (
        <p role="status">{t('storeOffers.loading')}</p>
      ) : offers.isError ? (
        <p role="alert">{t('storeOffers.failed', { message: offers.error.message })}</p>
      ) : offers.data.offers.length === 0 ? (
        <p className="muted">{t('storeOffers.none')}</p>
      ) : (
        <ul className="next-offers-list">
          {offers.data.offers.map((o) => {
            const change = changeText(o);
            return (
              <li key={`${o.slotId}:${o.to.join()}`} className={`next-offer band-${o.band}`}>
                <div>
                  <strong>{change}</strong>{' '}
                  <span className="next-offer-price">
                    {format.delta(o.priceDeltaCents, offers.data.currency)}
                  </span>
                  <p className="muted">
                    {o.from.length > 0 && o.to.length > 0 && (
                      <>{t('storeOffers.instead', { from: names(o.from) })} · </>
                    )}
                    {o.similarShare > 0 && (
                      <>{t('storeOffers.similar', { percent: percent(o.similarShare) })} · </>
                    )}
                    {o.preference > 0 && <>{t('storeOffers.liked')} · </>}
                    {t(`storeOffers.bands.${o.band}`, { percent: percent(o.discountPercent / 100) })}
                  </p>
                </div>
                <button
                  type="button"
                  onClick={() => onApply(o)}
                  aria-label={t('storeOffers.applyLabel', { change })}
                >
                  {t('storeOffers.apply')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
