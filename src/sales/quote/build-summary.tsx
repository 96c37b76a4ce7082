import { useTranslation } from 'react-i18next';
import type { BuildSelections } from '../../contract/builds.schema.ts';
import type { CatalogResponse } from '../../contract/catalogs.schema.ts';
import { useCatalogLanguage, wordsFor } from '../../ui/i18n/catalog-words.ts';

/**
 * A build's choices by slot in the catalog's order and words; the ids alone until the catalog has loaded. Slots in
 * `changed` (different from the previous revision or approval) are marked, in words too.
 */
export function BuildSummary({
  catalog,
  selections,
  changed,
}: {
  catalog: CatalogResponse | undefined;
  selections: BuildSelections;
  changed?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const language = useCatalogLanguage();
  const words = catalog && wordsFor(catalog, language);
  const order = catalog?.slots.map((s) => s.id) ?? [];
  const rank = (slot: string) => (order.includes(slot) ? order.indexOf(slot) : order.length);
  const slots = Object.keys(selections)
    .filter((slot) => Object.keys(selections[slot] ?? {}).length > 0 || changed?.has(slot))
    .sort((a, b) => rank(a) - rank(b));
  return (
    <dl className="build-summary">
      {slots.map((slot) => {
        const options = Object.entries(selections[slot] ?? {});
        return (
          <div key={slot} className={changed?.has(slot) ? 'changed' : undefined}>
            <dt>
              {words?.slotName(slot) ?? slot}
              {changed?.has(slot) && <span className="changed-mark"> · {t('storeQuote.changed')}</span>}
            </dt>
            <dd>
              {options.length === 0
                ? t('storeQuote.noneChosen')
                : options
                    .map(
                      ([option, quantity]) =>
                        (words?.optionName(option) ?? option) + (quantity > 1 ? ` × ${quantity}` : ''),
                    )
                    .join(' · ')}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
