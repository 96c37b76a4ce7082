import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isPasswordOfEmail, MIN_PASSWORD } from '../../contract/auth.schema.ts';
import { languageOf } from '../../contract/language.schema.ts';
import { ApiError } from '../../ui/api-client.ts';
import { useMe, useSignUp } from '../../ui/api/auth.ts';
import { CheckYourEmail } from './check-your-email.tsx';
import { Field } from './form-field.tsx';
import { issuesByField, safeNext } from './form-errors.ts';
import './account.css';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Form = {
  name: string;
  email: string;
  password: string;
  phone: string;
  birthday: string;
  claimCode: string;
};

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const me = useMe();
  const signUp = useSignUp();
  // A walk-in's quote links here with `?claim=CODE`: the code is filled in for them.
  const [form, setForm] = useState<Form>(() => ({
    name: '',
    email: '',
    password: '',
    phone: '',
    birthday: '',
    claimCode: params.get('claim') ?? '',
  }));
  // The browser's own checks are off (noValidate) so every message is in the page's language and place.
  const [checked, setChecked] = useState<Partial<Record<keyof Form, string>>>({});

  if (me.data && !signUp.isSuccess) return <Navigate to={next} replace />;
  if (signUp.data && 'status' in signUp.data)
    return <CheckYourEmail pending={signUp.data} onAgain={() => signUp.reset()} />;

  const server = issuesByField(signUp.error);
  const badCode = signUp.error instanceof ApiError && signUp.error.code === 'claim_code_invalid';
  const common = signUp.error instanceof ApiError && signUp.error.code === 'password_common';
  const errorOf = (field: keyof Form) =>
    checked[field] ??
    (field === 'claimCode' && badCode
      ? t('account.signUp.claimInvalid')
      : field === 'password' && common
        ? t('account.signUp.commonPassword')
        : server.fields[field]);
  const set = (field: keyof Form) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [field]: e.target.value }));
    setChecked(({ [field]: _fixed, ...rest }) => rest);
  };

  function validate(): Partial<Record<keyof Form, string>> {
    const problems: Partial<Record<keyof Form, string>> = {};
    if (!form.name.trim()) problems.name = t('account.signUp.needName');
    if (!EMAIL.test(form.email.trim())) problems.email = t('account.signUp.needEmail');
    if (form.password.length < MIN_PASSWORD) problems.password = t('account.signUp.shortPassword');
    else if (isPasswordOfEmail(form.password, form.email))
      problems.password = t('account.signUp.passwordIsEmail');
    return problems;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = validate();
    setChecked(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      event.currentTarget.querySelector<HTMLInputElement>(`#sign-up-${first}`)?.focus();
      return;
    }
    signUp.mutate(
      {
        name: form.name.trim(),
        email: form.email.trim(),
        password: form.password,
        phone: form.phone.trim(),
        birthday: form.birthday || null,
        ...(form.claimCode.trim() ? { claimCode: form.claimCode.trim() } : {}),
        language: languageOf(i18n.language),
        next,
      },
      {
        // A session (the address's own password): straight on; otherwise the page says to check the e-mail.
        onSuccess: (answer) => {
          if ('user' in answer) void navigate(next, { replace: true });
        },
        // Take the customer to what the server refused, as for the page's own checks.
        onError: (error) => {
          const field =
            error instanceof ApiError && error.code === 'claim_code_invalid'
              ? 'claimCode'
              : Object.keys(issuesByField(error).fields)[0];
          if (field) document.getElementById(`sign-up-${field}`)?.focus();
        },
      },
    );
  }

  const general = !badCode && server.general;
  return (
    <section className="auth-page" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">{t('account.signUp.title')}</h1>
      <p className="lead">{t('account.signUp.lead')}</p>
      <form className="auth-form" onSubmit={submit} noValidate>
        {general && (
          <div role="alert" className="notice notice-error">
            {general}
          </div>
        )}
        <Field
          id="sign-up-name"
          label={t('account.fields.name')}
          autoComplete="name"
          required
          value={form.name}
          onChange={set('name')}
          error={errorOf('name')}
        />
        <Field
          id="sign-up-email"
          label={t('account.fields.email')}
          type="email"
          autoComplete="email"
          required
          value={form.email}
          onChange={set('email')}
          error={errorOf('email')}
        />
        <Field
          id="sign-up-password"
          label={t('account.fields.password')}
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD}
          value={form.password}
          onChange={set('password')}
          hint={t('account.signUp.passwordHint')}
          error={errorOf('password')}
        />
        <Field
          id="sign-up-phone"
          label={t('account.fields.phoneOptional')}
          type="tel"
          autoComplete="tel"
          value={form.phone}
          onChange={set('phone')}
          hint={t('account.signUp.phoneHint')}
          error={errorOf('phone')}
        />
        <Field
          id="sign-up-birthday"
          label={t('account.fields.birthdayOptional')}
          type="date"
          // A birthday is in the past; the picker need not offer the future.
          max={new Date().toISOString().slice(0, 10)}
          autoComplete="bday"
          value={form.birthday}
          onChange={set('birthday')}
          hint={t('account.signUp.birthdayHint')}
          error={errorOf('birthday')}
        />
        <Field
          id="sign-up-claimCode"
          label={t('account.signUp.claimCode')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={form.claimCode}
          onChange={set('claimCode')}
          hint={t('account.signUp.claimHint')}
          error={errorOf('claimCode')}
        />
        <button type="submit" className="button" disabled={signUp.isPending}>
          {signUp.isPending ? t('account.signUp.busy') : t('account.signUp.submit')}
        </button>
      </form>
      <p>
        {t('account.signUp.haveOne')}{' '}
        <Link className="primary-link" to={`/sign-in?${new URLSearchParams({ next }).toString()}`}>
          {t('account.signIn.link')}
        </Link>
      </p>
    </section>
  );
}
