import { normaliseDecimal } from './decimalText.ts';

/*
 * Pasting a block copied from Excel (tab-separated columns, one line per row) into the grid.
 *
 * Two simple modes, decided per block:
 *  - by name: when the block has two or more columns and the first column names at least one of
 *    the form's indicators (its name, English name or code, ignoring spaces and a trailing
 *    "（单位）"), each named row fills that indicator with the second column; other rows are skipped;
 *  - by position: otherwise the first column fills the cell pasted into and the ones below it;
 *    other columns are ignored, empty lines leave their cell unchanged, and rows past the last
 *    indicator are dropped.
 */

export interface PasteTarget {
  indicator: string;
  name: string;
  nameEn: string;
}

export interface PasteResult {
  mode: 'name' | 'position';
  /** Indicator → text to put in its cell (normalised when it looks like a number). */
  fills: { indicator: string; text: string }[];
  /** Rows that were not used (unknown names, or beyond the last row of the grid). */
  skipped: number;
}

/** Splits clipboard text into rows of cells; a trailing line break (Excel adds one) is ignored. */
export function splitBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line) => line.split('\t').map(unquote));
}

/** Excel quotes cells that hold a line break or a quote. */
function unquote(cell: string): string {
  const c = cell.trim();
  return c.length >= 2 && c.startsWith('"') && c.endsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c;
}

/** True when the text is more than one cell, so the grid takes over the paste. */
export function isBlock(text: string): boolean {
  return /[\t\n\r]/.test(text.replace(/(\r?\n)+$/, ''));
}

function nameKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]\s*$/, '')
    .replace(/[\s_]/g, '');
}

function cellText(raw: string): string {
  const n = normaliseDecimal(raw);
  return /^-?\d+(\.\d+)?$/.test(n) ? n : raw.trim();
}

/** Where each row of a pasted block goes; `start` is the index of the cell pasted into. */
export function planPaste(text: string, targets: readonly PasteTarget[], start: number): PasteResult {
  const rows = splitBlock(text);
  const byName = new Map<string, string>();
  for (const t of targets) for (const k of [t.name, t.nameEn, t.indicator]) if (k) byName.set(nameKey(k), t.indicator);

  const wide = rows.some((r) => r.length >= 2);
  if (wide && rows.some((r) => byName.has(nameKey(r[0] ?? '')))) {
    const fills: PasteResult['fills'] = [];
    let skipped = 0;
    for (const r of rows) {
      const indicator = byName.get(nameKey(r[0] ?? ''));
      if (indicator && r[1] !== undefined && r[1].trim() !== '') fills.push({ indicator, text: cellText(r[1]) });
      else skipped += 1;
    }
    return { mode: 'name', fills, skipped };
  }

  const fills: PasteResult['fills'] = [];
  let skipped = 0;
  rows.forEach((r, i) => {
    const target = targets[start + i];
    const first = r[0] ?? '';
    if (!target) skipped += 1;
    else if (first.trim() !== '') fills.push({ indicator: target.indicator, text: cellText(first) });
  });
  return { mode: 'position', fills, skipped };
}
