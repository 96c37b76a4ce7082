import type { Catalog, Rule } from '../../core/catalog/index.ts';

/**
 * Stub of the rule builder (issue 18 §1), which another part of the work provides; this lists the rules so the draft
 * editor has something to mount. Replaced at merge.
 */
export function RulesPanel({
  catalog,
}: {
  catalog: Catalog;
  onChange: (rules: Rule[]) => void;
  language: 'en' | 'de' | 'zh';
}) {
  return (
    <ul className="stack">
      {catalog.rules.map((r) => (
        <li key={r.id} id={`rule-${r.id}`} className="card">
          <strong className="mono">{r.id}</strong> {r.message}
        </li>
      ))}
    </ul>
  );
}
