import { useTranslation } from 'react-i18next';
import { Checkouts } from './checkouts.tsx';
import { SavedBuilds } from './saved-builds.tsx';
import { SignOutEverywhere } from './sign-out-everywhere.tsx';
import { useAccountMe } from './account-outlet.ts';

/** The customer's home: who they are, what we offer them, what they saved, asked for and bought. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useAccountMe();
  const customer = me.customer;
  return (
    <>
      <section aria-labelledby="account-title">
        <h1 id="account-title">{t('account.greeting', { name: me.user.name })}</h1>
        <p className="lead">
          {t('account.customerNumber', { number: customer?.customerNumber ?? '' })} · {me.user.email}
        </p>
      </section>
      <section aria-labelledby="offers-title">
        <h2 id="offers-title">{t('account.offers.title')}</h2>
        {me.birthdayMonth && (
          <p className="notice offer-birthday">
            <span aria-hidden="true">🎂 </span>
            {t('account.offers.birthday')}
          </p>
        )}
        {me.offers.length === 0 ? (
          <p className="muted">{t('account.offers.none')}</p>
        ) : (
          <ul className="offer-list">
            {me.offers.map((offer) => (
              <li key={offer.id} className="offer">
                <span className="offer-percent">
                  {t('account.offers.percent', { percent: offer.percent })}
                </span>
                <span>{offer.label}</span>
              </li>
            ))}
          </ul>
        )}
        {me.offers.length > 0 && <p className="muted">{t('account.offers.applied')}</p>}
        {!customer?.birthday && <p className="muted">{t('account.offers.noBirthday')}</p>}
      </section>
      <SavedBuilds />
      <Checkouts />
      <SignOutEverywhere />
    </>
  );
}
