import { useTranslation } from 'react-i18next';
import { setCatalogField } from '../../core/catalog-edit/edits.ts';
import { useDoc } from './document-context.tsx';
import { NumberField, SelectField, TextField } from './fields.tsx';

const currencies = ['EUR', 'USD', 'GBP', 'CNY'] as const;

/** The catalog's own fields: name, description, currency, base price. */
export function CatalogTab() {
  const { t } = useTranslation();
  const doc = useDoc();
  return (
    <div className="form-grid">
      <TextField
        label={t('catalogDraft.field.name')}
        value={doc.name}
        group="catalog:name"
        apply={(d, v) => setCatalogField(d, 'name', v)}
      />
      <SelectField
        label={t('catalogDraft.field.currency')}
        value={doc.currency}
        choices={currencies.map((c) => ({ value: c, label: c }))}
        group="catalog:currency"
        apply={(d, v) => setCatalogField(d, 'currency', v)}
      />
      <NumberField
        label={t('catalogDraft.field.basePrice')}
        value={doc.basePrice}
        group="catalog:basePrice"
        apply={(d, v) => setCatalogField(d, 'basePrice', v ?? 0)}
      />
      <TextField
        label={t('catalogDraft.field.description')}
        value={doc.description}
        group="catalog:description"
        multiline
        apply={(d, v) => setCatalogField(d, 'description', v)}
      />
    </div>
  );
}
