// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../ui/i18n/i18n.ts';
import { ItemList } from './item-list.tsx';

afterEach(cleanup);

function renderList(items: string[], onChange: (items: string[]) => void) {
  render(
    <ItemList items={items} onChange={onChange} added={() => 'new'} addLabel="Add one">
      {(item, i, replace) => (
        <button type="button" onClick={() => replace(`${item}!`)}>
          {`edit ${i} ${item}`}
        </button>
      )}
    </ItemList>,
  );
}

describe('an editable list of at least one item', () => {
  it('replaces, removes and adds items, and never removes the last one', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderList(['a', 'b'], onChange);
    await user.click(screen.getByRole('button', { name: 'edit 1 b' }));
    expect(onChange).toHaveBeenLastCalledWith(['a', 'b!']);
    await user.click(screen.getAllByRole('button', { name: 'Remove' })[0] as HTMLElement);
    expect(onChange).toHaveBeenLastCalledWith(['b']);
    await user.click(screen.getByRole('button', { name: 'Add one' }));
    expect(onChange).toHaveBeenLastCalledWith(['a', 'b', 'new']);
    cleanup();
    renderList(['only'], onChange);
    expect(screen.getByRole('button', { name: 'Remove' })).toBeDisabled();
  });
});
