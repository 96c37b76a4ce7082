import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog, Rule } from '../../core/catalog/index.ts';
import type { Explanation } from '../../core/configurator/configurator.ts';
import { ReasonWords, type ReasonKey } from '../../core/configurator/reason-words.ts';
import { renderReason } from '../../core/configurator/render-reason.ts';
import type { RuleSample } from '../../core/configurator/rule-samples.ts';
import { Select } from './pickers.tsx';
import { requestSamples } from './request-samples.ts';
import { useRule } from './rule-context.ts';

/**
 * The catalog as the engine sees it: messages, texts and rule ids do not change which builds are valid (rules are
 * named by position, `r<i>`, so renaming a rule or typing its message reuses the compilation).
 */
function structureOf(catalog: Catalog): string {
  const rules = catalog.rules.map(({ message: _m, ...r }, i) => ({ ...r, id: `r${i}` }));
  return JSON.stringify({ ...catalog, translations: undefined, rules });
}

/** An explanation over the positional rule ids, with the draft's rule ids back. */
function withRuleIds(catalog: Catalog, e: Explanation): Explanation {
  const id = (r: string) => (/^r\d+$/.test(r) ? (catalog.rules[Number(r.slice(1))]?.id ?? r) : r);
  return { ...e, rules: e.rules.map((r) => ({ ...r, id: id(r.id) })) };
}

/**
 * The message as a customer reads it: a sample build of the draft, an option this rule alone refuses there, and the
 * reason rendered by the configurator's own path (render-reason.ts), in the panel's language.
 */
export function MessagePreview(props: { rule: Rule; at: number }) {
  const { catalog, w, problems } = useRule();
  const { t } = useTranslation(undefined, { lng: w.language });
  const ready = problems.length === 0;
  const structure = useMemo(() => structureOf(catalog), [catalog]);
  const key = `${props.at}:${structure}`;
  const [found, setFound] = useState<{ key: string; samples: RuleSample[] } | undefined>();
  const [chosen, setChosen] = useState(0);

  useEffect(() => {
    if (!ready) return;
    // In a worker: the fields stay responsive while the samples are searched.
    return requestSamples(structure, props.at, (samples) => {
      setFound({ key: `${props.at}:${structure}`, samples });
      setChosen(0);
    });
  }, [structure, props.at, ready]);

  const reasonWords = useMemo(() => {
    const number = new Intl.NumberFormat(w.language);
    const say = (k: ReasonKey, values?: Record<string, string>) => t(`reason.${k}`, values ?? {});
    return new ReasonWords(catalog, w.words, say, (n) => number.format(n));
  }, [catalog, w.words, w.language, t]);

  const translated =
    w.language !== 'en' && catalog.translations?.[w.language]?.rules?.[props.rule.id] !== undefined;
  let body;
  if (!ready) body = <p>{w.t('message.fixFirst')}</p>;
  else if (found?.key !== key) body = <p aria-busy="true">{w.t('message.searching')}</p>;
  else if (found.samples.length === 0) body = <p>{w.t('message.noSample')}</p>;
  else {
    const sample = found.samples[Math.min(chosen, found.samples.length - 1)] as RuleSample;
    const reason = renderReason(reasonWords, catalog, withRuleIds(catalog, sample.explanation));
    body = (
      <>
        <Select
          label={w.t('message.sample')}
          value={String(chosen)}
          choices={found.samples.map((s, i) => ({
            value: String(i),
            label: w.t('message.sampleOption', {
              option: w.words.optionName(s.option),
              slot: w.words.slotName(s.slot),
            }),
          }))}
          onChange={(v) => setChosen(Number(v))}
          path="preview.sample"
        />
        <blockquote className="rule-preview-reason" aria-live="polite">
          <strong>{reason.lead}</strong> {reason.steps.join(' ')}
        </blockquote>
      </>
    );
  }
  return (
    <div className="rule-preview">
      <h4>{w.t('message.preview')}</h4>
      {translated && <p className="rule-note">{w.t('message.translated')}</p>}
      {body}
    </div>
  );
}
