import { useCallback, useEffect, useRef, useState } from 'react';
import { api, hasErrorCode, type SheetKey } from '../api/client.ts';
import type { CellConflict, EntrySheet, Transition } from '../api/reportingTypes.ts';
import {
  afterSave,
  dirtyState,
  draftWrites,
  invalidCells,
  savable,
  storedText,
  withCell,
  withNote,
  withoutStoredEdits,
  type EditorState,
} from './entryEditorState.ts';

export type { EditorState, SaveState } from './entryEditorState.ts';

/** How long the grid waits after a blur or paste before saving, so a run of edits goes in one request. */
export const AUTOSAVE_DELAY_MS = 800;

export interface EntryEditor extends EditorState {
  /** Text shown in a cell: the edit if any, else the stored value. */
  cellText: (indicator: string) => string;
  noteText: (key: string) => string;
  setCell: (indicator: string, text: string) => void;
  setNote: (key: string, text: string) => void;
  /** Saves after AUTOSAVE_DELAY_MS unless more edits come first. */
  scheduleSave: () => void;
  /** Saves now and resolves once nothing is unsaved (false when a conflict or error stops it). */
  flush: () => Promise<boolean>;
  /** Resolves one conflict: keep my value (saved over theirs) or take theirs. */
  resolveConflict: (indicator: string, keep: 'mine' | 'theirs') => void;
  /** Submit / approve / return / reopen; rejects with the ApiError of the server. */
  transition: (transition: Transition, comment?: string) => Promise<void>;
  reload: () => Promise<void>;
  /** Cells whose text is not a number (they are not saved until corrected). */
  invalid: string[];
}

/** The conflicts of a 409 VERSION_CONFLICT: one cell ({indicator, yours, theirs}) or {conflicts: […]}. */
export function conflictsOf(error: unknown): CellConflict[] | null {
  if (!hasErrorCode(error, 'VERSION_CONFLICT')) return null;
  const d = error.details as { conflicts?: CellConflict[] } | CellConflict | undefined;
  if (d && 'conflicts' in d && Array.isArray(d.conflicts)) return d.conflicts;
  if (d && 'indicator' in d) return [d];
  return null;
}

/**
 * The state of an entry sheet being edited: local edits on top of the sheet the server sent,
 * autosaved as drafts (one request at a time), with optimistic-concurrency conflicts kept aside
 * until the user picks a value.
 */
export function useEntryEditor(key: SheetKey, initial: EntrySheet): EntryEditor {
  const [state, setState] = useState<EditorState>(() => ({
    sheet: initial,
    edits: {},
    notes: {},
    conflicts: [],
    save: 'saved',
    saveError: null,
  }));
  // The latest state, for timers and requests in flight (their closures hold an old render's).
  // Every change goes through update(), which computes from it synchronously and then renders.
  const stateRef = useRef(state);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const keyRef = useRef(key);
  keyRef.current = key;

  const update = useCallback((fn: (s: EditorState) => EditorState) => {
    const next = fn(stateRef.current);
    stateRef.current = next;
    setState(next);
  }, []);

  const saveOnce = useCallback(async (): Promise<void> => {
    const s = stateRef.current;
    if (s.conflicts.length) return;
    const { sent, values } = draftWrites(s);
    const notes = { ...s.notes };
    if (!values.length && !Object.keys(notes).length) {
      update((x) => ({ ...x, save: dirtyState(x) }));
      return;
    }
    update((x) => ({ ...x, save: 'saving', saveError: null }));
    try {
      const next = await api.saveEntry(keyRef.current, values, Object.keys(notes).length ? notes : undefined);
      update((x) => afterSave(x, next, sent, notes));
    } catch (error) {
      const conflicts = conflictsOf(error);
      if (conflicts) {
        update((x) => ({ ...x, conflicts, save: 'conflict' }));
      } else if (hasErrorCode(error, 'LOCKED')) {
        // Submitted or approved meanwhile: show the locked sheet; the unsaved text cannot go in.
        const fresh = await api.entrySheet(keyRef.current).catch(() => null);
        update((x) => ({ ...x, sheet: fresh ?? x.sheet, edits: {}, notes: {}, save: 'error', saveError: error }));
      } else {
        update((x) => ({ ...x, save: 'error', saveError: error }));
      }
    }
  }, [update]);

  /** Saves until nothing savable is left; one request at a time. */
  const runSaves = useCallback(async (): Promise<void> => {
    while (inFlight.current) await inFlight.current;
    for (let round = 0; round < 5; round++) {
      const before = stateRef.current;
      const p = saveOnce();
      inFlight.current = p;
      try {
        await p;
      } finally {
        inFlight.current = null;
      }
      const after = stateRef.current;
      if (after.save !== 'pending' || after === before) return;
      // Edits made while the request was out: save them too (unless only invalid cells are left).
      if (!savable(after)) return;
    }
  }, [saveOnce]);

  // Leaving the page (another hash) while a save waits: save now rather than drop the edits.
  const runSavesRef = useRef(runSaves);
  runSavesRef.current = runSaves;
  useEffect(
    () => () => {
      if (!timer.current) return;
      clearTimeout(timer.current);
      timer.current = null;
      void runSavesRef.current();
    },
    [],
  );

  const scheduleSave = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void runSaves();
    }, AUTOSAVE_DELAY_MS);
  }, [runSaves]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    await runSaves();
    const s = stateRef.current;
    return s.save === 'saved';
  }, [runSaves]);

  const setCell = useCallback((indicator: string, text: string) => update((x) => withCell(x, indicator, text)), [update]);

  const setNote = useCallback((key: string, text: string) => update((x) => withNote(x, key, text)), [update]);

  const reload = useCallback(async () => {
    const fresh = await api.entrySheet(keyRef.current);
    update((x) => ({ ...x, sheet: fresh }));
  }, [update]);

  const resolveConflict = useCallback(
    (indicator: string, keep: 'mine' | 'theirs') => {
      const s = stateRef.current;
      const conflicts = s.conflicts.filter((c) => c.indicator !== indicator);
      update((x) => {
        const edits = { ...x.edits };
        if (keep === 'theirs') delete edits[indicator];
        return { ...x, edits, conflicts, save: conflicts.length ? 'conflict' : 'pending' };
      });
      if (conflicts.length) return;
      // All decided: fetch the current versions, then save what the user kept over them.
      void (async () => {
        try {
          await reload();
          update(withoutStoredEdits);
          await runSaves();
        } catch (error) {
          update((x) => ({ ...x, save: 'error', saveError: error }));
        }
      })();
    },
    [reload, runSaves, update],
  );

  const transition = useCallback(
    async (name: Transition, comment?: string) => {
      const next = await api.transition(keyRef.current, name, stateRef.current.sheet.submission.version, comment);
      update((x) => ({ ...x, sheet: next }));
    },
    [update],
  );

  return {
    ...state,
    cellText: (indicator) => state.edits[indicator] ?? storedText(state.sheet, indicator),
    noteText: (k) => state.notes[k] ?? state.sheet.submission.explanations[k] ?? '',
    setCell,
    setNote,
    scheduleSave,
    flush,
    resolveConflict,
    transition,
    reload,
    invalid: invalidCells(state.edits),
  };
}
