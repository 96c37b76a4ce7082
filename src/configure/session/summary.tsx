import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { priceLineLabel, useCatalogWords } from '../../ui/i18n/catalog-words.ts';
import { useSession } from './session-context.tsx';
import { useConfigureHost } from '../host.ts';
import { usePersonal } from './personal.tsx';
import { usePopularFinish } from './marks.ts';
import { SaveStatus } from './save-status.tsx';

/**
 * Completes the build: with the customer's preferences their best fit, otherwise the cheapest. Disabled once the
 * build is complete.
 */
export function FinishButton() {
  const { actor } = useSession();
  const complete = useSelector(actor, (s) => s.context.view.complete);
  const { weights } = usePersonal();
  const { t } = useTranslation();
  return (
    <button
      type="button"
      onClick={() => actor.send({ type: 'build.complete', scores: weights ?? undefined })}
      disabled={complete}
    >
      {weights ? t('personal.finishMine') : t('summary.finish')}
    </button>
  );
}

/** Running total with its breakdown, what remains possible, and the session's actions. */
export function Summary() {
  const { actor, configurator } = useSession();
  const price = useSelector(actor, (s) => s.context.view.price);
  const count = useSelector(actor, (s) => s.context.view.count);
  const complete = useSelector(actor, (s) => s.context.view.complete);
  const canUndo = useSelector(actor, (s) => s.context.past.length > 0);
  const canRedo = useSelector(actor, (s) => s.context.future.length > 0);
  const choices = useSelector(actor, (s) => s.context.choices);
  const { weights } = usePersonal();
  const { CompleteAction } = useConfigureHost();
  const finishPopular = usePopularFinish();
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const words = useCatalogWords(configurator.catalog);
  const { currency } = configurator.catalog;
  const countText = complete
    ? count > 1
      ? t('summary.completeVariations', { count: format.count(count) })
      : t('summary.complete')
    : count === 1
      ? t('summary.one')
      : t('summary.possible', { count: format.count(count) });
  return (
    <aside className="summary" aria-label={t('summary.label')}>
      <p className="total">
        <span>{t('summary.total')}</span>{' '}
        <strong data-testid="total">{format.money(price.totalCents, currency)}</strong>
      </p>
      <p className="count" data-testid="count" data-complete={complete}>
        {countText}
      </p>
      <SaveStatus />
      <details className="breakdown">
        <summary>{t('summary.breakdown')}</summary>
        <ul>
          {price.lines.map((line) => (
            <li key={`${line.kind}-${line.ref}`}>
              <span>
                {line.kind === 'rule' && (
                  <span className="rule-kind" data-surcharge={line.amountCents > 0}>
                    {line.amountCents > 0 ? t('priceRule.surcharge') : t('priceRule.offer')}:{' '}
                  </span>
                )}
                {priceLineLabel(words, line)}
                {line.quantity > 1 ? ` × ${line.quantity}` : ''}
              </span>
              <span>
                {line.kind === 'included' ? t('summary.included') : format.money(line.amountCents, currency)}
              </span>
            </li>
          ))}
        </ul>
      </details>
      <div className="actions">
        <button type="button" onClick={() => actor.send({ type: 'history.undo' })} disabled={!canUndo}>
          {t('summary.undo')}
        </button>
        <button type="button" onClick={() => actor.send({ type: 'history.redo' })} disabled={!canRedo}>
          {t('summary.redo')}
        </button>
        <FinishButton />
        {finishPopular && !complete && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              const { choices: now, view } = actor.getSnapshot().context;
              actor.send({ type: 'build.complete', scores: finishPopular(now, view) ?? undefined });
            }}
          >
            {t('personal.finishPopular')}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => actor.send({ type: 'build.reset' })}>
          {t('summary.reset')}
        </button>
      </div>
      {complete ? (
        <CompleteAction catalogId={configurator.catalog.id} choices={choices} />
      ) : (
        <p className="hint">{weights ? t('personal.hint') : t('summary.hint')}</p>
      )}
    </aside>
  );
}
