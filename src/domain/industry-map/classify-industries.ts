import { labelKey as key, type ChainTaxonomy } from './chain-taxonomy.schema.ts';

export interface ZoneIndustries {
  /** Chain codes in the order the zone lists its industries (duplicates dropped). */
  chains: string[];
  /** Industry codes: those of the chains, plus industries named as a whole (生物医药), in first-seen order. */
  industries: string[];
  /** The zone's first listed industry that names a chain; null when none does. */
  primaryChain: string | null;
  /** The industry of the primary chain, else the first industry named as a whole. */
  primaryIndustry: string | null;
  /** Labels the taxonomy does not know: shown as they are, never dropped. */
  unmatched: string[];
}

/** Label → what it names, built once per taxonomy. */
export interface LabelIndex {
  chain: ReadonlyMap<string, { chain: string; industry: string }>;
  industry: ReadonlyMap<string, string>;
}

export function indexLabels(t: ChainTaxonomy): LabelIndex {
  const chain = new Map<string, { chain: string; industry: string }>();
  const industry = new Map<string, string>();
  for (const c of t.chains) for (const a of [c.name, ...c.aliases]) chain.set(key(a), { chain: c.code, industry: c.industry });
  for (const i of t.industries) for (const a of [i.name, ...i.aliases]) industry.set(key(a), i.code);
  return { chain, industry };
}

/**
 * Maps a zone's free-text leading industries (as the plan words them) to chains and industries.
 * The primary chain is the first one listed: the dataset lists a zone's industries in the order of the
 * plan's own industry layout (第三章 第二节), so this is a stable, documented rule, not a judgement of size.
 */
export function classifyIndustries(labels: readonly string[], index: LabelIndex): ZoneIndustries {
  const chains: string[] = [];
  const industries: string[] = [];
  const unmatched: string[] = [];
  let primaryChain: string | null = null;
  let primaryIndustry: string | null = null;
  let firstWhole: string | null = null;
  const add = (list: string[], v: string) => {
    if (!list.includes(v)) list.push(v);
  };
  for (const label of labels) {
    const k = key(label);
    const c = index.chain.get(k);
    if (c) {
      add(chains, c.chain);
      add(industries, c.industry);
      if (primaryChain === null) {
        primaryChain = c.chain;
        primaryIndustry = c.industry;
      }
      continue;
    }
    const i = index.industry.get(k);
    if (i) {
      add(industries, i);
      firstWhole ??= i;
      continue;
    }
    if (!unmatched.includes(label)) unmatched.push(label);
  }
  return { chains, industries, primaryChain, primaryIndustry: primaryIndustry ?? firstWhole, unmatched };
}
