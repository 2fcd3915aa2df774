/**
 * Display helpers for plan text extracted from PDFs, where every printed line ends in a line break
 * (often doubled). They only change how text is shown; offsets are always taken on the original.
 */

const SENTENCE_END = /[。！？；：!?;:」』”)）]$/;
const LATIN = /[A-Za-z0-9]/;

function joinPieces(a: string, b: string): string {
  return LATIN.test(a.slice(-1)) && LATIN.test(b.slice(0, 1)) ? `${a} ${b}` : a + b;
}

/**
 * Rejoins lines broken by the PDF layout: a line that fills most of the usual line width and does not
 * end a sentence continues on the next line; shorter lines (headings, paragraph ends) keep their break.
 */
export function reflowParagraphs(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length < 3) return lines.join('\n');
  const sorted = lines.map((l) => l.length).sort((a, b) => a - b);
  const usual = sorted[Math.floor(sorted.length * 0.75)] ?? 0;
  let out = lines[0]!;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const continues = !SENTENCE_END.test(prev) && prev.length >= usual * 0.8;
    out = continues ? joinPieces(out, lines[i]!) : `${out}\n${lines[i]!}`;
  }
  return out;
}

/** Flattens PDF line breaks inside a short excerpt (keeps a break only after the end of a sentence). */
export function flattenBreaks(text: string): string {
  return text.replace(/\s*\n\s*/g, (_m, offset: number, whole: string) => {
    const before = whole.slice(0, offset).slice(-1);
    const after = whole.slice(offset + _m.length, offset + _m.length + 1);
    if (SENTENCE_END.test(before)) return '\n';
    return LATIN.test(before) && LATIN.test(after) ? ' ' : '';
  });
}
