import { useTranslation } from 'react-i18next';
import { useSignOutEverywhere } from '../../ui/api/auth.ts';

/** Ends the customer's sessions on every device (a shared computer, a lost phone), this one included. */
export function SignOutEverywhere() {
  const { t } = useTranslation();
  const signOut = useSignOutEverywhere();
  return (
    <section aria-labelledby="devices-title">
      <h2 id="devices-title">{t('account.devices.title')}</h2>
      <p className="muted">{t('account.devices.lead')}</p>
      {signOut.isError && (
        <p role="alert" className="notice notice-error">
          {t('account.devices.failed')}
        </p>
      )}
      <button
        type="button"
        className="button secondary"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        {signOut.isPending ? t('account.devices.busy') : t('account.devices.signOutEverywhere')}
      </button>
    </section>
  );
}
