import type PDFDocument from 'pdfkit';
import { encode } from 'uqr';

/**
 * A QR code of `text` drawn as vector squares, `size` points wide with its top-left corner at (x, y): on paper a
 * link cannot be clicked, and a build's address is too long to type, so the phone's camera reads it.
 * Error correction L (7 %) keeps the modules as large as the space allows; the 4-module quiet zone the standard
 * asks for is inside `size`.
 */
export function drawQrCode(doc: typeof PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = encode(text, { ecc: 'L', border: 4 });
  const module = size / qr.size;
  doc.rect(x, y, size, size).fill('#ffffff');
  // One path of every dark module, filled once: a few thousand squares stay one drawing operation.
  qr.data.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) doc.rect(x + c * module, y + r * module, module, module);
    }),
  );
  doc.fill('#000000');
}
