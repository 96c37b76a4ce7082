import { useState, type KeyboardEvent } from 'react';

export interface Cursor {
  row: number;
  col: number;
}

/**
 * Spreadsheet habits over a rows × cols grid: arrows move; Enter or F2 (or typing) opens the cell; in a cell, Enter
 * and Shift+Enter commit and move down or up, Tab and Shift+Tab commit and move right or left (to the next row at the
 * end), Escape cancels. Tab past the last cell leaves the grid, as a page expects.
 * `commit` writes the text and returns false when it cannot be written (the cell stays open).
 */
export function useGridKeys(
  rows: number,
  cols: number,
  startText: (at: Cursor) => string,
  commit: (at: Cursor, text: string) => boolean,
  /** Whether typing a character opens the column's cell with it (not for lists). */
  typeable: (col: number) => boolean,
) {
  const [cursor, setCursor] = useState<Cursor>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<string>();
  const [invalid, setInvalid] = useState(false);
  const at = { row: Math.min(cursor.row, Math.max(rows - 1, 0)), col: Math.min(cursor.col, cols - 1) };

  const clamp = (c: Cursor): Cursor => ({
    row: Math.max(0, Math.min(rows - 1, c.row)),
    col: Math.max(0, Math.min(cols - 1, c.col)),
  });
  /** The next cell in reading order (Tab), or undefined past either end. */
  const step = (c: Cursor, dir: 1 | -1): Cursor | undefined => {
    const i = c.row * cols + c.col + dir;
    return i < 0 || i >= rows * cols ? undefined : { row: Math.floor(i / cols), col: i % cols };
  };
  const open = (text = startText(at)) => {
    setInvalid(false);
    setEditing(text);
  };
  const close = () => {
    setEditing(undefined);
    setInvalid(false);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (rows === 0) return;
    if (editing !== undefined) {
      const move = (next: Cursor | undefined) => {
        e.preventDefault();
        if (!commit(at, editing)) return setInvalid(true);
        close();
        if (next) setCursor(next);
      };
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close();
      } else if (e.key === 'Enter') move(clamp({ row: at.row + (e.shiftKey ? -1 : 1), col: at.col }));
      else if (e.key === 'Tab') move(step(at, e.shiftKey ? -1 : 1) ?? at);
      return;
    }
    const moves: Record<string, Cursor> = {
      ArrowDown: { row: at.row + 1, col: at.col },
      ArrowUp: { row: at.row - 1, col: at.col },
      ArrowRight: { row: at.row, col: at.col + 1 },
      ArrowLeft: { row: at.row, col: at.col - 1 },
      Home: { row: at.row, col: 0 },
      End: { row: at.row, col: cols - 1 },
    };
    const to = moves[e.key];
    if (to) {
      e.preventDefault();
      setCursor(clamp(to));
    } else if (e.key === 'Tab') {
      const next = step(at, e.shiftKey ? -1 : 1);
      if (next) {
        e.preventDefault();
        setCursor(next);
      }
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      open();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      open(typeable(at.col) ? e.key : undefined);
    }
  };

  return { cursor: at, setCursor, editing, setEditing, invalid, open, close, onKeyDown };
}
