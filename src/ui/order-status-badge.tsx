import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../core/orders/status.ts';

/** An order's status as a badge, on the customer's account and in the console alike. */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return <span className={`order-status order-status-${status}`}>{t(`orderStatus.${status}`)}</span>;
}
