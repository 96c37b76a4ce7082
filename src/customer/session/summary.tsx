import { useSelector } from '@xstate/react';
import { Link } from 'react-router';
import { formatMoney } from '../../ui/format.ts';
import { useSession } from './session-context.tsx';
import { encodeBuild } from './build-url.ts';

const countFormat = new Intl.NumberFormat('en-IE', {
  notation: 'compact',
  compactDisplay: 'long',
  maximumFractionDigits: 1,
});

/** Running total with its breakdown, what remains possible, and the session's actions. */
export function Summary() {
  const { actor, configurator } = useSession();
  const price = useSelector(actor, (s) => s.context.view.price);
  const count = useSelector(actor, (s) => s.context.view.count);
  const complete = useSelector(actor, (s) => s.context.view.complete);
  const canUndo = useSelector(actor, (s) => s.context.past.length > 0);
  const canRedo = useSelector(actor, (s) => s.context.future.length > 0);
  const choices = useSelector(actor, (s) => s.context.choices);
  const { currency } = configurator.catalog;
  return (
    <aside className="summary" aria-label="Your build">
      <p className="total">
        <span>Total</span> <strong data-testid="total">{formatMoney(price.totalCents, currency)}</strong>
      </p>
      <p className="count" data-testid="count">
        {complete
          ? `Your build is complete${count > 1 ? ` (${countFormat.format(count)} variations with extras still possible)` : ''}.`
          : `${count === 1 ? 'Exactly one build' : `${countFormat.format(count)} possible builds`} with your choices.`}
      </p>
      <details className="breakdown">
        <summary>Price breakdown</summary>
        <ul>
          {price.lines.map((line) => (
            <li key={`${line.kind}-${line.ref}`}>
              <span>
                {line.label}
                {line.quantity > 1 ? ` × ${line.quantity}` : ''}
              </span>
              <span>{line.kind === 'included' ? 'included' : formatMoney(line.amountCents, currency)}</span>
            </li>
          ))}
        </ul>
      </details>
      <div className="actions">
        <button type="button" onClick={() => actor.send({ type: 'history.undo' })} disabled={!canUndo}>
          Undo
        </button>
        <button type="button" onClick={() => actor.send({ type: 'history.redo' })} disabled={!canRedo}>
          Redo
        </button>
        <button type="button" onClick={() => actor.send({ type: 'build.complete' })} disabled={complete}>
          Finish my build
        </button>
        <button type="button" className="secondary" onClick={() => actor.send({ type: 'build.reset' })}>
          Start over
        </button>
      </div>
      {complete ? (
        <Link
          className="primary-link"
          to={`/configure/${configurator.catalog.id}/review?b=${encodeBuild(choices)}`}
        >
          Review my build →
        </Link>
      ) : (
        <p className="hint">
          Choose every required part, or let “Finish my build” complete it at the lowest price.
        </p>
      )}
    </aside>
  );
}
