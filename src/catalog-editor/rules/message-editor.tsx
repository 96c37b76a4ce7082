import { useId, useRef } from 'react';
import type { Rule } from '../../core/catalog/index.ts';
import { templatePlaceholders, unknownPlaceholders } from '../../core/catalog/rule-vocabulary.ts';
import { templateProblem } from '../../core/catalog/template.ts';
import { MessagePreview } from './message-preview.tsx';
import { useRule } from './rule-context.ts';

/**
 * The rule's message template: every edit reaches the draft (an empty field drops the message), the placeholders the
 * rule offers can be inserted at the caret, foreign ones are flagged, and the preview shows it on a sample build.
 */
export function MessageEditor(props: { rule: Rule; at: number; onChange: (r: Rule) => void }) {
  const { w } = useRule();
  const { rule, onChange } = props;
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const text = rule.message ?? '';
  const set = (message: string) => {
    const { message: _old, ...rest } = rule;
    onChange(message === '' ? rest : { ...rest, message });
  };
  const insert = (placeholder: string) => {
    const el = area.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    set(text.slice(0, start) + placeholder + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + placeholder.length, start + placeholder.length);
    });
  };
  const unknown = unknownPlaceholders(text, rule);
  const unreadable = unknown.length === 0 ? templateProblem(rule, text) : undefined;
  return (
    <section className="rule-message" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-text`}>
        {w.t('message.label')}
      </label>
      <textarea
        id={`${id}-text`}
        ref={area}
        rows={3}
        value={text}
        aria-describedby={`${id}-hint`}
        aria-invalid={unknown.length > 0 || unreadable !== undefined || undefined}
        onChange={(e) => set(e.target.value)}
      />
      <small id={`${id}-hint`}>{w.t('message.hint')}</small>
      {unknown.length > 0 && (
        <p className="rule-problem" role="status">
          ⚠ {w.t('message.unknown', { list: unknown.join(', ') })}
        </p>
      )}
      {unreadable && (
        <p className="rule-problem" role="status">
          ⚠ {w.t('message.unreadable', { detail: unreadable })}
        </p>
      )}
      <div className="rule-placeholders" role="group" aria-label={w.t('message.placeholders')}>
        <span>{w.t('message.placeholders')}:</span>
        {templatePlaceholders(rule).map((p) => (
          <button
            key={p}
            type="button"
            aria-label={w.t('message.insert', { placeholder: p })}
            onClick={() => insert(p)}
          >
            <code>{p}</code>
          </button>
        ))}
      </div>
      <MessagePreview rule={rule} at={props.at} />
    </section>
  );
}
