import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../ui/api-client.ts';
import { useRegisterWalkIn } from './api.ts';
import { customerPath } from './customer-search.tsx';

type Form = { name: string; email: string; phone: string };
type Problems = Partial<Record<keyof Form, string>>;
const empty: Form = { name: '', email: '', phone: '' };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Registers someone who came in without an account: a name and an e-mail or a phone. Shows the claim code for
 * their quote once; when the e-mail or phone belongs to a customer already, offers to open that record instead.
 */
export function WalkInForm() {
  const { t } = useTranslation();
  const id = useId();
  const register = useRegisterWalkIn();
  const [form, setForm] = useState<Form>(empty);
  // The browser's own checks are off (noValidate) so every message is in the console's language and place.
  const [problems, setProblems] = useState<Problems>({});

  const existing =
    register.error instanceof ApiError && register.error.code === 'already_customer'
      ? register.error.details.customerId
      : undefined;
  const serverField = (field: keyof Form) =>
    register.error instanceof ApiError && !existing
      ? register.error.issues.find((i) => i.path.replace(/^body\.?/, '').startsWith(field))?.message
      : undefined;
  const errorOf = (field: keyof Form) => problems[field] ?? serverField(field);

  function validate(): Problems {
    const found: Problems = {};
    if (!form.name.trim()) found.name = t('storeFind.walkIn.needName');
    const email = form.email.trim();
    if (email && !EMAIL.test(email)) found.email = t('storeFind.walkIn.badEmail');
    else if (!email && !/\d/.test(form.phone)) found.email = t('storeFind.walkIn.needContact');
    return found;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate();
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    register.mutate({ name: form.name.trim(), email: form.email.trim(), phone: form.phone.trim() });
  }

  if (register.isSuccess) {
    const { customer, claimCode } = register.data;
    return (
      <section className="card walk-in" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('storeFind.walkIn.title')}</h2>
        <p role="status">{t('storeFind.walkIn.done', { name: customer.name })}</p>
        <p className="claim-code-label">{t('storeFind.walkIn.code')}</p>
        <p className="claim-code" data-testid="claim-code">
          {claimCode}
        </p>
        <p className="hint">{t('storeFind.walkIn.codeHint')}</p>
        <div className="walk-in-actions">
          <Link className="button" to={customerPath(customer.id)}>
            {t('storeFind.walkIn.open', { name: customer.name })}
          </Link>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setForm(empty);
              register.reset();
            }}
          >
            {t('storeFind.walkIn.another')}
          </button>
        </div>
      </section>
    );
  }

  const field = (name: keyof Form, type: string, autoComplete: string, hint?: string) => {
    const error = errorOf(name);
    const describedBy = [error && `${id}-${name}-error`, hint && `${id}-${name}-hint`]
      .filter(Boolean)
      .join(' ');
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{t(`storeFind.walkIn.${name}`)}</label>
        <input
          id={`${id}-${name}`}
          type={type}
          autoComplete={autoComplete}
          value={form[name]}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => {
            setForm((f) => ({ ...f, [name]: e.target.value }));
            // Contact problems concern both fields: fixing either clears them.
            // A contact problem concerns both fields: typing a phone clears the e-mail's too.
            setProblems((p) =>
              Object.fromEntries(
                Object.entries(p).filter(([k]) => k !== name && !(name === 'phone' && k === 'email')),
              ),
            );
          }}
        />
        {hint && (
          <p id={`${id}-${name}-hint`} className="field-hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-${name}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };

  const issues = register.error instanceof ApiError ? register.error.issues : [];
  const general =
    register.isError && !existing && issues.length === 0
      ? t('storeFind.walkIn.failed', { message: register.error.message })
      : undefined;

  return (
    <section className="card walk-in" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('storeFind.walkIn.title')}</h2>
      <p className="hint">{t('storeFind.walkIn.lead')}</p>
      <form onSubmit={submit} noValidate>
        {existing && (
          <div role="alert" className="notice">
            {t('storeFind.walkIn.exists')}{' '}
            <Link to={customerPath(String(existing))}>{t('storeFind.walkIn.openExisting')}</Link>
          </div>
        )}
        {general && (
          <div role="alert" className="notice notice-error">
            {general}
          </div>
        )}
        {field('name', 'text', 'off')}
        {field('email', 'email', 'off', t('storeFind.walkIn.contactHint'))}
        {field('phone', 'tel', 'off')}
        <button type="submit" className="button" disabled={register.isPending}>
          {register.isPending ? t('storeFind.walkIn.busy') : t('storeFind.walkIn.submit')}
        </button>
      </form>
    </section>
  );
}
