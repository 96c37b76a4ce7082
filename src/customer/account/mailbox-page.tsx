import { useTranslation } from 'react-i18next';
import { ApiError } from '../../ui/api-client.ts';
import { useMailbox } from '../../ui/api/auth.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { useDateFormat } from './date-format.ts';
import './account.css';

/**
 * The demo mailbox (MAILBOX_VIEW): the local demo sends no mail, so a visitor who signs up opens their link here.
 * The server answers 404 when it is off, as in production.
 */
export function MailboxPage() {
  const { t } = useTranslation();
  const mailbox = useMailbox();
  const { moment } = useDateFormat();
  const off = mailbox.error instanceof ApiError && mailbox.error.status === 404;
  return (
    <section className="auth-page mailbox-page" aria-labelledby="mailbox-title">
      <h1 id="mailbox-title">{t('signUpMail.mailboxTitle')}</h1>
      <p className="lead">{t('signUpMail.mailboxLead')}</p>
      {off ? (
        <p className="notice">{t('signUpMail.mailboxOff')}</p>
      ) : (
        <QueryState isPending={mailbox.isPending} error={mailbox.error}>
          {() => {
            const mails = mailbox.data?.mails ?? [];
            return mails.length === 0 ? (
              <p>{t('signUpMail.mailboxEmpty')}</p>
            ) : (
              <ol className="mailbox-list">
                {mails.map((mail) => (
                  <li key={mail.id} className="mailbox-mail">
                    <article aria-label={mail.subject}>
                      <h2>{mail.subject}</h2>
                      <p className="mailbox-meta">
                        {t('signUpMail.to')}: <strong>{mail.to}</strong> · {t('signUpMail.sentAt')}:{' '}
                        {moment(mail.createdAt)}
                      </p>
                      <p className="mailbox-body">{mail.body}</p>
                      <a className="button" href={mail.link}>
                        {t('signUpMail.openLink')}
                      </a>
                    </article>
                  </li>
                ))}
              </ol>
            );
          }}
        </QueryState>
      )}
    </section>
  );
}
