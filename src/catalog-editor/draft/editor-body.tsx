import { useTranslation } from 'react-i18next';
import { catalogLanguage } from '../../core/catalog/index.ts';
import { RulesPanel } from '../rules/rules-panel.tsx';
import { CatalogTab } from './catalog-tab.tsx';
import { useDoc, useEdit } from './document-context.tsx';
import { tabs, useEditorUi, type Tab } from './editor-ui.store.ts';
import { GroupsTab } from './groups-tab.tsx';
import { AttributesTab } from './attributes-tab.tsx';
import { OptionsTab } from './options/options-tab.tsx';
import { PackagesTab } from './packages-tab.tsx';
import { PriceRulesTab } from './price-rules-tab.tsx';
import { SlotsTab } from './slots-tab.tsx';
import { TextsTab } from './texts-tab.tsx';

function Rules() {
  const { i18n } = useTranslation();
  const doc = useDoc();
  const edit = useEdit();
  return (
    <RulesPanel
      catalog={doc}
      language={catalogLanguage(i18n.language)}
      onChange={(rules) => edit((d) => ({ ...d, rules }))}
    />
  );
}

const panels: Record<Tab, () => React.JSX.Element | null> = {
  catalog: CatalogTab,
  groups: GroupsTab,
  slots: SlotsTab,
  options: OptionsTab,
  attributes: AttributesTab,
  packages: PackagesTab,
  priceRules: PriceRulesTab,
  rules: Rules,
  texts: TextsTab,
};

/** The tabs of the catalog's parts, and the open one. */
export function EditorBody() {
  const { t } = useTranslation();
  const tab = useEditorUi((s) => s.tab);
  const setTab = useEditorUi((s) => s.setTab);
  const Panel = panels[tab];
  return (
    <div className="editor-body">
      <div role="tablist" aria-label={t('catalogDraft.tabs.label')} className="tabs">
        {tabs.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            id={`tab-${x}`}
            aria-selected={x === tab}
            aria-controls="draft-panel"
            tabIndex={x === tab ? 0 : -1}
            onClick={() => setTab(x)}
            onKeyDown={(e) => {
              const i = tabs.indexOf(x);
              const next =
                e.key === 'ArrowRight'
                  ? tabs[(i + 1) % tabs.length]
                  : e.key === 'ArrowLeft'
                    ? tabs[(i + tabs.length - 1) % tabs.length]
                    : undefined;
              if (next) {
                setTab(next);
                document.getElementById(`tab-${next}`)?.focus();
              }
            }}
          >
            {t(`catalogDraft.tabs.${x}`)}
          </button>
        ))}
      </div>
      <section role="tabpanel" id="draft-panel" aria-labelledby={`tab-${tab}`} className="tab-panel">
        <Panel />
      </section>
    </div>
  );
}
