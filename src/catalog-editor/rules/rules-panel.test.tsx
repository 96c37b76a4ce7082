// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import pcFile from '../../../configs/catalogs/pc.json';
import { validateCatalog, type Catalog, type Rule } from '../../core/catalog/index.ts';
import { RulesPanel } from './rules-panel.tsx';
import '../../ui/i18n/i18n.ts';

afterEach(cleanup);

const pc = validateCatalog(pcFile, 'configs/catalogs/pc.json');

/** The draft editor's part: it holds the catalog and takes every new rules array. */
function Harness(props: { catalog: Catalog; spy: (rules: Rule[]) => void; language?: 'en' | 'de' | 'zh' }) {
  const [catalog, setCatalog] = useState(props.catalog);
  return (
    <RulesPanel
      catalog={catalog}
      language={props.language ?? 'en'}
      onChange={(rules) => {
        props.spy(rules);
        setCatalog({ ...catalog, rules });
      }}
    />
  );
}

const lastRules = (spy: ReturnType<typeof vi.fn>) => spy.mock.calls.at(-1)?.[0] as Rule[];
const item = (id: string) => screen.getByText(id, { selector: 'code' }).closest('li') as HTMLElement;

describe('RulesPanel', () => {
  it('reads every rule as a sentence, in the panel’s language', () => {
    render(<Harness catalog={pc} spy={vi.fn()} />);
    expect(screen.getByText('Processor CPU socket must equal Motherboard CPU socket')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(pc.rules.length);
    cleanup();
    render(<Harness catalog={pc} spy={vi.fn()} language="de" />);
    expect(screen.getByRole('heading', { name: 'Regeln' })).toBeInTheDocument();
  });

  it('adds a rule of the chosen kind, valid from the start', async () => {
    const spy = vi.fn();
    render(<Harness catalog={{ ...pc, rules: [] }} spy={spy} />);
    await userEvent.selectOptions(screen.getByLabelText('Kind of the new rule'), 'Total within a limit');
    await userEvent.click(screen.getByRole('button', { name: '+ Add rule' }));
    expect(lastRules(spy)).toEqual([
      expect.objectContaining({ id: 'resource-1', kind: 'resource', op: '<=' }),
    ]);
    expect(screen.getByRole('region', { name: 'Editing rule resource-1' })).toBeInTheDocument();
  });

  it('edits a compatible rule and shows a comparison of a list with a number inline', async () => {
    const spy = vi.fn();
    render(<Harness catalog={pc} spy={spy} />);
    await userEvent.click(within(item('cpu-socket')).getByRole('button', { name: 'Edit' }));
    const builder = screen.getByRole('region', { name: 'Editing rule cpu-socket' });
    const attrs = within(builder).getAllByRole('combobox', { name: 'Attribute' });
    await userEvent.selectOptions(attrs[1] as HTMLElement, 'Memory slots');
    const edited = lastRules(spy).find((r) => r.id === 'cpu-socket');
    expect(edited).toMatchObject({ kind: 'compatible', right: { slot: 'motherboard', attr: 'memorySlots' } });
    expect(
      within(builder).getByText(/Compares a list attribute with a number attribute/),
    ).toBeInTheDocument();
    expect(within(item('cpu-socket')).getByText(/⚠ \d problems?/)).toBeInTheDocument();
  });

  it('edits a requires rule through its conditions', async () => {
    const spy = vi.fn();
    render(<Harness catalog={pc} spy={spy} />);
    await userEvent.click(within(item('no-gpu-needs-igpu')).getByRole('button', { name: 'Edit' }));
    const builder = screen.getByRole('region', { name: 'Editing rule no-gpu-needs-igpu' });
    await userEvent.selectOptions(
      within(builder).getByRole('combobox', { name: 'Condition on Graphics card' }),
      'is chosen',
    );
    expect(lastRules(spy).find((r) => r.id === 'no-gpu-needs-igpu')).toMatchObject({
      kind: 'requires',
      when: [{ slot: 'gpu', empty: false }],
    });
    expect(
      within(item('no-gpu-needs-igpu')).getByText(/^If Graphics card is chosen then/, {
        selector: '.rule-sentence',
      }),
    ).toBeInTheDocument();
  });

  it('duplicates and deletes, reporting the whole list each time', async () => {
    const spy = vi.fn();
    render(<Harness catalog={pc} spy={spy} />);
    await userEvent.click(within(item('cpu-socket')).getByRole('button', { name: 'Duplicate' }));
    const ids = lastRules(spy).map((r) => r.id);
    expect(ids.slice(0, 2)).toEqual(['cpu-socket', 'cpu-socket-copy-1']);
    expect(ids).toHaveLength(pc.rules.length + 1);
    await userEvent.click(within(item('cpu-socket')).getByRole('button', { name: 'Delete' }));
    expect(lastRules(spy).map((r) => r.id)).toEqual(ids.filter((id) => id !== 'cpu-socket'));
  });

  it('keeps a malformed or taken id in the field, committing only a good one', async () => {
    const spy = vi.fn();
    render(<Harness catalog={pc} spy={spy} />);
    await userEvent.click(within(item('cpu-socket')).getByRole('button', { name: 'Edit' }));
    const field = screen.getByRole('textbox', { name: 'Rule id' });
    await userEvent.clear(field);
    await userEvent.type(field, 'Socket');
    expect(await screen.findByText(/The id must use lower-case letters/)).toBeInTheDocument();
    expect(spy.mock.calls.flatMap((c) => (c[0] as Rule[]).map((r) => r.id))).not.toContain('Socket');
    await userEvent.clear(field);
    await userEvent.type(field, 'memory-type');
    expect(await screen.findByText(/Another rule has this id/)).toBeInTheDocument();
    await userEvent.type(field, '-2');
    expect(lastRules(spy)[0]?.id).toBe('memory-type-2');
  });

  it('flags foreign placeholders and previews the message on a sample build', async () => {
    const spy = vi.fn();
    render(<Harness catalog={pc} spy={spy} />);
    await userEvent.click(within(item('cpu-socket')).getByRole('button', { name: 'Edit' }));
    // The sample search runs after the paint, outside React's act(): vitest's own waitFor polls for it.
    await vi.waitFor(
      () => expect(document.querySelector('blockquote')?.textContent).toMatch(/needs a board with socket/),
      { timeout: 60_000, interval: 200 },
    );
    const message = screen.getByRole('textbox', { name: 'Message to the customer' });
    await userEvent.clear(message);
    await userEvent.type(message, 'No {{gpu}');
    expect(screen.getByText(/Not a placeholder of this rule: \{gpu\}/)).toBeInTheDocument();
    expect(lastRules(spy)[0]?.message).toBe('No {gpu}');
    await userEvent.clear(message);
    await userEvent.click(screen.getByRole('button', { name: 'Insert {cpu.socket}' }));
    expect(lastRules(spy)[0]?.message).toBe('{cpu.socket}');
  }, 90_000);
});
