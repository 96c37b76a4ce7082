import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../ui/api-client.ts';
import { useConfirmSignUp } from '../../ui/api/auth.ts';
import { safeNext } from './form-errors.ts';
import './account.css';

/** Where a mailed sign-up link lands: it creates the account, signs this browser in and goes on. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const confirm = useConfirmSignUp();
  const token = params.get('token') ?? '';
  const next = safeNext(params.get('next'));
  // A link works once: React's development double effects, or a re-render, must not send it twice.
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    confirm.mutate(token, { onSuccess: () => void navigate(next, { replace: true }) });
  }, [confirm, navigate, next, token]);

  const error = confirm.error;
  const reason =
    error instanceof ApiError && error.code === 'email_taken'
      ? t('signUpMail.linkTaken')
      : error instanceof ApiError && error.status === 400
        ? t('signUpMail.linkInvalid')
        : error
          ? t('signUpMail.confirmFailed', { reason: error.message })
          : null;
  return (
    <section className="auth-page" aria-labelledby="confirm-title">
      <h1 id="confirm-title">{t('account.signUp.title')}</h1>
      {reason ? (
        <>
          <p role="alert" className="notice notice-error">
            {reason}
          </p>
          <p>
            {error instanceof ApiError && error.code === 'email_taken' ? (
              <Link className="primary-link" to="/sign-in">
                {t('account.signIn.link')}
              </Link>
            ) : (
              <Link className="primary-link" to="/sign-up">
                {t('signUpMail.signUpAgain')}
              </Link>
            )}
          </p>
        </>
      ) : (
        <p role="status">{t('signUpMail.confirming')}</p>
      )}
    </section>
  );
}
