import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnTimelineItem as TimelineItem } from '../../contract/interactions.schema.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
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
      // A walk-in's record was opened by staff in the store, not by the customer online.
      return t(
        item.channel === 'store'
          ? 'account.timeline.kinds.registeredInStore'
          : 'account.timeline.kinds.registered',
      );
    case 'customer.claimed':
      return t('account.timeline.kinds.claimed');
    case 'customer.birthday-confirmed':
      return t('account.timeline.kinds.birthdayConfirmed');
    case 'store.visit':
      return t('account.timeline.kinds.visit');
    case 'call':
      return t('account.timeline.kinds.call');
    // Staff continuing the customer's build in the store (the actor, "Sam (sales)", is in the entry's meta).
    case 'store.build_opened':
      return t('account.timeline.kinds.buildOpened', { name: text(p.name) });
    case 'store.session_opened':
      return t('account.timeline.kinds.sessionOpened');
    // Quotes staff made or revised for the customer in the store (issue 17 §8).
    case 'quote.created':
      return t('account.timeline.kinds.quoteCreated', { total: money(p.totalCents) });
    case 'quote.revised':
      return t('account.timeline.kinds.quoteRevised', { revision: p.revision, total: money(p.totalCents) });
    default:
      return item.kind;
  }
}

interface EntryProps {
  catalogs: CatalogLookup;
  moment: (iso: string) => string;
}

interface GroupProps extends EntryProps {
  items: TimelineItem[];
  range: (from: string, to: string) => string;
}

/** "by you", or the staff member who acted for the customer (by first name and role; the server sends no more). */
function useActor(item: TimelineItem): string {
  const { t } = useTranslation();
  if (item.actor.who === 'you') return t('account.timeline.you');
  return t('account.timeline.staff', {
    name: item.actor.name,
    role: t(`account.roles.${item.actor.role}`, { defaultValue: item.actor.role }),
  });
}

function Meta({
  item,
  catalogs,
  when,
}: Omit<EntryProps, 'moment'> & { item: TimelineItem; when: ReactNode }) {
  const { t } = useTranslation();
  const actor = useActor(item);
  return (
    <p className="timeline-meta">
      {when} · {actor}
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
  );
}

function Channel({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  return <span className={`channel channel-${item.channel}`}>{t(`account.channels.${item.channel}`)}</span>;
}

/** One interaction: when, where (channel), who (you or a named staff member), what, in which catalog version. */
export function TimelineEntry({ item, catalogs, moment }: EntryProps & { item: TimelineItem }) {
  const description = useDescription(item, catalogs);
  const note = text(item.payload.note);
  return (
    <li className="timeline-entry" data-channel={item.channel} data-kind={item.kind} tabIndex={-1}>
      <Channel item={item} />
      <div className="timeline-body">
        <p className="timeline-what">{description}</p>
        {note && <p className="timeline-note">“{note}”</p>}
        <Meta item={item} catalogs={catalogs} when={<time dateTime={item.at}>{moment(item.at)}</time>} />
      </div>
    </li>
  );
}

function Step({ item, catalogs, moment }: EntryProps & { item: TimelineItem }) {
  const description = useDescription(item, catalogs);
  return (
    <li data-kind={item.kind}>
      <time dateTime={item.at}>{moment(item.at)}</time> {description}
    </li>
  );
}

/** A sitting's configuration steps (newest first) as one entry that opens into each step. */
export function TimelineGroup({ items, catalogs, moment, range }: GroupProps) {
  const { t } = useTranslation();
  const newest = items[0];
  const oldest = items.at(-1);
  if (!newest || !oldest) return null;
  return (
    <li className="timeline-entry" data-channel={newest.channel} data-kind="config.group" tabIndex={-1}>
      <Channel item={newest} />
      <div className="timeline-body">
        <p className="timeline-what">{t('account.timeline.kinds.configured', { count: items.length })}</p>
        <Meta item={newest} catalogs={catalogs} when={<span>{range(oldest.at, newest.at)}</span>} />
        <details className="timeline-steps">
          <summary>{t('account.timeline.steps', { count: items.length })}</summary>
          <ol>
            {items.map((item) => (
              <Step key={item.id} item={item} catalogs={catalogs} moment={moment} />
            ))}
          </ol>
        </details>
      </div>
    </li>
  );
}
