import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDoc } from '../document-context.tsx';
import { useEditorUi } from '../editor-ui.store.ts';
import { OptionsTable } from './options-table.tsx';
import { slotAttributes } from './option-columns.ts';

/** The options of one slot at a time, with any further attribute columns the person wants to fill in. */
export function OptionsTab() {
  const { t } = useTranslation();
  const doc = useDoc();
  const chosen = useEditorUi((s) => s.slotId);
  const setSlot = useEditorUi((s) => s.setSlot);
  const [extra, setExtra] = useState<string[]>([]);
  const slot = doc.slots.find((s) => s.id === chosen) ?? doc.slots[0];
  if (!slot) return null;
  const shown = new Set([...slotAttributes(slot), ...extra]);
  const more = Object.keys(doc.attributes).filter((a) => !shown.has(a));
  return (
    <div className="stack">
      <div className="toolbar">
        <label>
          {t('catalogDraft.options.slot')}{' '}
          <select
            aria-label={t('catalogDraft.options.slot')}
            value={slot.id}
            onChange={(e) => setSlot(e.target.value)}
          >
            {doc.slots.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.options.length})
              </option>
            ))}
          </select>
        </label>
        {more.length > 0 && (
          <label>
            {t('catalogDraft.addAttribute')}{' '}
            <select
              aria-label={t('catalogDraft.addAttribute')}
              value=""
              onChange={(e) => setExtra([...extra, e.target.value])}
            >
              <option value="">…</option>
              {more.map((a) => (
                <option key={a} value={a}>
                  {doc.attributes[a]?.label ?? a}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <OptionsTable key={slot.id} slot={slot} extraAttrs={extra} />
    </div>
  );
}
