import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../core/orders/status.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { OrderStatusBadge } from '../../ui/order-status-badge.tsx';
import { useMoveOrder } from './order-status-api.ts';

interface Props {
  customerId: string;
  order: { id: string; status: OrderStatus; next: OrderStatus[]; label: string };
}

/**
 * An order's status and the moves staff may make from it (mark paid, mark delivered, cancel), each confirmed first:
 * a move is not taken back, and paying one changes the customer's value and tier.
 */
export function OrderStatusControl({ customerId, order }: Props) {
  const { t } = useTranslation();
  const move = useMoveOrder(customerId);
  const [asked, setAsked] = useState<OrderStatus | null>(null);
  const close = () => {
    setAsked(null);
    move.reset();
  };
  return (
    <div className="order-status-control">
      <OrderStatusBadge status={order.status} />
      {order.next.map((to) => (
        <button
          key={to}
          type="button"
          className={to === 'cancelled' ? 'button secondary' : 'button'}
          aria-label={t(`storeGlance.orders.moveLabel.${to}`, { order: order.label })}
          onClick={() => setAsked(to)}
        >
          {t(`storeGlance.orders.move.${to}`)}
        </button>
      ))}
      <ConfirmDialog
        open={asked !== null}
        title={asked ? t(`storeGlance.orders.confirm.${asked}`, { order: order.label }) : ''}
        confirm={asked ? t(`storeGlance.orders.move.${asked}`) : ''}
        cancel={t('storeGlance.orders.keep')}
        busy={move.isPending}
        onCancel={close}
        onConfirm={() => {
          if (asked) move.mutate({ orderId: order.id, to: asked }, { onSuccess: () => setAsked(null) });
        }}
      >
        <p>{asked ? t(`storeGlance.orders.consequence.${asked}`) : ''}</p>
        {move.error && (
          <p role="alert" className="notice notice-error">
            {t('storeGlance.orders.failed', { message: move.error.message })}
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
