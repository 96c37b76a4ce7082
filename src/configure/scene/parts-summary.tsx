import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CatalogWords } from '../../core/catalog/index.ts';
import type { Part } from './parts.ts';

const mm = (metres: number) => `${Math.round(metres * 1000)} mm`;

/**
 * A one-line description of a part in the shopper's language (the 2D fallback and the canvas's accessible text):
 * what it is, as its slot is called, what the scene draws of it, and the option's name.
 */
export function describePart(part: Part, words: CatalogWords, t: TFunction): string {
  const name = words.optionName(part.option);
  const what = words.slotName(part.slot);
  const line = (details: string, thing = what) => t('scene.part', { what: thing, details, name });
  switch (part.kind) {
    case 'case':
      return line(part.glass ? `${part.formFactor}, ${t('scene.glass')}` : part.formFactor);
    case 'motherboard':
      return line(part.formFactor);
    case 'cooler':
      return line(
        part.type === 'liquid'
          ? t('scene.liquid', { size: mm(part.radiator) })
          : t('scene.air', { type: t(`scene.coolerType.${part.type}`), height: mm(part.height) }),
      );
    case 'memory':
      return line(t('scene.modules', { count: part.count }));
    case 'gpu':
      return line(t('scene.long', { length: mm(part.length) }));
    case 'drive':
      return line(part.form === 'm2' ? 'M.2' : `${part.form}"`);
    case 'psu':
      return line(part.form);
    case 'body': {
      const details = t('scene.bodyDetails', {
        body: words.attributeValue('body', part.body),
        finish: words.attributeValue('finish', part.paint.finish),
        trim: t(`scene.trim.${part.trim}`),
      });
      const paint = part.paintOption && words.optionName(part.paintOption);
      return t('scene.part', { what: t('scene.body'), details, name: paint ? `${name}, ${paint}` : name });
    }
    case 'wheels':
      return line(
        `${part.count} × ${words.attributeValue('wheelSize', part.inches)} ${words.attributeValue('wheelStyle', part.style)}`,
      );
    case 'interior':
      // The interior's option names say "Interior: …" themselves.
      return name;
    case 'detail': {
      const detail = t(`scene.detail.${part.detail}`);
      // Roof rails come with the model rather than an option of their own.
      return part.detail === 'roof-rails' ? detail : `${detail} (${name})`;
    }
  }
}

/** The product as a plain list, for browsers without WebGL. */
export function PartsSummary({ parts, label, words }: { parts: Part[]; label: string; words: CatalogWords }) {
  const { t } = useTranslation();
  return (
    <div className="product-summary" data-testid="product-summary">
      <p>{t('scene.unavailable')}</p>
      <ul aria-label={label}>
        {parts.map((part) => (
          <li key={part.id} data-part={part.kind}>
            {part.kind !== 'detail' && 'color' in part && (
              <span className="swatch" aria-hidden="true" style={{ background: part.color }} />
            )}
            {part.kind === 'body' && (
              <span className="swatch" aria-hidden="true" style={{ background: part.paint.color }} />
            )}
            {describePart(part, words, t)}
          </li>
        ))}
      </ul>
    </div>
  );
}
