import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { findingKey, type DraftCheckResponse } from '../../contract/catalog-admin.schema.ts';
import { hasErrors } from '../../core/catalog-check/finding.ts';
import { FindingsList } from './findings-list.tsx';
import { effectiveAtOf, publishFormSchema, type PublishFormInput } from './publish-form-schema.ts';

export interface PublishRequest {
  note: string;
  effectiveAt?: string;
  acknowledged: string[];
}

/**
 * The check's findings with their acknowledgements, the note and the date, and the publish button: disabled while
 * any finding is an error. Keyed by the checked revision, so a re-run check starts with nothing acknowledged.
 */
export function PublishForm({
  check,
  busy,
  onPublish,
}: {
  check: DraftCheckResponse;
  busy: boolean;
  onPublish: (request: PublishRequest) => void;
}) {
  const { t } = useTranslation();
  const warnings = useMemo(
    () => check.findings.filter((f) => f.severity === 'warning').map(findingKey),
    [check.findings],
  );
  const blocked = hasErrors(check.findings) || check.issues.length > 0;
  const form = useForm<PublishFormInput>({
    resolver: zodResolver(publishFormSchema(warnings, () => new Date())),
    defaultValues: { note: '', when: 'now', effectiveAt: '', acknowledged: [] },
  });
  const { errors } = form.formState;
  const when = form.watch('when');
  const error = (message: string | undefined) =>
    message && (
      <span role="alert" className="field-error">
        {t(`catalogAdmin.publish.errors.${message}`)}
      </span>
    );
  return (
    <form
      className="publish-form"
      noValidate
      onSubmit={(e) =>
        void form.handleSubmit((values) =>
          onPublish({
            note: values.note.trim(),
            effectiveAt: effectiveAtOf(values),
            acknowledged: values.acknowledged,
          }),
        )(e)
      }
    >
      <section className="panel" aria-labelledby="publish-findings">
        <h2 id="publish-findings">{t('catalogAdmin.publish.findings')}</h2>
        {check.issues.length > 0 && (
          <ul className="notice notice-error problem-list">
            {check.issues.map((issue) => (
              <li key={`${issue.path}-${issue.message}`}>
                <code>{issue.path}</code> {issue.message}
              </li>
            ))}
          </ul>
        )}
        <Controller
          control={form.control}
          name="acknowledged"
          render={({ field }) => (
            <FindingsList
              findings={check.findings}
              acknowledged={field.value}
              onToggle={(key, checked) =>
                field.onChange(checked ? [...field.value, key] : field.value.filter((k) => k !== key))
              }
            />
          )}
        />
        {error(errors.acknowledged?.message)}
      </section>
      <section className="panel" aria-labelledby="publish-when">
        <h2 id="publish-when">{t('catalogAdmin.publish.noteAndDate')}</h2>
        <label className="field">
          {t('catalogAdmin.publish.note')}
          <textarea rows={3} aria-invalid={!!errors.note} {...form.register('note')} />
          {error(errors.note?.message)}
        </label>
        <fieldset>
          <legend>{t('catalogAdmin.publish.when')}</legend>
          <label className="choice">
            <input type="radio" value="now" {...form.register('when')} />
            {t('catalogAdmin.publish.now')}
          </label>
          <label className="choice">
            <input type="radio" value="later" {...form.register('when')} />
            {t('catalogAdmin.publish.later')}
          </label>
          {when === 'later' && (
            <label className="field nested">
              {t('catalogAdmin.publish.effectiveAt')}
              <input
                type="datetime-local"
                aria-invalid={!!errors.effectiveAt}
                {...form.register('effectiveAt')}
              />
              {error(errors.effectiveAt?.message)}
            </label>
          )}
        </fieldset>
      </section>
      {blocked && (
        <p role="status" className="notice notice-error">
          {t('catalogAdmin.publish.blocked')}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={blocked || busy}>
          {busy
            ? t('catalogAdmin.publish.publishing')
            : when === 'later'
              ? t('catalogAdmin.publish.schedule')
              : t('catalogAdmin.publish.publishNow')}
        </button>
      </div>
    </form>
  );
}
