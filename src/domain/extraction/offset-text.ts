/**
 * A text derived from an original document, remembering for every character where it came from.
 * Each cleaning step (folding, dropping page furniture, joining lines, removing duplicates) builds a
 * new OffsetText from the previous one, so candidates found in the clean text still point at the
 * exact characters of the document as received.
 */
export interface OffsetText {
  readonly text: string;
  /** starts[i], ends[i]: the original characters [start, end) that text[i] was made from. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** The original text, mapped onto itself. */
export function identityText(text: string): OffsetText {
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { text, starts, ends };
}

/** Accumulates characters with their origins; used by every step that rewrites a text. */
export class OffsetTextBuilder {
  private readonly chars: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  get length(): number {
    return this.chars.length;
  }

  /** Appends `s`, made from the original characters [start, end). */
  push(s: string, start: number, end: number): void {
    for (let i = 0; i < s.length; i++) {
      this.chars.push(s[i]!);
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  /** Appends source[from, to) keeping each character's own origin. */
  copy(source: OffsetText, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      this.chars.push(source.text[i]!);
      this.starts.push(source.starts[i]!);
      this.ends.push(source.ends[i]!);
    }
  }

  lastChar(): string | undefined {
    return this.chars[this.chars.length - 1];
  }

  /** Removes trailing characters matching `re`, one at a time. */
  trimEnd(re: RegExp): void {
    while (this.chars.length > 0 && re.test(this.chars[this.chars.length - 1]!)) {
      this.chars.pop();
      this.starts.pop();
      this.ends.pop();
    }
  }

  build(): OffsetText {
    return { text: this.chars.join(''), starts: Int32Array.from(this.starts), ends: Int32Array.from(this.ends) };
  }
}

/** Original offsets [start, end) of the derived range [from, to); an empty range maps to a point. */
export function originalRange(t: OffsetText, from: number, to: number): { start: number; end: number } {
  if (t.text.length === 0) return { start: 0, end: 0 };
  if (to <= from) {
    const at = from < t.text.length ? t.starts[from]! : t.ends[t.text.length - 1]!;
    return { start: at, end: at };
  }
  let start = t.starts[from]!;
  let end = t.ends[to - 1]!;
  for (let i = from; i < to; i++) {
    if (t.starts[i]! < start) start = t.starts[i]!;
    if (t.ends[i]! > end) end = t.ends[i]!;
  }
  return { start, end };
}

/**
 * The original characters behind the derived range [from, to): what a quote shows. Characters the
 * cleaning dropped (joined line breaks, page furniture, pinyin annotations) are left out; a
 * character rewritten (Traditional → Simplified, full-width → half-width) appears as written, or as
 * `fold` makes it.
 */
export function originalText(
  raw: string,
  t: OffsetText,
  from: number,
  to: number,
  fold: (piece: string) => string = (piece) => piece,
): string {
  let out = '';
  let covered = -1;
  for (let i = from; i < to; i++) {
    const start = Math.max(t.starts[i]!, covered);
    const end = t.ends[i]!;
    if (end > start) out += fold(raw.slice(start, end));
    covered = Math.max(covered, end);
  }
  return out;
}
