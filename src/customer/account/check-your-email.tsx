import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SignUpPending } from '../../contract/auth.schema.ts';

/**
 * What the sign-up form shows once sent: the same for a new address and for one with an account (the mail says
 * which), so the page tells nobody who is a customer.
 */
export function CheckYourEmail({ pending, onAgain }: { pending: SignUpPending; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="auth-page" aria-labelledby="check-email-title">
      <h1 id="check-email-title">{t('signUpMail.sentTitle')}</h1>
      <p role="status" className="notice">
        {t('signUpMail.sent', { email: pending.email })}
      </p>
      {pending.mailbox && (
        <p>
          {t('signUpMail.sentDemo')}{' '}
          <Link className="primary-link" to={pending.mailbox}>
            {t('signUpMail.openMailbox')}
          </Link>
        </p>
      )}
      <button type="button" className="button secondary" onClick={onAgain}>
        {t('signUpMail.again')}
      </button>
    </section>
  );
}
