import type PDFDocument from 'pdfkit';
import type { CarBody, CarPicture, PcPicture, QuotePicture } from './quote-picture.ts';

/**
 * The product drawn in vector paths on the quote: a car from the side in its paint, with its wheels and trim, or a
 * PC tower through its side panel. Drawn in a design space of its own (car 320×140, PC 160×170) and scaled into
 * the box it is given, so the page layout decides only where and how large.
 */

/** A pdfkit document (the module's default export is typed as the document itself). */
type Pdf = typeof PDFDocument;

/** A box on the page, in points. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** `#rrggbb` moved towards white (amount > 0) or black (amount < 0). */
export function shade(hex: string, amount: number): string {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const target = amount > 0 ? 255 : 0;
  const mixed = channels.map((c) => Math.round(c + (target - c) * Math.min(1, Math.abs(amount))));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Scales the design space `w × h` into `box`, centred, keeping proportions; `draw` works in design units. */
function within(doc: Pdf, box: Box, w: number, h: number, draw: () => void): void {
  const scale = Math.min(box.w / w, box.h / h);
  doc.save();
  doc.translate(box.x + (box.w - w * scale) / 2, box.y + (box.h - h * scale) / 2);
  doc.scale(scale);
  draw();
  doc.restore();
}

/** Where each body style's silhouette bends: roof height, where the roof starts and ends, the tail. */
const bodies: Record<
  CarBody,
  {
    roof: number;
    roofFront: number;
    roofRear: number;
    tail: number;
    belt: number;
    sill: number;
    hood: number;
  }
> = {
  hatchback: { roof: 30, roofFront: 182, roofRear: 72, tail: 46, belt: 64, sill: 100, hood: 72 },
  estate: { roof: 30, roofFront: 182, roofRear: 52, tail: 52, belt: 64, sill: 100, hood: 72 },
  suv: { roof: 20, roofFront: 180, roofRear: 62, tail: 48, belt: 60, sill: 104, hood: 66 },
  'coupe-suv': { roof: 24, roofFront: 178, roofRear: 118, tail: 66, belt: 62, sill: 104, hood: 68 },
};

const trimColors: Record<string, string> = { plain: '#2a2c30', chrome: '#d9dce0', black: '#0c0c0e' };

function wheel(doc: Pdf, cx: number, cy: number, car: CarPicture): void {
  const tyre = 23;
  const rim = tyre * (0.52 + (car.wheelInches - 16) * 0.045);
  doc.circle(cx, cy, tyre).fill('#1d1d1f');
  doc.circle(cx, cy, rim).fill(car.wheel);
  doc.circle(cx, cy, rim * 0.82).fill(shade(car.wheel, -0.25));
  if (car.spokes === 0) {
    // A steel or aero wheel: a flat disc with vents.
    doc.circle(cx, cy, rim * 0.78).fill(shade(car.wheel, 0.1));
    for (let i = 0; i < 8; i++) {
      const a = (i / 8) * Math.PI * 2;
      doc.circle(cx + Math.cos(a) * rim * 0.55, cy + Math.sin(a) * rim * 0.55, 1.6).fill('#3a3d42');
    }
  } else {
    doc.lineWidth(Math.max(1.4, 6 - car.spokes * 0.4)).strokeColor(car.wheel);
    for (let i = 0; i < car.spokes; i++) {
      const a = (i / car.spokes) * Math.PI * 2 - Math.PI / 2;
      doc
        .moveTo(cx + Math.cos(a) * rim * 0.22, cy + Math.sin(a) * rim * 0.22)
        .lineTo(cx + Math.cos(a) * rim * 0.82, cy + Math.sin(a) * rim * 0.82)
        .stroke();
    }
  }
  doc.circle(cx, cy, rim * 0.2).fill(shade(car.wheel, -0.45));
}

function drawCar(doc: Pdf, car: CarPicture): void {
  const b = bodies[car.body];
  const front = 300;
  const rear = 20;
  const ground = 128;
  const axleY = b.sill + 4;
  const axles = [78, 242];
  doc.ellipse(160, ground, 150, 5).fillOpacity(0.14).fill('#000000').fillOpacity(1);

  // The silhouette: tail, rear glass up to the roof, roof, windscreen, bonnet, nose, sill.
  doc
    .moveTo(rear + 4, b.sill)
    .lineTo(rear, b.tail + 10)
    .bezierCurveTo(rear, b.tail, rear + 6, b.tail - 4, rear + 14, b.tail - 6)
    .bezierCurveTo(b.roofRear - 20, b.roof + 12, b.roofRear - 8, b.roof, b.roofRear + 10, b.roof)
    .lineTo(b.roofFront - 12, b.roof)
    .bezierCurveTo(b.roofFront, b.roof, b.roofFront + 4, b.roof + 4, 214, b.hood - 6)
    .bezierCurveTo(240, b.hood - 4, 280, b.hood, 294, b.hood + 8)
    .bezierCurveTo(300, b.hood + 12, front + 2, b.hood + 18, front + 2, b.hood + 24)
    .lineTo(front, b.sill - 4)
    .bezierCurveTo(front, b.sill, front - 4, b.sill + 2, front - 10, b.sill + 2)
    .lineTo(rear + 10, b.sill + 2)
    .closePath()
    .lineWidth(0.9)
    .fillAndStroke(car.paint, shade(car.paint, -0.4));
  // Light along the shoulder and shade along the sill give the flat paint some body.
  doc
    .rect(rear + 4, b.belt + 6, front - rear - 8, 5)
    .fillOpacity(0.18)
    .fill('#ffffff');
  doc
    .rect(rear + 6, b.sill - 10, front - rear - 14, 10)
    .fillOpacity(0.16)
    .fill('#000000')
    .fillOpacity(1);

  // Side windows inside the roofline, framed in the trim colour, with a B-pillar.
  const glass = '#2f3b47';
  doc
    .moveTo(b.roofRear + 4 - (b.roofRear - rear) * 0.2, b.belt)
    .bezierCurveTo(b.roofRear - 4, b.roof + 14, b.roofRear + 2, b.roof + 6, b.roofRear + 14, b.roof + 6)
    .lineTo(b.roofFront - 14, b.roof + 6)
    .bezierCurveTo(b.roofFront - 6, b.roof + 6, b.roofFront, b.roof + 10, 206, b.belt)
    .closePath()
    .lineWidth(2.2)
    .fillAndStroke(glass, trimColors[car.trim] ?? trimColors.plain);
  const pillar = (b.roofRear + b.roofFront) / 2 + 6;
  doc.rect(pillar, b.roof + 5, 6, b.belt - b.roof - 5).fill(shade(car.paint, -0.35));
  doc
    .moveTo(b.roofFront - 20, b.roof + 9)
    .lineTo(b.roofFront - 40, b.belt - 3)
    .lineWidth(3)
    .strokeOpacity(0.18)
    .stroke('#ffffff')
    .strokeOpacity(1);

  // Door cut lines and handles.
  doc.lineWidth(0.8).strokeColor(shade(car.paint, -0.4));
  for (const x of [pillar, pillar + 62])
    doc
      .moveTo(x, b.belt)
      .lineTo(x + 2, b.sill - 4)
      .stroke();
  doc
    .moveTo(pillar - 58, b.belt)
    .lineTo(pillar - 56, b.sill - 6)
    .stroke();
  for (const x of [pillar - 22, pillar + 40])
    doc.roundedRect(x, b.belt + 8, 12, 3, 1.5).fill(shade(car.paint, -0.3));

  // Lights: a headlamp in the nose, a tail lamp at the back.
  doc
    .moveTo(282, b.hood + 6)
    .lineTo(front, b.hood + 14)
    .lineTo(front, b.hood + 19)
    .lineTo(280, b.hood + 12)
    .closePath()
    .fill('#f3f0df');
  doc.roundedRect(rear - 1, b.tail + 2, 9, 9, 2).fill('#b3121b');

  if (car.roofRails) {
    doc.lineWidth(2.6).strokeColor('#3a3d42');
    doc
      .moveTo(b.roofRear + 14, b.roof - 3)
      .lineTo(b.roofFront - 18, b.roof - 3)
      .stroke();
  }
  if (car.spoiler)
    doc
      .moveTo(rear + 10, b.tail - 6)
      .lineTo(rear + 2, b.tail - 10)
      .lineTo(rear + 24, b.tail - 9)
      .closePath()
      .fill(shade(car.paint, -0.5));

  // Wheel arches cut into the body, then the wheels.
  for (const x of axles) doc.circle(x, axleY, 27).fill('#17181a');
  for (const x of axles) wheel(doc, x, axleY, car);
}

function drawPc(doc: Pdf, pc: PcPicture): void {
  const body = pc.caseColor;
  doc.ellipse(78, 164, 62, 4).fillOpacity(0.14).fill('#000000').fillOpacity(1);
  for (const x of [30, 110]) doc.rect(x, 158, 16, 5).fill('#111214');

  // The front panel, seen at an angle on the right.
  doc.moveTo(128, 10).lineTo(142, 18).lineTo(142, 166).lineTo(128, 158).closePath();
  if (pc.front === 'wood') doc.fill(pc.accent ?? '#8a5a36');
  else if (pc.front === 'glass') doc.fillOpacity(0.55).fill('#9fb3c4').fillOpacity(1);
  else doc.fill(shade(body, -0.3));
  if (pc.front === 'mesh')
    for (let y = 24; y < 152; y += 6)
      for (let x = 132; x < 140; x += 5) doc.circle(x, y + (x - 128) * 0.5, 1).fill(shade(body, 0.25));
  if (pc.front === 'wood') {
    doc.lineWidth(0.6).strokeColor(shade(pc.accent ?? '#8a5a36', -0.3));
    for (let x = 131; x < 141; x += 3)
      doc
        .moveTo(x, 14 + (x - 128) * 0.55)
        .lineTo(x, 160)
        .stroke();
  }

  // The side: a frame in the case colour; through glass, the parts inside.
  doc.roundedRect(16, 8, 112, 152, 5).lineWidth(0.9).fillAndStroke(body, shade(body, -0.4));
  if (!pc.glass) {
    doc.roundedRect(24, 16, 96, 136, 3).fill(shade(body, 0.08));
    doc.lineWidth(1.4).strokeColor(shade(body, -0.35));
    for (let y = 30; y < 70; y += 6) doc.moveTo(40, y).lineTo(104, y).stroke();
    if (pc.accent) doc.rect(24, 148, 96, 4).fill(pc.accent);
    return;
  }
  doc.roundedRect(24, 16, 96, 136, 3).fill('#0d0f13');
  doc.rect(32, 22, 70, 98).fill(pc.board ?? '#1a1b1d');
  doc.rect(36, 26, 62, 2).fill(shade(pc.board ?? '#1a1b1d', 0.25));
  if (pc.memory) for (const x of [80, 85, 90, 95]) doc.rect(x, 32, 3, 34).fill(pc.memory);
  const cooler = pc.cooler;
  if (cooler?.kind === 'liquid') {
    doc.rect(30, 18, 84, 6).fill(cooler.color);
    doc.circle(60, 50, 9).fill(cooler.color);
    doc.circle(60, 50, 5).fill(shade(cooler.color, 0.3));
    doc.lineWidth(2).strokeColor('#2a2c30').moveTo(60, 41).lineTo(66, 24).stroke();
  } else if (cooler) {
    const h = cooler.kind === 'tower' ? 34 : 10;
    doc.rect(48, 50 - h / 2, 26, h).fill(cooler.color);
    doc.lineWidth(0.6).strokeColor(shade(cooler.color, 0.35));
    for (let y = 52 - h / 2; y < 50 + h / 2; y += 3) doc.moveTo(48, y).lineTo(74, y).stroke();
  }
  if (pc.gpu) {
    doc.roundedRect(30, 90, 80, 20, 2).fill(pc.gpu.color);
    doc.rect(30, 90, 80, 2.5).fill(pc.gpu.accent);
    for (let i = 0; i < pc.gpu.fans; i++) {
      const cx = 30 + (80 / pc.gpu.fans) * (i + 0.5);
      doc.circle(cx, 101, 7).lineWidth(0.8).stroke(shade(pc.gpu.color, 0.35));
      doc.circle(cx, 101, 2).fill(shade(pc.gpu.color, 0.35));
    }
  }
  doc.rect(24, 126, 96, 26).fill('#15171b');
  doc.rect(30, 132, 20, 3).fill('#2c2f35');
  // A sheen across the glass.
  doc
    .moveTo(40, 16)
    .lineTo(60, 16)
    .lineTo(30, 152)
    .lineTo(24, 152)
    .lineTo(24, 90)
    .closePath()
    .fillOpacity(0.07)
    .fill('#ffffff')
    .fillOpacity(1);
}

/** Draws `picture` centred in `box`. */
export function drawPicture(doc: Pdf, picture: QuotePicture, box: Box): void {
  if (picture.kind === 'car') within(doc, box, 320, 140, () => drawCar(doc, picture));
  else within(doc, box, 160, 170, () => drawPc(doc, picture));
}
