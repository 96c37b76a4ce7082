import { useTranslation } from 'react-i18next';
import { useSession } from './session-context.tsx';

/** The quantity of a chosen option, offering only the quantities that keep the build completable. */
export function QuantitySelect({
  slot,
  option,
  value,
  quantities,
}: {
  slot: string;
  option: string;
  value: number;
  quantities: readonly number[];
}) {
  const { actor } = useSession();
  const { t } = useTranslation();
  return (
    <label className="quantity">
      {t('configure.quantity')}{' '}
      <select
        value={value}
        onChange={(e) => actor.send({ type: 'quantity.set', slot, option, quantity: Number(e.target.value) })}
      >
        {quantities.map((q) => (
          <option key={q} value={q}>
            {q}
          </option>
        ))}
      </select>
    </label>
  );
}
