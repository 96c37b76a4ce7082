import PDFDocument from 'pdfkit';
import type { QuoteDocument } from './quote-document.ts';
import { drawPicture } from './quote-pdf-drawing.ts';
import { drawQrCode } from './quote-pdf-qr.ts';
import { quoteFonts } from './quote-pdf-fonts.ts';
import { formatDate, formatMoney, formatPercent } from './quote-pdf-format.ts';
import { fill, pdfLocales, quotePdfTexts, type PdfLanguage } from './quote-pdf.texts.ts';

/** A4 in points, the page margin, and the column the content fills. */
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN = 48;
const WIDTH = PAGE_W - 2 * MARGIN;
/** The side of the QR code of the build's link. */
const QR = 100;
/** Room kept at the foot of every page for the footer line. */
const FOOT = 22;

const INK = '#1c1f24';
const MUTED = '#5f6672';
const RULE = '#d6d9de';
const ACCENT = '#0f5fa8';
const BAND = '#f2f4f7';
const EXPIRED = '#b42318';

/** The build table's columns: slot, choice, quantity (right), amount (right). */
const COLUMNS = {
  slot: { x: MARGIN, w: 112 },
  option: { x: MARGIN + 118, w: 272 },
  quantity: { x: MARGIN + 392, w: 26 },
  amount: { x: MARGIN + 421, w: WIDTH - 421 },
};

interface TextStyle {
  bold?: boolean;
  size?: number;
  color?: string;
  width?: number;
  align?: 'left' | 'right' | 'center';
  link?: string;
}

/**
 * The quote as a PDF the customer takes home (issue 17 §8), in `lang`: the company, the customer, the quote's number,
 * revision, date and validity, a drawing of the product, every chosen option by slot with its price, the discounts
 * with who approved or granted the staff's, the total, and how to continue online (the build's link, a walk-in's
 * claim code). A4, one typeface (see quote-pdf-fonts.ts), pages numbered.
 * Pre: `doc` from loadQuoteDocument. Post: a complete PDF; text is real text (extractable), links are annotations.
 */
export async function renderQuotePdf(doc: QuoteDocument, lang: PdfLanguage): Promise<Buffer> {
  const t = quotePdfTexts[lang];
  const fonts = await quoteFonts();
  const money = (cents: number) => formatMoney(cents, doc.currency, lang);
  const catalogName = doc.catalog.name[lang];
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: pdfLocales[lang],
    displayTitle: true,
    info: {
      Title: `${t.title} ${doc.number} r${doc.revision} — ${catalogName}`,
      Author: t.company.name,
      Subject: doc.customer.name,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  pdf.registerFont('regular', fonts.regular);
  pdf.registerFont('bold', fonts.bold);

  let y = MARGIN;
  // Noto Sans SC draws quotation marks and apostrophes full-width, as Chinese sets them; German and English set them
  // proportional, which the font's `pwid` feature selects.
  const features: PDFKit.Mixins.OpenTypeFeatures[] = lang === 'zh' ? [] : ['pwid'];
  const style = (s: TextStyle) => {
    pdf.font(s.bold ? 'bold' : 'regular').fontSize(s.size ?? 9.5);
    return { width: s.width ?? WIDTH, align: s.align ?? 'left', features };
  };
  const heightOf = (text: string, s: TextStyle) => pdf.heightOfString(text, style(s));
  /** Writes `text` at (x, at); @returns its height. */
  const write = (text: string, x: number, at: number, s: TextStyle = {}) => {
    const options = style(s);
    pdf.fillColor(s.color ?? INK);
    pdf.text(text, x, at, { ...options, ...(s.link ? { link: s.link, underline: true } : {}) });
    return pdf.heightOfString(text, options);
  };
  const rule = (at: number, color = RULE) =>
    pdf
      .moveTo(MARGIN, at)
      .lineTo(MARGIN + WIDTH, at)
      .lineWidth(0.7)
      .strokeColor(color)
      .stroke();
  /** Starts a new page when `height` more would run into the footer; @returns whether it did. */
  const ensure = (height: number) => {
    if (y + height <= PAGE_H - MARGIN - FOOT) return false;
    pdf.addPage();
    y = MARGIN;
    return true;
  };

  // The company and the quote's number.
  write(t.company.name, MARGIN, y, { bold: true, size: 20 });
  write(t.company.tagline, MARGIN, y + 28, { size: 9, color: MUTED });
  write(t.title, MARGIN, y, { bold: true, size: 20, color: ACCENT, align: 'right' });
  write(fill(t.number, { number: doc.number, revision: doc.revision }), MARGIN, y + 28, {
    size: 9,
    color: MUTED,
    align: 'right',
  });
  y += 48;
  rule(y);
  y += 14;

  // Left, who it is for, when it was made, how long it holds and what it is; right, the product's drawing.
  const info = 214;
  const band = { x: MARGIN + info + 14, y, w: WIDTH - info - 14, h: 128 };
  let at = y;
  const stack = (text: string, s: TextStyle, gap = 2) => {
    at += write(text, MARGIN, at, { ...s, width: info }) + gap;
  };
  stack(t.customer, { size: 7.5, color: MUTED });
  stack(doc.customer.name, { bold: true, size: 12 }, 0);
  stack(fill(t.customerNumber, { number: doc.customer.number }), { size: 8.5 }, 8);
  stack(t.date, { size: 7.5, color: MUTED });
  stack(formatDate(doc.createdAt, lang), { size: 10 }, 0);
  stack(
    fill(doc.expired ? t.expiredOn : t.validUntil, { date: formatDate(doc.validUntil, lang) }),
    { bold: true, size: 10, color: doc.expired ? EXPIRED : ACCENT },
    8,
  );
  stack(catalogName, { bold: true, size: 12 }, 0);
  stack(fill(t.catalog, { name: catalogName, version: doc.catalog.version }), { size: 8, color: MUTED });
  if (doc.picture) {
    pdf.roundedRect(band.x, band.y, band.w, band.h, 6).fill(BAND);
    drawPicture(pdf, doc.picture, { x: band.x + 10, y: band.y + 8, w: band.w - 20, h: band.h - 16 });
  }
  y = Math.max(at, doc.picture ? band.y + band.h : at) + 18;

  // Every choice by slot, with what it costs; the base price first.
  const header = () => {
    const s = { bold: true, size: 8, color: MUTED } as const;
    write(t.columns.slot, COLUMNS.slot.x, y, { ...s, width: COLUMNS.slot.w });
    write(t.columns.option, COLUMNS.option.x, y, { ...s, width: COLUMNS.option.w });
    write(t.columns.quantity, COLUMNS.quantity.x, y, { ...s, width: COLUMNS.quantity.w, align: 'right' });
    write(t.columns.amount, COLUMNS.amount.x, y, { ...s, width: COLUMNS.amount.w, align: 'right' });
    y += 14;
    rule(y - 3);
  };
  ensure(60);
  write(t.build, MARGIN, y, { bold: true, size: 12 });
  y += 18;
  header();
  // A catalog priced entirely by its options (the car's base price is 0) shows no base line.
  const base = doc.extras.filter((line) => line.kind === 'base' && line.amountCents !== 0);
  const rows = [
    ...base.map((line) => ({
      slot: line.label[lang],
      option: catalogName,
      quantity: '1',
      amount: money(line.amountCents),
      muted: false,
    })),
    // A slot with several choices (a multi slot) is named once, on its first row.
    ...doc.items.map((item, i) => ({
      slot: item.slot[lang] === doc.items[i - 1]?.slot[lang] ? '' : item.slot[lang],
      option: item.option[lang],
      quantity: String(item.quantity),
      amount: item.included ? t.included : money(item.amountCents),
      muted: item.included,
    })),
  ];
  rows.forEach((row, i) => {
    const height =
      Math.max(
        heightOf(row.slot, { width: COLUMNS.slot.w }),
        heightOf(row.option, { width: COLUMNS.option.w }),
      ) + 4;
    if (ensure(height)) header();
    if (i % 2 === 1) pdf.rect(MARGIN, y - 3, WIDTH, height).fill(BAND);
    write(row.slot, COLUMNS.slot.x, y, { color: MUTED, width: COLUMNS.slot.w });
    write(row.option, COLUMNS.option.x, y, { width: COLUMNS.option.w });
    write(row.quantity, COLUMNS.quantity.x, y, { width: COLUMNS.quantity.w, align: 'right' });
    write(row.amount, COLUMNS.amount.x, y, {
      width: COLUMNS.amount.w,
      align: 'right',
      color: row.muted ? MUTED : INK,
    });
    y += height;
  });
  rule(y - 2);
  y += 6;

  // Price rules and the customer's own discounts (tier offers, birthday).
  const others = doc.extras.filter((line) => line.kind !== 'base' && line.ref !== 'staff');
  if (others.length > 0) {
    ensure(20 + others.length * 16);
    write(t.surcharges, MARGIN, y, { bold: true, size: 8, color: MUTED });
    y += 14;
    for (const line of others) {
      const height = heightOf(line.label[lang], { width: COLUMNS.amount.x - MARGIN - 10 }) + 5;
      ensure(height);
      write(line.label[lang], MARGIN, y, { width: COLUMNS.amount.x - MARGIN - 10 });
      write(money(line.amountCents), COLUMNS.amount.x, y, { width: COLUMNS.amount.w, align: 'right' });
      y += height;
    }
    rule(y - 2);
    y += 8;
  }

  // The staff discount on the customer's price, then the total.
  const staff = doc.extras.find((line) => line.ref === 'staff');
  const sumX = MARGIN + WIDTH - 300;
  // Amounts get 130 points here: a total in 15 points must not wrap.
  const sum = (label: string, amount: string, s: TextStyle = {}) => {
    const height = heightOf(label, { ...s, width: 160 }) + 5;
    write(label, sumX, y, { ...s, width: 160 });
    write(amount, MARGIN + WIDTH - 130, y, { ...s, width: 130, align: 'right' });
    y += height;
  };
  // Beside the sums, on the left: how long the price holds.
  const validity = fill(doc.expired ? t.expiredOn : t.validUntil, { date: formatDate(doc.validUntil, lang) });
  const validNote = doc.expired ? t.expiredNote : t.validNote;
  const leftW = sumX - MARGIN - 20;
  const validityHeight =
    heightOf(validity, { bold: true, size: 11, width: leftW }) +
    heightOf(validNote, { size: 8, width: leftW });
  ensure(Math.max(staff ? 70 : 36, validityHeight) + 20);
  const top = y;
  const validityColor = doc.expired ? EXPIRED : ACCENT;
  const noteY =
    top + write(validity, MARGIN, top, { bold: true, size: 11, color: validityColor, width: leftW }) + 1;
  const validityEnd = noteY + write(validNote, MARGIN, noteY, { size: 8, color: MUTED, width: leftW });
  if (staff) {
    sum(t.subtotal, money(doc.listTotalCents));
    sum(staff.label[lang], money(staff.amountCents), { color: ACCENT });
  }
  pdf
    .moveTo(sumX, y)
    .lineTo(MARGIN + WIDTH, y)
    .lineWidth(1.2)
    .strokeColor(INK)
    .stroke();
  y += 6;
  sum(t.total, money(doc.totalCents), { bold: true, size: 15 });
  if (doc.discountBy) {
    const percent = formatPercent(doc.discountBp, lang);
    const who = {
      percent,
      name: doc.discountBy.name,
      role: t.roles[doc.discountBy.role as keyof typeof t.roles],
    };
    const sentence = doc.discountBy.approvedAt
      ? fill(t.discount.approved, { ...who, date: formatDate(doc.discountBy.approvedAt, lang) })
      : fill(t.discount.granted, who);
    y += write(sentence, sumX, y, { size: 8.5, color: MUTED, width: WIDTH - (sumX - MARGIN) }) + 4;
  }
  y = Math.max(y, validityEnd) + 16;

  // Continuing online: the build's link (and its QR code, for the paper copy), and a walk-in's code to take their
  // record over.
  const link = { size: 8, color: ACCENT } as const;
  const textW = WIDTH - QR - 16;
  const claimHeight = doc.claim
    ? 26 +
      heightOf(t.continue.claimHow, { size: 8.5, width: textW }) +
      heightOf(doc.claim.url, { ...link, width: textW })
    : 0;
  const textHeight =
    22 +
    heightOf(t.continue.link, { width: textW }) +
    heightOf(doc.continueUrl, { ...link, width: textW }) +
    10 +
    claimHeight;
  ensure(Math.max(textHeight, QR));
  drawQrCode(pdf, doc.continueUrl, MARGIN + WIDTH - QR, y, QR);
  pdf.link(MARGIN + WIDTH - QR, y, QR, QR, doc.continueUrl);
  y += write(t.continue.title, MARGIN, y, { bold: true, size: 12, width: textW }) + 2;
  y += write(t.continue.link, MARGIN, y, { width: textW }) + 2;
  y += write(doc.continueUrl, MARGIN, y, { ...link, width: textW, link: doc.continueUrl }) + 8;
  if (doc.claim) {
    const label = { bold: true, size: 9 } as const;
    pdf.font('bold').fontSize(9);
    const labelWidth = pdf.widthOfString(t.continue.claim) + 8;
    write(t.continue.claim, MARGIN, y + 4, label);
    y += write(doc.claim.code, MARGIN + labelWidth, y, { bold: true, size: 14, color: ACCENT }) + 2;
    y += write(t.continue.claimHow, MARGIN, y, { size: 8.5, color: MUTED, width: textW }) + 2;
    write(doc.claim.url, MARGIN, y, { ...link, width: textW, link: doc.claim.url });
  }

  // The footer on every page: what the prices include, and the page number.
  const pages = pdf.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    pdf.switchToPage(pages.start + i);
    // Writing below the bottom margin would start a new page: the footer lives there, so lift the margin.
    const margins = pdf.page.margins;
    pdf.page.margins = { ...margins, bottom: 0 };
    const footY = PAGE_H - MARGIN - 8;
    rule(footY - 6);
    write(fill(t.pricesNote, { currency: doc.currency }), MARGIN, footY, { size: 7.5, color: MUTED });
    write(fill(t.page, { page: i + 1, pages: pages.count }), MARGIN, footY, {
      size: 7.5,
      color: MUTED,
      align: 'right',
    });
    pdf.page.margins = margins;
  }
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}
