import { useShowEarlier } from '../../ui/use-show-earlier.ts';
import { useTranslation } from 'react-i18next';
import { useTimeline } from '../api/account.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { useCatalogLookup } from './catalog-lookup.ts';
import { useDateFormat } from './date-format.ts';
import { TimelineEntry, TimelineGroup } from './timeline-entry.tsx';
import { groupTimeline } from './timeline-groups.ts';

/** Every interaction we remember, on every channel, newest first, a page at a time. */
export function TimelinePage() {
  const { t } = useTranslation();
  const timeline = useTimeline();
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  const catalogs = useCatalogLookup(items.flatMap((i) => (i.catalogId ? [i.catalogId] : [])));
  const date = useDateFormat();
  const { list, loadMore } = useShowEarlier(() => timeline.fetchNextPage());
  return (
    <section aria-labelledby="timeline-title">
      <h1 id="timeline-title">{t('account.timeline.title')}</h1>
      <p className="lead">{t('account.timeline.lead')}</p>
      <QueryState
        isPending={timeline.isPending}
        // A failed "load more" keeps what is shown and says so below it.
        error={timeline.isFetchNextPageError ? null : timeline.error}
      >
        {() =>
          items.length === 0 ? (
            <p className="notice">{t('account.timeline.none')}</p>
          ) : (
            <>
              <ol ref={list} className="timeline" aria-label={t('account.timeline.title')}>
                {groupTimeline(items).map((group) =>
                  group.length === 1 && group[0] ? (
                    <TimelineEntry
                      key={group[0].id}
                      item={group[0]}
                      catalogs={catalogs}
                      moment={date.moment}
                    />
                  ) : (
                    <TimelineGroup
                      key={group[0]?.id}
                      items={group}
                      catalogs={catalogs}
                      moment={date.moment}
                      range={date.range}
                    />
                  ),
                )}
              </ol>
              <p className="muted" role="status">
                {t('account.timeline.shown', { count: items.length })}
              </p>
              {timeline.hasNextPage && (
                <button
                  type="button"
                  className="button secondary"
                  disabled={timeline.isFetchingNextPage}
                  onClick={loadMore}
                >
                  {timeline.isFetchingNextPage ? t('account.timeline.loading') : t('account.timeline.more')}
                </button>
              )}
              {timeline.isFetchNextPageError && (
                <p role="alert" className="notice notice-error">
                  {timeline.error?.message}
                </p>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
