import { useState, type ClipboardEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isBlock, planPaste } from './pasteBlock.ts';
import type { EntryEditor } from './useEntryEditor.ts';

/**
 * A block pasted from Excel into the entry grid fills the cell and the ones below (see pasteBlock.ts),
 * and says how it matched the rows; a single value is left to the browser.
 */
export function usePasteBlock(editor: EntryEditor, editable: boolean) {
  const { t } = useI18n();
  const [pasteNote, setPasteNote] = useState<string | null>(null);
  const onPaste = (e: ClipboardEvent<HTMLInputElement>, i: number) => {
    if (!editable) return;
    const text = e.clipboardData.getData('text/plain');
    if (!isBlock(text)) return; // one value: the browser pastes it into the cell
    e.preventDefault();
    const plan = planPaste(
      text,
      editor.sheet.items.map((it) => ({ indicator: it.indicator, name: it.name, nameEn: it.nameEn })),
      i,
    );
    for (const f of plan.fills) editor.setCell(f.indicator, f.text);
    setPasteNote(
      t(plan.mode === 'name' ? 'reporting.paste.byName' : 'reporting.paste.byPosition', {
        n: plan.fills.length,
        skipped: plan.skipped,
      }),
    );
    editor.scheduleSave();
  };
  return { pasteNote, onPaste };
}
