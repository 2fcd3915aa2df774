import { compactForMatch } from './normalise.ts';

export interface QuoteLocation {
  /** Offsets into the normalised source text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

export interface QuoteIndex {
  locate(quote: string): QuoteLocation | null;
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
  return {
    locate(quote) {
      const needle = compactForMatch(quote);
      if (needle.length === 0) return null;
      const at = compact.indexOf(needle);
      if (at < 0) return null;
      return { start: positions[at]!, end: positions[at + needle.length - 1]! + 1 };
    },
  };
}
