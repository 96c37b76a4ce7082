/** The in-store sales console (src/sales/), in every language of resources.ts. */
export const storeTexts = {
  en: {
    brand: 'Store console',
    nav: { label: 'Console', customers: 'Customers', approvals: 'Approvals', waiting: '{{count}} waiting' },
    signOut: 'Sign out',
    signedInAs: '{{name}}, {{role}}',
    staffOnly: 'The store console is for sales staff and store managers. You are signed in as {{role}}.',
    toShop: 'Go to the shop',
    customers: { title: 'Customers' },
  },
  de: {
    brand: 'Filialkonsole',
    nav: { label: 'Konsole', customers: 'Kunden', approvals: 'Freigaben', waiting: '{{count}} offen' },
    signOut: 'Abmelden',
    signedInAs: '{{name}}, {{role}}',
    staffOnly: 'Die Filialkonsole ist für Verkauf und Filialleitung. Sie sind als {{role}} angemeldet.',
    toShop: 'Zum Shop',
    customers: { title: 'Kunden' },
  },
  zh: {
    brand: '门店控制台',
    nav: { label: '控制台', customers: '顾客', approvals: '审批', waiting: '{{count}} 项待审批' },
    signOut: '退出',
    signedInAs: '{{name}}，{{role}}',
    staffOnly: '门店控制台仅供销售人员和店长使用。您当前的身份是{{role}}。',
    toShop: '前往商店',
    customers: { title: '顾客' },
  },
};
