// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SessionResponse } from '../../contract/session.schema.ts';
import { i18n } from '../../ui/i18n/i18n.ts';
import { sessionConflictTexts } from '../../ui/i18n/store-continue.texts.ts';
import { ConflictDialog } from './conflict-dialog.tsx';
import { carSession } from '../../../test/fixtures/car-session.ts';

const stored = (updatedBy: SessionResponse['updatedBy']): SessionResponse => ({
  session: carSession(''),
  updatedAt: '2026-12-05T14:30:00.000Z',
  revision: 4,
  updatedBy,
});

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

describe('the session conflict dialog', () => {
  it('says the store changed it, by whom (first name and role), and reloads theirs', () => {
    const onReload = vi.fn();
    render(
      <ConflictDialog
        current={stored({ channel: 'store', name: 'Sam', role: 'sales' })}
        onReload={onReload}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'This build was changed elsewhere' });
    expect(dialog).toHaveAccessibleDescription(/changed in the store \(by Sam, sales, at .*2026.*\)/);
    // Without a way to keep this side's build, the only choice is theirs; it has the focus.
    expect(screen.queryByRole('button', { name: 'Keep both' })).toBeNull();
    const reload = screen.getByRole('button', { name: 'Reload theirs' });
    expect(reload).toHaveFocus();
    fireEvent.click(reload);
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('Keep both saves this side first; a failure says so and leaves both choices open', async () => {
    const onReload = vi.fn();
    let finish: (ok: boolean) => void = () => undefined;
    const onKeepBoth = vi.fn(
      () =>
        new Promise<void>((resolve, reject) => {
          finish = (ok) => (ok ? resolve() : reject(new Error('offline')));
        }),
    );
    render(
      <ConflictDialog current={stored({ channel: 'web' })} onReload={onReload} onKeepBoth={onKeepBoth} />,
    );
    expect(screen.getByRole('dialog')).toHaveAccessibleDescription(/changed on another device/);
    fireEvent.click(screen.getByRole('button', { name: 'Keep both' }));
    expect(onKeepBoth).toHaveBeenCalledTimes(1);
    // While it saves, neither button can be pressed again.
    expect(screen.getByRole('button', { name: 'Saving yours…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Reload theirs' })).toBeDisabled();
    await act(async () => finish(false));
    expect(await screen.findByRole('alert')).toHaveTextContent('Yours could not be saved');
    expect(screen.getByRole('button', { name: 'Reload theirs' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Keep both' })).toBeEnabled();
    expect(onReload).not.toHaveBeenCalled();
  });

  it('tells staff serving a customer that the customer changed it online, by name', () => {
    render(
      <ConflictDialog
        current={stored({ channel: 'web' })}
        customerName="Anna"
        onReload={() => undefined}
        onKeepBoth={() => Promise.resolve()}
      />,
    );
    expect(screen.getByRole('dialog')).toHaveAccessibleDescription(
      /^Anna changed this build online meanwhile/,
    );
  });

  it('speaks German too', async () => {
    await i18n.changeLanguage('de');
    render(
      <ConflictDialog
        current={stored({ channel: 'store', name: 'Sam', role: 'sales' })}
        onReload={() => undefined}
        onKeepBoth={() => Promise.resolve()}
      />,
    );
    await waitFor(() =>
      expect(screen.getByRole('heading')).toHaveTextContent('Diese Konfiguration wurde anderswo geändert'),
    );
    expect(screen.getByRole('button', { name: 'Beide behalten' })).toBeInTheDocument();
  });

  it('has the same texts in every language, none empty', () => {
    const keys = (texts: object) => Object.keys(texts).sort();
    expect(keys(sessionConflictTexts.de)).toEqual(keys(sessionConflictTexts.en));
    expect(keys(sessionConflictTexts.zh)).toEqual(keys(sessionConflictTexts.en));
    for (const texts of Object.values(sessionConflictTexts))
      for (const text of Object.values(texts)) expect(text).not.toBe('');
  });
});
