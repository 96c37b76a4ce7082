/**
 * The quote PDF's own words (issue 17 §8), in every language it is printed in. Catalog words (slots, options, price
 * rules) come from the catalog's texts; these are the page's frame: headings, the discount's explanation, the links.
 * `{name}` placeholders are filled by `fill`.
 */

export const pdfLanguages = ['en', 'de', 'zh'] as const;
export type PdfLanguage = (typeof pdfLanguages)[number];

/** The locale each language formats money and dates in (the same as the web app's). */
export const pdfLocales: Record<PdfLanguage, string> = { en: 'en-IE', de: 'de-DE', zh: 'zh-CN' };

const en = {
  company: {
    name: 'Modulo·Configure',
    tagline: 'Build one that is yours',
  },
  title: 'Quote',
  number: 'Quote {number}, revision {revision}',
  customer: 'Customer',
  customerNumber: 'Customer no. {number}',
  date: 'Date',
  validUntil: 'Valid until {date}',
  validNote:
    'This quote holds its price until that date; after it the build is priced on the current catalog.',
  expiredOn: 'Expired on {date}',
  expiredNote: 'This quote no longer holds its price: ordering now prices the build on the current catalog.',
  catalog: '{name}, catalog version {version}',
  build: 'Your build',
  columns: { slot: 'Item', option: 'Choice', quantity: 'Qty', amount: 'Price' },
  included: 'included',
  base: 'Base price',
  surcharges: 'Surcharges and discounts',
  subtotal: 'Your price before the store discount',
  total: 'Total',
  lines: {
    staff: 'Store discount ({percent})',
    birthday: 'Birthday discount',
    offer: 'Customer offer',
  },
  discount: {
    approved: 'Discount of {percent} approved by {name} ({role}) on {date}.',
    granted: 'Discount of {percent} granted by {name} ({role}) within their authority.',
  },
  roles: { sales: 'Sales', store_manager: 'Store manager', catalog: 'Catalog', customer: 'Customer' },
  continue: {
    title: 'Continue online',
    link: 'Open this build on our website and change it whenever you like:',
    claim: 'Your customer code',
    claimHow: 'Sign up with this code to see this quote and your builds in your own account:',
  },
  pricesNote: 'All prices in {currency}, including VAT.',
  page: 'Page {page} of {pages}',
  picture: 'Picture: {name}',
};

export type QuotePdfTexts = typeof en;

const de: QuotePdfTexts = {
  company: {
    name: 'Modulo·Configure',
    tagline: 'Bauen Sie sich Ihr eigenes',
  },
  title: 'Angebot',
  number: 'Angebot {number}, Revision {revision}',
  customer: 'Kunde',
  customerNumber: 'Kundennr. {number}',
  date: 'Datum',
  validUntil: 'Gültig bis {date}',
  validNote:
    'Der Angebotspreis gilt bis zu diesem Datum; danach wird die Konfiguration zum aktuellen Katalog berechnet.',
  expiredOn: 'Abgelaufen am {date}',
  expiredNote: 'Der Angebotspreis gilt nicht mehr: eine Bestellung wird zum aktuellen Katalog berechnet.',
  catalog: '{name}, Katalogversion {version}',
  build: 'Ihre Konfiguration',
  columns: { slot: 'Position', option: 'Auswahl', quantity: 'Menge', amount: 'Preis' },
  included: 'inklusive',
  base: 'Grundpreis',
  surcharges: 'Aufpreise und Nachlässe',
  subtotal: 'Ihr Preis vor dem Filialrabatt',
  total: 'Gesamt',
  lines: {
    staff: 'Filialrabatt ({percent})',
    birthday: 'Geburtstagsrabatt',
    offer: 'Kundenangebot',
  },
  discount: {
    approved: 'Rabatt von {percent} genehmigt von {name} ({role}) am {date}.',
    granted: 'Rabatt von {percent} gewährt von {name} ({role}) im Rahmen der eigenen Befugnis.',
  },
  roles: { sales: 'Verkauf', store_manager: 'Filialleitung', catalog: 'Katalog', customer: 'Kunde' },
  continue: {
    title: 'Online weitermachen',
    link: 'Öffnen Sie diese Konfiguration auf unserer Website und ändern Sie sie, wann Sie möchten:',
    claim: 'Ihr Kundencode',
    claimHow:
      'Registrieren Sie sich mit diesem Code, um Angebot und Konfigurationen in Ihrem Konto zu sehen:',
  },
  pricesNote: 'Alle Preise in {currency} inkl. MwSt.',
  page: 'Seite {page} von {pages}',
  picture: 'Abbildung: {name}',
};

const zh: QuotePdfTexts = {
  company: {
    name: 'Modulo·Configure',
    tagline: '打造属于你的那一款',
  },
  title: '报价单',
  number: '报价单 {number}，第 {revision} 版',
  customer: '客户',
  customerNumber: '客户编号 {number}',
  date: '日期',
  validUntil: '有效期至 {date}',
  validNote: '本报价在此日期前价格不变；此后将按当前目录重新计价。',
  expiredOn: '已于 {date} 过期',
  expiredNote: '本报价的价格已失效：现在下单将按当前目录计价。',
  catalog: '{name}，目录版本 {version}',
  build: '您的配置',
  columns: { slot: '项目', option: '选择', quantity: '数量', amount: '价格' },
  included: '已包含',
  base: '基础价格',
  surcharges: '附加费与折扣',
  subtotal: '门店折扣前的价格',
  total: '总计',
  lines: {
    staff: '门店折扣（{percent}）',
    birthday: '生日折扣',
    offer: '客户优惠',
  },
  discount: {
    approved: '{percent} 的折扣由{name}（{role}）于 {date} 批准。',
    granted: '{percent} 的折扣由{name}（{role}）在其权限内给予。',
  },
  roles: { sales: '销售顾问', store_manager: '门店经理', catalog: '目录管理', customer: '客户' },
  continue: {
    title: '在线继续',
    link: '在我们的网站上打开此配置，随时修改：',
    claim: '您的客户代码',
    claimHow: '使用此代码注册，即可在您的账户中查看此报价和您的配置：',
  },
  pricesNote: '所有价格以 {currency} 计，含增值税。',
  page: '第 {page} 页，共 {pages} 页',
  picture: '图示：{name}',
};

export const quotePdfTexts: Record<PdfLanguage, QuotePdfTexts> = { en, de, zh };

/** `text` with each `{key}` replaced by `values[key]`; a placeholder without a value stays as written. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
