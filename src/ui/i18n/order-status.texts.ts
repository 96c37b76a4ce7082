/** An order's status as customers and staff read it (core/orders/status.ts): one source for the badge. */
export const orderStatusTexts = {
  en: { placed: 'Placed', paid: 'Paid', delivered: 'Delivered', cancelled: 'Cancelled' },
  de: { placed: 'Bestellt', paid: 'Bezahlt', delivered: 'Geliefert', cancelled: 'Storniert' },
  zh: { placed: '已下单', paid: '已付款', delivered: '已交付', cancelled: '已取消' },
};
