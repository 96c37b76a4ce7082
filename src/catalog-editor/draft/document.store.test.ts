import { describe, expect, it } from 'vitest';
import { validateCatalog } from '../../core/catalog/index.ts';
import { setCatalogField, setOptionField } from '../../core/catalog-edit/edits.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { createDocumentStore, GROUP_MS } from './document.store.ts';

const mini = validateCatalog(miniCatalog(), 'mini');

describe('the document store', () => {
  it('makes every edit one undoable step, redo puts it back', () => {
    const store = createDocumentStore(mini);
    const { edit } = store.getState();
    edit((d) => setCatalogField(d, 'name', 'One'));
    edit((d) => setCatalogField(d, 'name', 'Two'));
    store.getState().undo();
    expect(store.getState().doc.name).toBe('One');
    store.getState().undo();
    expect(store.getState().doc).toBe(mini);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().doc.name).toBe('Two');
  });

  it('groups keystrokes in one field into one step, not across fields or pauses', () => {
    let t = 0;
    const store = createDocumentStore(mini, () => t);
    const { edit } = store.getState();
    const optionId = mini.slots[0]?.options[0]?.id ?? '';
    for (const name of ['R', 'Ry', 'Ryz', 'Ryze', 'Ryzen']) {
      t += 200;
      edit((d) => setCatalogField(d, 'name', name), 'catalog:name');
    }
    edit((d) => setOptionField(d, mini.slots[0]?.id ?? '', optionId, 'price', 5), `option:${optionId}:price`);
    t += GROUP_MS + 1;
    edit((d) => setCatalogField(d, 'name', 'Ryzen!'), 'catalog:name');
    expect(store.temporal.getState().pastStates).toHaveLength(3);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().doc.name).toBe('Ryzen');
    store.getState().undo();
    expect(store.getState().doc.name).toBe(mini.name);
  });

  it('an edit that changes nothing is no step', () => {
    const store = createDocumentStore(mini);
    store.getState().edit((d) => d);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});
