// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setOptionField } from '../../core/catalog-edit/edits.ts';
import { draftOf, mini, renderEditor } from './test-kit.tsx';

const ok = (revision: number) =>
  Response.json({ ...draftOf(undefined, revision), document: undefined, issues: [] }, { status: 200 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const firstSlot = mini.slots[0] as (typeof mini.slots)[number];
const firstOption = firstSlot.options[0] as (typeof firstSlot.options)[number];

describe('the options table', () => {
  it('edits cells in place: Enter opens, typing, Enter commits and moves down, Tab moves right, Escape cancels', async () => {
    const user = userEvent.setup();
    renderEditor(draftOf(), (b) => ok(b.baseRevision + 1));
    const grid = await screen.findByRole('grid');
    const name = within(grid).getByRole('gridcell', { name: new RegExp(`^Name, ${firstOption.name}`) });
    await user.click(name);
    await user.keyboard('{Enter}');
    const input = within(grid).getByRole('textbox', { name: `Name, ${firstOption.name}` });
    await user.clear(input);
    await user.type(input, 'Renamed{Enter}');
    expect(within(grid).getByRole('gridcell', { name: /^Name, Renamed: Renamed$/ })).toBeInTheDocument();
    // The cursor went down a row; Tab moves to the price, typing opens it, Escape leaves it unchanged.
    const second = firstSlot.options[1] as (typeof firstSlot.options)[number];
    await waitFor(() =>
      expect(document.activeElement).toHaveAccessibleName(new RegExp(`^Name, ${second.name}`)),
    );
    await user.keyboard('{Tab}');
    expect(document.activeElement).toHaveAccessibleName(new RegExp(`^Price, ${second.name}`));
    await user.keyboard('9{Escape}');
    expect(
      within(grid).getByRole('gridcell', { name: `Price, ${second.name}: ${second.price}` }),
    ).toBeInTheDocument();
    // Shift+Enter commits and moves up; a price that is no number keeps the cell open and marked.
    await user.keyboard('{Enter}');
    const price = within(grid).getByRole('textbox', { name: `Price, ${second.name}` });
    await user.clear(price);
    await user.type(price, 'abc{Enter}');
    expect(price).toHaveAttribute('aria-invalid', 'true');
    await user.clear(price);
    await user.type(price, '77{Shift>}{Enter}{/Shift}');
    expect(within(grid).getByRole('gridcell', { name: `Price, ${second.name}: 77` })).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName(/^Price, Renamed/));
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toHaveAccessibleName(/^Name, Renamed/);
  });

  it('selects a range with Shift-click and changes their prices by a percentage in one undoable step', async () => {
    const user = userEvent.setup();
    renderEditor(draftOf(), (b) => ok(b.baseRevision + 1));
    const grid = await screen.findByRole('grid');
    const boxes = within(grid)
      .getAllByRole('checkbox')
      .filter((b) => b.getAttribute('aria-label') !== 'Select all shown');
    await user.click(boxes[0] as HTMLElement);
    await user.keyboard('{Shift>}');
    await user.click(boxes.at(-1) as HTMLElement);
    await user.keyboard('{/Shift}');
    expect(screen.getByText(`${firstSlot.options.length} selected`)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Price ± %' }), '10');
    await user.click(screen.getByRole('button', { name: 'Change prices' }));
    const expected = Math.round(firstOption.price * 1.1 * 100) / 100;
    expect(
      within(grid).getByRole('gridcell', { name: `Price, ${firstOption.name}: ${expected}` }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Undo/ }));
    expect(
      within(grid).getByRole('gridcell', { name: `Price, ${firstOption.name}: ${firstOption.price}` }),
    ).toBeInTheDocument();
  });

  it('sorts by a column and filters by search', async () => {
    const user = userEvent.setup();
    renderEditor(draftOf(), (b) => ok(b.baseRevision + 1));
    const grid = await screen.findByRole('grid');
    await user.click(within(grid).getByRole('button', { name: /^Price/ }));
    const prices = within(grid)
      .getAllByRole('gridcell', { name: /^Price, / })
      .map((c) => Number(c.textContent));
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    await user.type(screen.getByRole('searchbox', { name: 'Search options' }), firstOption.name);
    expect(within(grid).getAllByRole('row')).toHaveLength(2);
  });
});

describe('undo and redo', () => {
  it('typing in a field is one step; Ctrl+Z and Ctrl+Shift+Z undo and redo it', async () => {
    const user = userEvent.setup();
    renderEditor(draftOf(), (b) => ok(b.baseRevision + 1));
    await user.click(await screen.findByRole('tab', { name: 'Catalog' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.type(name, ' Pro');
    expect(name).toHaveValue(`${mini.name} Pro`);
    await user.keyboard('{Control>}z{/Control}');
    expect(name).toHaveValue(mini.name);
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(name).toHaveValue(`${mini.name} Pro`);
    await user.keyboard('{Control>}z{/Control}{Control>}y{/Control}');
    expect(name).toHaveValue(`${mini.name} Pro`);
  });
});

describe('price rules', () => {
  it('edits a condition in the rule builder’s words: "is one of" instead of one option, in one undoable step', async () => {
    const user = userEvent.setup();
    const { saves: saved } = renderEditor(draftOf(), (b) => ok(b.baseRevision + 1));
    await user.click(await screen.findByRole('tab', { name: 'Price rules' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Condition on Graphics card' }), 'anyOf');
    await waitFor(() => expect(saved.length).toBeGreaterThan(0), { timeout: 3000 });
    const document = saved.at(-1)?.document as typeof mini;
    expect(document.priceRules[0]?.when[1]).toEqual({ slot: 'gpu', anyOf: ['gpu-4070'] });
    await user.keyboard('{Control>}z{/Control}');
    expect(screen.getByRole('combobox', { name: 'Condition on Graphics card' })).toHaveValue('option');
  });
});

describe('autosave and conflicts', () => {
  it('saves a second after an edit; on 409 merges mine onto theirs and lists where both changed', async () => {
    const theirs = setOptionField(
      setOptionField(mini, firstSlot.id, firstOption.id, 'price', 500),
      firstSlot.id,
      (firstSlot.options[1] as { id: string }).id,
      'price',
      1,
    );
    let refused = false;
    const { saves } = renderEditor(draftOf(), (body) => {
      if (!refused) {
        refused = true;
        return Response.json(
          {
            error: { code: 'draft_conflict', message: 'someone saved' },
            current: { ...draftOf(theirs, 2), updatedBy: { name: 'Ben' } },
            changedPaths: [`$.slots["${firstSlot.id}"].options["${firstOption.id}"].price`],
          },
          { status: 409 },
        );
      }
      return ok(body.baseRevision + 1);
    });
    const user = userEvent.setup();
    const grid = await screen.findByRole('grid');
    await user.dblClick(
      within(grid).getByRole('gridcell', { name: new RegExp(`^Price, ${firstOption.name}`) }),
    );
    const price = within(grid).getByRole('textbox', { name: `Price, ${firstOption.name}` });
    await user.clear(price);
    await user.type(price, '42{Enter}');
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Someone else saved this draft' },
      { timeout: 5000 },
    );
    expect(dialog).toHaveTextContent(/Ben saved it/);
    expect(dialog).toHaveTextContent(`${firstSlot.name} › ${firstOption.name} › price`);
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    const merged = await screen.findByRole('dialog', { name: 'Merged with their changes' });
    expect(merged).toHaveTextContent(`${firstSlot.name} › ${firstOption.name} › price`);
    await waitFor(() => expect(saves).toHaveLength(2));
    const saved = saves[1] as { baseRevision: number; document: typeof mini };
    expect(saved.baseRevision).toBe(2);
    const options = saved.document.slots[0]?.options ?? [];
    // Mine kept where both changed; theirs taken where only they did.
    expect(options[0]?.price).toBe(42);
    expect(options[1]?.price).toBe(1);
    await user.click(within(merged).getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('reload theirs asks first, then drops mine (undo brings it back)', async () => {
    const theirs = { ...mini, name: 'Their name' };
    renderEditor(draftOf(), () =>
      Response.json(
        {
          error: { code: 'draft_conflict', message: 'x' },
          current: draftOf(theirs, 5),
          changedPaths: ['$.name'],
        },
        { status: 409 },
      ),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('tab', { name: 'Catalog' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), '!');
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Someone else saved this draft' },
      { timeout: 5000 },
    );
    await user.click(within(dialog).getByRole('button', { name: 'Reload theirs' }));
    const confirm = screen.getByRole('dialog', { name: 'Drop your edits?' });
    await user.click(within(confirm).getByRole('button', { name: 'Yes, take theirs' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Their name');
    await user.click(screen.getByRole('button', { name: /Undo/ }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue(`${mini.name}!`);
  });
});

describe('import', () => {
  it('refuses a file with problems by JSON path and changes nothing; a good one replaces the document', async () => {
    renderEditor(draftOf(), (b) => ok(b.baseRevision + 1));
    const input = (await screen.findByLabelText('Import catalog file…')) as HTMLInputElement;
    const bad = { ...mini, slots: [{ ...firstSlot, group: 'nowhere' }, ...mini.slots.slice(1)] };
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([JSON.stringify(bad)], 'bad.json')] } });
    });
    const dialog = await screen.findByRole('dialog', { name: 'The file was not imported' });
    expect(dialog).toHaveTextContent('$.slots[0].group');
    expect(screen.getByRole('button', { name: /Undo/ })).toBeDisabled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    const good = { ...mini, name: 'Imported PC' };
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([JSON.stringify(good)], 'good.json')] } });
    });
    expect(await screen.findByText(/Imported good.json/)).toBeInTheDocument();
    expect(screen.getByText(/Imported PC/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Undo/ })).toBeEnabled();
  });
});
