import type PDFDocument from 'pdfkit';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { drawQrCode } from './quote-pdf-qr.ts';

/** A stand-in for pdfkit's document that records the squares drawn and the colours they were filled with. */
function recorder() {
  const squares: { x: number; y: number; w: number; h: number }[] = [];
  const fills: { color: string; squares: number }[] = [];
  let pending = 0;
  const doc = {
    rect(x: number, y: number, w: number, h: number) {
      squares.push({ x, y, w, h });
      pending++;
      return doc;
    },
    fill(color: string) {
      fills.push({ color, squares: pending });
      pending = 0;
      return doc;
    },
  };
  return { doc: doc as unknown as typeof PDFDocument, squares, fills };
}

describe('drawQrCode', () => {
  it('draws every dark module of the text’s QR code, in black on a white square of the given size', () => {
    const url = 'https://shop.example/configure/car?b=model:model-lumo-hatch,paint:paint-signal-red';
    const qr = encode(url, { ecc: 'L', border: 4 });
    const dark = qr.data.flat().filter(Boolean).length;
    const { doc, squares, fills } = recorder();
    drawQrCode(doc, url, 10, 20, 100);
    expect(fills).toEqual([
      { color: '#ffffff', squares: 1 },
      { color: '#000000', squares: dark },
    ]);
    expect(squares[0]).toEqual({ x: 10, y: 20, w: 100, h: 100 });
    const module = 100 / qr.size;
    // The quiet zone stays white: no module within 4 of the edge.
    for (const s of squares.slice(1)) {
      expect(s.w).toBeCloseTo(module);
      expect(s.x).toBeGreaterThanOrEqual(10 + 4 * module - 1e-9);
      expect(s.y + s.h).toBeLessThanOrEqual(20 + 100 - 4 * module + 1e-9);
    }
  });
});
