import { useTranslation } from 'react-i18next';
import { useDoc } from './document-context.tsx';

/** A slot and one of its options, as two lists; changing the slot picks its first option. */
export function OptionPicker({
  value,
  onChange,
}: {
  value: { slot: string; option: string };
  onChange: (v: { slot: string; option: string }) => void;
}) {
  const { t } = useTranslation();
  const doc = useDoc();
  const slot = doc.slots.find((s) => s.id === value.slot);
  return (
    <span className="picker">
      <select
        aria-label={t('catalogDraft.field.slot')}
        value={value.slot}
        onChange={(e) => {
          const next = doc.slots.find((s) => s.id === e.target.value);
          onChange({ slot: e.target.value, option: next?.options[0]?.id ?? '' });
        }}
      >
        {!slot && <option value={value.slot}>{value.slot}</option>}
        {doc.slots.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t('catalogDraft.field.option')}
        value={value.option}
        onChange={(e) => onChange({ slot: value.slot, option: e.target.value })}
      >
        {!slot?.options.some((o) => o.id === value.option) && (
          <option value={value.option}>{value.option}</option>
        )}
        {slot?.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </span>
  );
}
