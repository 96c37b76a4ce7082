import type { Part } from './parts.ts';

const mm = (metres: number) => `${Math.round(metres * 1000)} mm`;

/** A one-line description of a part for people (the 2D fallback and the canvas's accessible text). */
export function describePart(part: Part): string {
  switch (part.kind) {
    case 'case':
      return `Case (${part.formFactor}${part.glass ? ', glass side panel' : ''}): ${part.label}`;
    case 'motherboard':
      return `Motherboard (${part.formFactor}): ${part.label}`;
    case 'cooler':
      return part.type === 'liquid'
        ? `CPU cooler (liquid, ${mm(part.radiator)} radiator): ${part.label}`
        : `CPU cooler (${part.type}, ${mm(part.height)} tall): ${part.label}`;
    case 'memory':
      return `Memory: ${part.count} × module, ${part.label}`;
    case 'gpu':
      return `Graphics card (${mm(part.length)} long): ${part.label}`;
    case 'drive':
      return `Drive (${part.form === 'm2' ? 'M.2' : `${part.form}"`}): ${part.label}`;
    case 'psu':
      return `Power supply (${part.form}): ${part.label}`;
    case 'body':
      return `Body (${part.body}, ${part.paint.finish} paint, ${part.trim} trim): ${part.label}`;
    case 'wheels':
      return `Wheels (${part.count} × ${part.inches}" ${part.style}): ${part.label}`;
    case 'interior':
      return `Interior: ${part.label}`;
    case 'detail':
      return part.label;
  }
}

/** The product as a plain list, for browsers without WebGL. */
export function PartsSummary({ parts, label }: { parts: Part[]; label: string }) {
  return (
    <div className="product-summary" data-testid="product-summary">
      <p>3D view unavailable in this browser. Your build consists of:</p>
      <ul aria-label={label}>
        {parts.map((part) => (
          <li key={part.id} data-part={part.kind}>
            {part.kind !== 'detail' && 'color' in part && (
              <span className="swatch" aria-hidden="true" style={{ background: part.color }} />
            )}
            {part.kind === 'body' && (
              <span className="swatch" aria-hidden="true" style={{ background: part.paint.color }} />
            )}
            {describePart(part)}
          </li>
        ))}
      </ul>
    </div>
  );
}
