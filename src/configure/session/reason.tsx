import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Explanation } from '../../core/configurator/configurator.ts';
import { ReasonWords, type ReasonKey } from '../../core/configurator/reason-words.ts';
import { renderReason } from '../../core/configurator/render-reason.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { useCatalogWords } from '../../ui/i18n/catalog-words.ts';
import { useSession } from './session-context.tsx';

/** The catalog's and the interface's words for reasons, in the page's language (built once per language). */
function useReasonWords(): ReasonWords {
  const { configurator } = useSession();
  const { t } = useTranslation();
  const { locale } = useLocaleFormat();
  const words = useCatalogWords(configurator.catalog);
  return useMemo(() => {
    const number = new Intl.NumberFormat(locale);
    const say = (key: ReasonKey, values?: Record<string, string>) => t(`reason.${key}`, values ?? {});
    return new ReasonWords(configurator.catalog, words, say, (n) => number.format(n));
  }, [configurator.catalog, words, locale, t]);
}

/**
 * Why an option is refused, for this build and in the shopper's language: the choices involved, then each rule of
 * the engine's minimal explanation in chain order (the same words on the card and in the repair offer).
 */
export function ReasonText({ explanation }: { explanation: Explanation }) {
  const words = useReasonWords();
  const { configurator } = useSession();
  const { lead, steps } = renderReason(words, configurator.catalog, explanation);
  return (
    <>
      <span className="reason-lead">{lead}</span>
      {steps.map((step, i) => (
        <span key={i} className="reason-step">
          {step}
        </span>
      ))}
    </>
  );
}
