import { compactForMatch } from './normalise.ts';

export interface QuoteLocation {
  /** Offsets into the normalised source text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

export interface QuoteIndex {
  /** First occurrence at or after `from` (an offset into the normalised source). */
  locate(quote: string, from?: number): QuoteLocation | null;
}

/**
 * Indexes a normalised source text so quotes can be found while ignoring white space, because
 * PDF extraction breaks sentences across lines. Built once per source, queried per quote.
 */
export function createQuoteIndex(normalisedSource: string): QuoteIndex {
  const positions: number[] = [];
  let compact = '';
  for (let i = 0; i < normalisedSource.length; i++) {
    const ch = normalisedSource[i]!;
    if (/\s/.test(ch)) continue;
    compact += ch;
    positions.push(i);
  }
  // Binary search: index into `compact` of the first kept character at or after a source offset.
  const compactOffsetAtOrAfter = (offset: number): number => {
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (positions[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    locate(quote, from = 0) {
      const needle = compactForMatch(quote);
      if (needle.length === 0) return null;
      const at = compact.indexOf(needle, compactOffsetAtOrAfter(from));
      if (at < 0) return null;
      return { start: positions[at]!, end: positions[at + needle.length - 1]! + 1 };
    },
  };
}
