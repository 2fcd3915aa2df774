import { Trie } from 'opencc-js/core';
import { from, to } from 'opencc-js/preset/t2cn';
import { OffsetTextBuilder, type OffsetText } from './offset-text.ts';

/**
 * Traditional → Simplified for matching keys, with OpenCC's own dictionaries (Taiwan and Hong Kong
 * variants first, then TSPhrases + TSCharacters), so 達到/億元/國內生產總值 read as 达到/亿元/国内生产总值
 * while every character still points at the document's own characters: the rules match the
 * Simplified text, quotes and spans are cut from the original.
 *
 * OpenCC's t2s is character for character for almost all of its table; a phrase whose replacement
 * has another length maps as a whole onto the characters it replaced (the offset map). Simplified
 * text passes through unchanged apart from OpenCC's few one-way folds (显著 → 显着), which touch
 * no rule.
 */
let stages: Trie[] | undefined;

function conversionStages(): Trie[] {
  stages ??= [...(from.tw ?? []), ...(from.hk ?? []), ...(to.cn ?? [])].map((group) => {
    const trie = new Trie();
    trie.loadDictGroup(group);
    return trie;
  });
  return stages;
}

/** Applies one dictionary stage (longest match first, as OpenCC does), keeping the offset map. */
function convertStage(t: OffsetText, trie: Trie): OffsetText {
  const out = new OffsetTextBuilder();
  let i = 0;
  while (i < t.text.length) {
    const match = trie.matchPrefix(t.text, i);
    if (match === null) {
      out.copy(t, i, i + 1);
      i++;
      continue;
    }
    const { end, value } = match;
    if (value.length === end - i) {
      // Same length: each replacement character keeps the origin of the character it replaces.
      for (let k = 0; k < value.length; k++) out.push(value[k]!, t.starts[i + k]!, t.ends[i + k]!);
    } else {
      let start = t.starts[i]!;
      let stop = t.ends[end - 1]!;
      for (let k = i; k < end; k++) {
        start = Math.min(start, t.starts[k]!);
        stop = Math.max(stop, t.ends[k]!);
      }
      out.push(value, start, stop);
    }
    i = end;
  }
  return out.build();
}

/** The text with Traditional characters and phrases in their Simplified form, offsets preserved. */
export function toSimplified(t: OffsetText): OffsetText {
  let out = t;
  for (const trie of conversionStages()) out = convertStage(out, trie);
  return out;
}
