import type { Catalog, Slot } from '../../core/catalog/index.ts';
import { quantityBounds } from '../../core/catalog/index.ts';
import { toCents } from '../../core/pricing/index.ts';
import { formatMoney } from '../../ui/format.ts';
import { OptionCard } from './option-card.tsx';

function kindLabel(slot: Slot): string {
  const { min, max } = quantityBounds(slot);
  if (slot.kind === 'optional') return 'optional';
  if (slot.kind === 'multi') return min === max ? `choose ${min}` : `choose ${min}–${max}`;
  return slot.quantity ? `one, ×${min}–${max}` : 'choose one';
}

export function SlotSection({ slot, catalog }: { slot: Slot; catalog: Catalog }) {
  const cheapest = Math.min(...slot.options.map((o) => o.price));
  const headingId = `slot-${slot.id}`;
  return (
    <section className="slot" aria-labelledby={headingId} data-slot={slot.id}>
      <header className="slot-head">
        <h3 id={headingId}>{slot.name}</h3>
        <span className="slot-kind">{kindLabel(slot)}</span>
        <span className="slot-from">from {formatMoney(toCents(cheapest), catalog.currency)}</span>
      </header>
      {slot.description && <p className="slot-description">{slot.description}</p>}
      <ul className="option-list" aria-label={`${slot.name} options`}>
        {slot.options.map((option) => (
          <OptionCard key={option.id} option={option} catalog={catalog} />
        ))}
      </ul>
    </section>
  );
}
