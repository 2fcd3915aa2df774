import type { CellConflict, CellWrite, EntrySheet } from '../api/reportingTypes.ts';
import { isDecimal, normaliseDecimal } from './decimalText.ts';

/**
 * The entry editor's state and its pure steps (useEntryEditor.ts runs them on its state): what a cell
 * or an explanation typed does, what a draft save sends, and what its answer leaves unsaved.
 */

/** saved: nothing unsaved; pending: unsaved edits (waiting, or not a number yet); conflict: someone else saved first. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'conflict' | 'error';

export interface EditorState {
  sheet: EntrySheet;
  /** Indicator → text typed that differs from the stored value. */
  edits: Record<string, string>;
  /** Finding key → explanation typed that differs from the stored one. */
  notes: Record<string, string>;
  conflicts: CellConflict[];
  save: SaveState;
  saveError: unknown;
}

export function storedText(sheet: EntrySheet, indicator: string): string {
  return sheet.items.find((i) => i.indicator === indicator)?.value ?? '';
}

export const dirtyState = (s: EditorState): SaveState =>
  s.conflicts.length ? 'conflict' : Object.keys(s.edits).length || Object.keys(s.notes).length ? 'pending' : 'saved';

/** The cell writes of a draft save: numbers (or blanks) typed over the version they replace; text that is not a number waits. */
export function draftWrites(s: EditorState): { sent: { indicator: string; text: string }[]; values: CellWrite[] } {
  const sent: { indicator: string; text: string }[] = [];
  const values: CellWrite[] = [];
  for (const [indicator, text] of Object.entries(s.edits)) {
    const trimmed = text.trim();
    if (trimmed !== '' && !isDecimal(trimmed)) continue; // shown as invalid, saved once corrected
    const item = s.sheet.items.find((i) => i.indicator === indicator);
    if (!item) continue;
    sent.push({ indicator, text });
    values.push({ indicator, value: trimmed === '' ? null : normaliseDecimal(trimmed), expectedVersion: item.version });
  }
  return { sent, values };
}

/** After a save answered with the sheet `next`: the edits and notes sent are saved, unless typed over meanwhile. */
export function afterSave(
  x: EditorState,
  next: EntrySheet,
  sent: readonly { indicator: string; text: string }[],
  notes: Record<string, string>,
): EditorState {
  const edits = { ...x.edits };
  for (const v of sent) if (edits[v.indicator] === v.text) delete edits[v.indicator];
  const left = { ...x.notes };
  for (const [k, v] of Object.entries(notes)) if (left[k] === v) delete left[k];
  const y = { ...x, sheet: next, edits, notes: left };
  return { ...y, save: dirtyState(y) };
}

/** A cell typed: an edit, unless it reads as the stored value. */
export function withCell(x: EditorState, indicator: string, text: string): EditorState {
  const edits = { ...x.edits };
  const stored = storedText(x.sheet, indicator);
  const same = text.trim() === '' ? stored === '' : isDecimal(text) && normaliseDecimal(text) === stored;
  if (same) delete edits[indicator];
  else edits[indicator] = text;
  const y = { ...x, edits };
  return { ...y, save: x.save === 'saving' ? 'saving' : dirtyState(y) };
}

/** An explanation typed: a note, unless it is the stored explanation. */
export function withNote(x: EditorState, key: string, text: string): EditorState {
  const notes = { ...x.notes };
  if (text.trim() === (x.sheet.submission.explanations[key] ?? '').trim()) delete notes[key];
  else notes[key] = text;
  const y = { ...x, notes };
  return { ...y, save: x.save === 'saving' ? 'saving' : dirtyState(y) };
}

/** After a reload: edits that now equal the stored value are no longer edits. */
export function withoutStoredEdits(x: EditorState): EditorState {
  const edits = { ...x.edits };
  for (const [ind, text] of Object.entries(edits))
    if (isDecimal(text) && normaliseDecimal(text) === storedText(x.sheet, ind)) delete edits[ind];
  const y = { ...x, edits };
  return { ...y, save: dirtyState(y) };
}

/** Something is left that a save would send (not only cells that are not numbers). */
export const savable = (s: EditorState): boolean =>
  Object.entries(s.edits).some(([, t]) => t.trim() === '' || isDecimal(t)) || Object.keys(s.notes).length > 0;

/** Cells whose text is not a number. */
export const invalidCells = (edits: Record<string, string>): string[] =>
  Object.entries(edits)
    .filter(([, t]) => t.trim() !== '' && !isDecimal(t))
    .map(([i]) => i);
