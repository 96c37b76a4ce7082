import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../core/catalog/index.ts';
import { idProblem, renameId, type IdKind } from '../../core/catalog-edit/edits.ts';
import { useEdit } from './document-context.tsx';

/**
 * Form fields bound to the document: each keystroke is an edit, grouped by `group` into one undo step per field.
 * `apply` gets the document and the new value and returns the next document.
 */
interface FieldProps<V> {
  label: ReactNode;
  value: V;
  group: string;
  apply: (doc: Catalog, value: V) => Catalog;
  multiline?: boolean;
}

function Labelled({ label, children, hint }: { label: ReactNode; children: ReactNode; hint?: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {hint}
    </label>
  );
}

export function TextField({ label, value, group, apply, multiline }: FieldProps<string>) {
  const edit = useEdit();
  const onChange = (v: string) => edit((d) => apply(d, v), group);
  return (
    <Labelled label={label}>
      {multiline ? (
        <textarea value={value} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Labelled>
  );
}

/**
 * The text being typed, kept while it parses to the document's value ("12." is 12): a value changed elsewhere (undo)
 * replaces it.
 */
export function useNumberText(value: number | undefined) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (parseNumber(text) !== value) setText(value === undefined ? '' : String(value));
  }
  return [text, setText] as const;
}

export const parseNumber = (text: string): number | undefined => {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
};

/** A number; empty is `undefined` where `optional`, else left as the last number typed. */
export function NumberField({
  label,
  value,
  group,
  apply,
  optional,
  step = 'any',
}: FieldProps<number | undefined> & { optional?: boolean; step?: string }) {
  const edit = useEdit();
  const [text, setText] = useNumberText(value);
  return (
    <Labelled label={label}>
      <input
        inputMode="decimal"
        value={text}
        data-step={step}
        onChange={(e) => {
          setText(e.target.value);
          const n = parseNumber(e.target.value);
          if (n !== undefined || (optional && e.target.value.trim() === '')) edit((d) => apply(d, n), group);
        }}
      />
    </Labelled>
  );
}

export function SelectField<V extends string>({
  label,
  value,
  choices,
  group,
  apply,
}: FieldProps<V> & { choices: readonly { value: V; label: string }[] }) {
  const edit = useEdit();
  return (
    <Labelled label={label}>
      <select value={value} onChange={(e) => edit((d) => apply(d, e.target.value as V), group)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

/**
 * An id: renamed when the field is left or Enter pressed (not per keystroke: every intermediate id would be a rename
 * in the history), with every reference to it. A taken or malformed id is refused with the reason.
 */
export function IdField({ kind, id, label }: { kind: IdKind; id: string; label?: ReactNode }) {
  const { t } = useTranslation();
  const edit = useEdit();
  const hintId = useId();
  const [text, setText] = useState(id);
  const [seen, setSeen] = useState(id);
  const [problem, setProblem] = useState<string>();
  if (seen !== id) {
    setSeen(id);
    setText(id);
  }
  const commit = () => {
    if (text === id) return setProblem(undefined);
    let wrong: string | undefined;
    edit((d) => {
      const p = idProblem(d, kind, text);
      if (p === undefined) return renameId(d, kind, id, text);
      wrong = t(
        p === 'taken'
          ? 'catalogDraft.rename.taken'
          : `catalogDraft.rename.${kind === 'attribute' ? 'patternAttr' : 'pattern'}`,
      );
      return d;
    });
    setProblem(wrong);
  };
  return (
    <Labelled
      label={label ?? t('catalogDraft.field.id')}
      hint={
        <small
          id={hintId}
          className={problem ? 'field-error' : 'field-hint'}
          role={problem ? 'alert' : undefined}
        >
          {problem ?? t('catalogDraft.rename.hint')}
        </small>
      }
    >
      <input
        className="mono"
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={hintId}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setText(id);
            setProblem(undefined);
          }
        }}
      />
    </Labelled>
  );
}
