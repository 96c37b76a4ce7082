import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../contract/interactions.schema.ts';
import { useLocaleFormat } from '../i18n/i18n.ts';
import type { CatalogLookup } from './catalog-lookup.ts';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const cents = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** What happened, in a sentence of the page's language, naming parts as the catalog does. */
function useDescription(item: TimelineItem, catalogs: CatalogLookup): string {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const p = item.payload;
  const catalogId = item.catalogId ?? '';
  const money = (value: unknown) => {
    const amount = cents(value);
    return amount === undefined ? '' : format.money(amount, catalogs.currency(item.catalogId));
  };
  const option = (id: unknown) => catalogs.option(catalogId, text(id));
  const slot = (id: unknown) => catalogs.slot(catalogId, text(id));
  switch (item.kind) {
    case 'config.chose':
      return t('account.timeline.kinds.chose', { option: option(p.optionId), slot: slot(p.slotId) });
    case 'config.unchose':
      return t('account.timeline.kinds.unchose', { option: option(p.optionId), slot: slot(p.slotId) });
    case 'config.repaired': {
      const changes = Array.isArray(p.changes) ? (p.changes as Record<string, unknown>[]) : [];
      const added = changes.filter((c) => c.added).map((c) => option(c.added));
      return t('account.timeline.kinds.repaired', { options: added.join(', ') || '—' });
    }
    case 'config.completed':
      return t('account.timeline.kinds.completed');
    case 'build.saved':
      return t('account.timeline.kinds.saved', { name: text(p.name), price: money(p.priceCents) });
    case 'quote.requested':
      return t('account.timeline.kinds.quote', { total: money(p.totalCents) });
    case 'order.placed':
      return t('account.timeline.kinds.order', { total: money(p.totalCents) });
    case 'customer.registered':
      return t('account.timeline.kinds.registered');
    case 'store.visit':
      return t('account.timeline.kinds.visit');
    case 'call':
      return t('account.timeline.kinds.call');
    default:
      return item.kind;
  }
}

/** One interaction: when, where (channel), who (you or a named staff member), what, in which catalog version. */
export function TimelineEntry({
  item,
  userId,
  catalogs,
  moment,
}: {
  item: TimelineItem;
  userId: string;
  catalogs: CatalogLookup;
  moment: (iso: string) => string;
}) {
  const { t } = useTranslation();
  const description = useDescription(item, catalogs);
  const note = text(item.payload.note);
  const actor =
    !item.actor || item.actor.id === userId
      ? t('account.timeline.you')
      : t('account.timeline.staff', {
          name: item.actor.name,
          role: t(`account.roles.${item.actor.role}`, { defaultValue: item.actor.role }),
        });
  return (
    <li className="timeline-entry" data-channel={item.channel} data-kind={item.kind}>
      <span className={`channel channel-${item.channel}`}>{t(`account.channels.${item.channel}`)}</span>
      <div className="timeline-body">
        <p className="timeline-what">{description}</p>
        {note && <p className="timeline-note">“{note}”</p>}
        <p className="timeline-meta">
          <time dateTime={item.at}>{moment(item.at)}</time> · {actor}
          {item.catalogId && (
            <>
              {' · '}
              {t('account.timeline.catalog', {
                product: catalogs.name(item.catalogId),
                version: item.catalogVersion ?? '',
              })}
            </>
          )}
        </p>
      </div>
    </li>
  );
}
