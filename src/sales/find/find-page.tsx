import { useTranslation } from 'react-i18next';
import { CustomerSearch } from './customer-search.tsx';
import { RecentCustomers } from './recent-customers.tsx';
import { WalkInForm } from './walk-in-form.tsx';
import './find.css';

/** The console's start (`/store`): find the customer in front of you, go back to one just served, or register them. */
export function FindPage() {
  const { t } = useTranslation();
  return (
    <div className="find-page">
      <h1>{t('storeFind.title')}</h1>
      <div className="find-grid">
        <div className="find-main">
          <CustomerSearch />
          <RecentCustomers />
        </div>
        <WalkInForm />
      </div>
    </div>
  );
}
