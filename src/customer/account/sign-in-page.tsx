import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../ui/api-client.ts';
import { useMe, useSignIn } from '../../ui/api/auth.ts';
import { Field } from './form-field.tsx';
import { issuesByField, safeNext } from './form-errors.ts';
import './account.css';

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  // The mail that says an address has an account links here with it filled in.
  const [email, setEmail] = useState(() => params.get('email') ?? '');
  const [password, setPassword] = useState('');

  // Already signed in (e.g. the back button after signing in): go on rather than ask again.
  if (me.data && !signIn.isSuccess) return <Navigate to={next} replace />;

  const wrong = signIn.error instanceof ApiError && signIn.error.code === 'invalid_credentials';
  const locked =
    signIn.error instanceof ApiError && signIn.error.code === 'too_many_requests'
      ? minutesOf(signIn.error)
      : undefined;
  const { fields, general } = issuesByField(signIn.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate(
      { email: email.trim(), password },
      { onSuccess: () => void navigate(next, { replace: true }) },
    );
  }

  return (
    <section className="auth-page" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('account.signIn.title')}</h1>
      <p className="lead">{t('account.signIn.lead')}</p>
      <form className="auth-form" onSubmit={submit} noValidate>
        {(wrong || locked !== undefined || general) && (
          <div role="alert" className="notice notice-error">
            {wrong
              ? t('account.signIn.wrong')
              : locked !== undefined
                ? t('account.signIn.locked', { count: locked })
                : general}
          </div>
        )}
        <Field
          id="sign-in-email"
          label={t('account.fields.email')}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
        />
        <Field
          id="sign-in-password"
          label={t('account.fields.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <button type="submit" className="button" disabled={signIn.isPending}>
          {signIn.isPending ? t('account.signIn.busy') : t('account.signIn.submit')}
        </button>
      </form>
      <p>
        {t('account.signIn.new')}{' '}
        <Link className="primary-link" to={`/sign-up?${new URLSearchParams({ next }).toString()}`}>
          {t('account.signUp.link')}
        </Link>
      </p>
    </section>
  );
}

/** Whole minutes (at least one) of a 429's Retry-After, which the server also sends in the error's details. */
function minutesOf(error: ApiError): number {
  const seconds = Number(error.details.retryAfterSeconds ?? 60);
  return Math.max(1, Math.ceil(seconds / 60));
}
