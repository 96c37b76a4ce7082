import type { Catalog, Option } from '../../core/catalog/index.ts';
import { toCents } from '../../core/pricing/index.ts';
import { formatAttribute, formatMoney } from '../../ui/format.ts';

/** How many attributes a card shows; the rest belong on a detail view. */
const KEY_ATTRIBUTES = 4;

export function OptionCard({ option, catalog }: { option: Option; catalog: Catalog }) {
  const attributes = Object.entries(option.attributes).slice(0, KEY_ATTRIBUTES);
  return (
    <li className="option-card" data-option={option.id}>
      <div className="option-head">
        <span className="option-name">{option.name}</span>
        <span
          className="option-price"
          aria-label={`price ${formatMoney(toCents(option.price), catalog.currency)}`}
        >
          {formatMoney(toCents(option.price), catalog.currency)}
        </span>
      </div>
      {option.description && <p className="option-description">{option.description}</p>}
      {attributes.length > 0 && (
        <dl className="option-attributes">
          {attributes.map(([name, value]) => (
            <div key={name}>
              <dt>{catalog.attributes[name]?.label ?? name}</dt>
              <dd>{formatAttribute(catalog.attributes[name], value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}
