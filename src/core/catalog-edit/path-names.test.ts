import { describe, expect, it } from 'vitest';
import { validateCatalog } from '../catalog/index.ts';
import { miniCatalog } from '../../../test/fixtures/mini-catalog.ts';
import { changedPaths } from './json-merge.ts';
import { setOptionField } from './edits.ts';
import { readablePath } from './path-names.ts';

const mini = validateCatalog(miniCatalog(), 'mini');

describe('readablePath', () => {
  it('names the slot and option of a changed price', () => {
    const slot = mini.slots[0];
    const option = slot?.options[0];
    if (!slot || !option) throw new Error('fixture');
    const [path] = changedPaths(mini, setOptionField(mini, slot.id, option.id, 'price', 9999));
    expect(readablePath(mini, path ?? '')).toBe(`${slot.name} › ${option.name} › price`);
  });

  it('keeps unknown ids and plain keys', () => {
    expect(readablePath(mini, '$.rules["gone"].message')).toBe('gone › message');
    expect(readablePath(mini, '$.basePrice')).toBe('basePrice');
  });
});
