import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { StaffFrame } from '../ui/staff-frame.tsx';
import { ContinuePage } from './configure/index.ts';
import { CustomerPage } from './customer/customer-page.tsx';
import { FindPage } from './find/find-page.tsx';
import { ApprovalsLink } from './approvals/approvals-link.tsx';
import { ApprovalsPage } from './approvals/approvals-page.tsx';
import { NewQuotePage } from './quote/new-quote-page.tsx';
import { QuotePage } from './quote/quote-page.tsx';
import './store.css';

const storeRoles = new Set(['sales', 'store_manager']);

/**
 * The in-store sales console at `/store`: staff land here after signing in. Anyone else is sent to sign in, or
 * told the console is not theirs. Store managers also find the approvals waiting for them.
 */
export function StoreApp() {
  const { t } = useTranslation();
  return (
    <StaffFrame
      texts="store"
      surface="store"
      home="/store"
      homeLabel={t('store.nav.customers')}
      allows={(role) => storeRoles.has(role)}
      moreNav={(me) => me.user.role === 'store_manager' && <ApprovalsLink />}
    >
      <Routes>
        <Route index element={<FindPage />} />
        <Route path="customers/:customerId" element={<CustomerPage />} />
        <Route path="customers/:customerId/configure/:catalogId" element={<ContinuePage />} />
        <Route path="customers/:customerId/quotes/new" element={<NewQuotePage />} />
        <Route path="customers/:customerId/quotes/:quoteId" element={<QuotePage />} />
        <Route path="approvals" element={<ApprovalsPage />} />
      </Routes>
    </StaffFrame>
  );
}
