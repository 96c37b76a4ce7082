import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import pcFile from '../../configs/catalogs/pc.json';
import { validateCatalog } from '../../src/core/catalog/index.ts';
import { RulesPanel } from '../../src/catalog-editor/rules/rules-panel.tsx';
import '../../src/ui/i18n/i18n.ts';
import '../../src/ui/styles.css';

/**
 * The rules panel alone on the PC catalog, for looking at it (screenshots at desktop and tablet width):
 * `npx vite`, then /test/harness/rules-panel.html?lang=de.
 */
const pc = validateCatalog(pcFile, 'configs/catalogs/pc.json');
const lang = (new URLSearchParams(location.search).get('lang') ?? 'en') as 'en' | 'de' | 'zh';

function Harness() {
  const [catalog, setCatalog] = useState(pc);
  return (
    <main style={{ maxWidth: 1100, margin: '0 auto', padding: '1rem' }}>
      <RulesPanel catalog={catalog} language={lang} onChange={(rules) => setCatalog({ ...catalog, rules })} />
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
