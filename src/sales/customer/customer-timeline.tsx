import { useState } from 'react';
import { useShowEarlier } from '../../ui/use-show-earlier.ts';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../contract/interactions.schema.ts';
import { useCustomerTimeline, type ChannelFilter } from './api.ts';
import type { GlanceFormat } from './glance-format.ts';

const filters: readonly ChannelFilter[] = ['all', 'web', 'store', 'phone'];
const text = (value: unknown) => (typeof value === 'string' ? value : '');

function Entry({
  item,
  format,
  productName,
}: {
  item: TimelineItem;
  format: GlanceFormat;
  productName: (catalogId: string) => string;
}) {
  const { t } = useTranslation();
  const note = text(item.payload.note);
  const shared = item.payload.shared === true;
  const byStaff = item.actor !== null && item.actor.role !== 'customer';
  const total = typeof item.payload.totalCents === 'number' ? format.money(item.payload.totalCents) : '';
  return (
    <li className="glance-entry" data-channel={item.channel} data-kind={item.kind} tabIndex={-1}>
      <span className={`channel channel-${item.channel}`}>
        {t(`storeGlance.timeline.channels.${item.channel}`)}
      </span>
      <div>
        <p className="entry-what">
          {t(`storeGlance.timeline.kinds.${item.kind}`, { defaultValue: item.kind })}
          {total && ` · ${total}`}
          {text(item.payload.name) && ` · ${text(item.payload.name)}`}
        </p>
        {note && (
          <p className="entry-note">
            <span className={shared ? 'note-flag shared' : 'note-flag internal'}>
              {shared ? t('storeGlance.timeline.shared') : t('storeGlance.timeline.internal')}
            </span>{' '}
            “{note}”
          </p>
        )}
        <p className="muted entry-meta">
          <time dateTime={item.at}>{format.moment(item.at)}</time> ·{' '}
          {byStaff && item.actor
            ? t('storeGlance.timeline.by', {
                name: item.actor.name,
                role: t(`account.roles.${item.actor.role}`, { defaultValue: item.actor.role }),
              })
            : t('storeGlance.timeline.byCustomer')}
          {item.catalogId && ` · ${productName(item.catalogId)}`}
        </p>
      </div>
    </li>
  );
}

/** Everything that happened with the customer, newest first, filtered by channel, a page at a time. */
export function CustomerTimeline({
  customerId,
  format,
  productName,
}: {
  customerId: string;
  format: GlanceFormat;
  productName: (catalogId: string) => string;
}) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<ChannelFilter>('all');
  const timeline = useCustomerTimeline(customerId, channel);
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  const { list, loadMore } = useShowEarlier(() => timeline.fetchNextPage());
  return (
    <section className="glance-card glance-timeline" aria-labelledby="glance-timeline">
      <h2 id="glance-timeline">{t('storeGlance.timeline.title')}</h2>
      <div className="segmented" role="group" aria-label={t('storeGlance.timeline.filter')}>
        {filters.map((f) => (
          <button key={f} type="button" aria-pressed={channel === f} onClick={() => setChannel(f)}>
            {f === 'all' ? t('storeGlance.timeline.all') : t(`storeGlance.timeline.channels.${f}`)}
          </button>
        ))}
      </div>
      {timeline.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : timeline.error && items.length === 0 ? (
        <p role="alert" className="notice notice-error">
          {timeline.error.message}
        </p>
      ) : items.length === 0 ? (
        <p className="muted">{t('storeGlance.timeline.none')}</p>
      ) : (
        <>
          <ol ref={list} className="glance-entries" aria-labelledby="glance-timeline">
            {items.map((item) => (
              <Entry key={item.id} item={item} format={format} productName={productName} />
            ))}
          </ol>
          {timeline.hasNextPage && (
            <button
              type="button"
              className="button secondary"
              onClick={loadMore}
              disabled={timeline.isFetchingNextPage}
            >
              {t('storeGlance.timeline.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
