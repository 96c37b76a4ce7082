import { useId, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { RULE_ID } from '../../core/catalog/rule-check.ts';
import { ProblemsAt } from './problems.tsx';
import { useRule } from './rule-context.ts';

/**
 * The rule's id, committed only while it is well formed and free: ids key translations and explanations, so a half
 * typed or taken id stays in the field (with its problem) instead of reaching the draft.
 */
export function RuleIdField(props: { id: string; taken: readonly string[]; onChange: (id: string) => void }) {
  const { w } = useRule();
  const hint = useId();
  const schema = useMemo(
    () =>
      z.object({
        id: z
          .string()
          .max(80, 'idFormat')
          .regex(RULE_ID, 'idFormat')
          .refine((id) => !props.taken.includes(id), 'idTaken'),
      }),
    [props.taken],
  );
  const { register, formState } = useForm({
    resolver: zodResolver(schema),
    mode: 'onChange',
    values: { id: props.id },
  });
  const error = formState.errors.id?.message;
  const field = register('id', {
    onChange: (e: { target: { value: string } }) => {
      const next = e.target.value;
      if (schema.safeParse({ id: next }).success) props.onChange(next);
    },
  });
  return (
    <div className="rule-id">
      <label htmlFor={`${hint}-id`}>{w.t('id')}</label>
      <input
        {...field}
        id={`${hint}-id`}
        aria-invalid={error ? true : undefined}
        aria-describedby={hint}
        spellCheck={false}
      />
      <small id={hint}>{error ? `⚠ ${w.t(`problem.${error}`)}` : w.t('idHint')}</small>
      <ProblemsAt path="id" />
    </div>
  );
}
