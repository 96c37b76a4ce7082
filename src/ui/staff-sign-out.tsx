import { useTranslation } from 'react-i18next';
import { useSignOut, useSignOutEverywhere } from './api/auth.ts';

/**
 * The staff surfaces' sign-out: this browser, or every device at once (a counter computer left signed in, a lost
 * tablet). Both end in the sign-in page, as the identity switches to nobody.
 */
export function StaffSignOut({ label }: { label: string }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const everywhere = useSignOutEverywhere();
  const busy = signOut.isPending || everywhere.isPending;
  return (
    <>
      {(signOut.isError || everywhere.isError) && (
        <span role="alert" className="notice notice-error">
          {t('account.devices.failed')}
        </span>
      )}
      <button type="button" className="header-button" onClick={() => signOut.mutate()} disabled={busy}>
        {label}
      </button>
      <button
        type="button"
        className="header-button"
        title={t('account.devices.lead')}
        onClick={() => everywhere.mutate()}
        disabled={busy}
      >
        {everywhere.isPending ? t('account.devices.busy') : t('account.devices.signOutEverywhere')}
      </button>
    </>
  );
}
