import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { useConfigureHost } from '../host.ts';
import { useSession } from './session-context.tsx';
import { FinishButton } from './summary.tsx';
import { SaveStatus } from './save-status.tsx';

/**
 * On narrow screens, where the summary sits below every option, the total and the step forward stay in view at the
 * bottom (sticky: it keeps its own place at the end, so it never hides the last content). Hidden on wide screens,
 * where the summary itself stays in view.
 */
export function TotalBar() {
  const { actor, configurator } = useSession();
  const total = useSelector(actor, (s) => s.context.view.price.totalCents);
  const complete = useSelector(actor, (s) => s.context.view.complete);
  const choices = useSelector(actor, (s) => (complete ? s.context.choices : null));
  const { CompleteAction } = useConfigureHost();
  const { t } = useTranslation();
  const format = useLocaleFormat();
  return (
    <section className="total-bar" aria-label={t('summary.bar')} data-testid="total-bar">
      <SaveStatus compact />
      <p className="total-bar-total">
        <span>{t('summary.total')}</span>{' '}
        <strong data-testid="bar-total">{format.money(total, configurator.catalog.currency)}</strong>
      </p>
      {choices ? <CompleteAction catalogId={configurator.catalog.id} choices={choices} /> : <FinishButton />}
    </section>
  );
}
