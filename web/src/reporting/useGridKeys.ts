import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EntryEditor } from './useEntryEditor.ts';

/**
 * The entry grid's keys, as a spreadsheet's: Tab / Shift+Tab and Enter / Shift+Enter go to the next /
 * previous value cell, ↑ / ↓ move a row, Esc puts back what the cell held when it was entered; entering
 * a cell selects its text. `origin` is set by the cell on focus.
 */
export function useGridKeys(editor: EntryEditor, editable: boolean) {
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const [focused, setFocused] = useState<number | null>(null);
  /** Bumped to select the focused cell's text again (after Esc). */
  const [reselect, setReselect] = useState(0);
  const origin = useRef('');
  // Entering a cell selects its content, as a spreadsheet does; runs before the next key press.
  useLayoutEffect(() => {
    if (focused !== null) inputs.current[focused]?.select();
  }, [focused, reselect]);

  const move = (from: number, delta: number): boolean => {
    const to = from + delta;
    const el = inputs.current[to];
    if (to < 0 || to >= editor.sheet.items.length || !el) return false;
    el.focus();
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, i: number) => {
    const item = editor.sheet.items[i]!;
    if (e.key === 'Tab' || e.key === 'Enter') {
      const delta = e.shiftKey ? -1 : 1;
      // Tab past the last (or before the first) cell leaves the grid as usual.
      if (move(i, delta) || e.key === 'Enter') e.preventDefault();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(i, e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Escape' && editable) {
      e.preventDefault();
      editor.setCell(item.indicator, origin.current);
      setReselect((n) => n + 1);
    }
  };

  return { inputs, focused, setFocused, origin, onKeyDown };
}
