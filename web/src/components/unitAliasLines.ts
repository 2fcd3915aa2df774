/** The kinds of a unit alias, as the API takes them. */
export const ALIAS_KINDS = ['short', 'former', 'other'] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];

/** One line of a pasted or uploaded list: "别名" or "别名,类型" (类型: 简称/曾用名/其他 or short/former/other). */
export function parseAliasLines(text: string): { alias: string; kind: AliasKind }[] {
  const kindOf = (word: string | undefined): AliasKind => {
    const w = (word ?? '').trim();
    if (w === '曾用名' || w === 'former') return 'former';
    if (w === '其他' || w === 'other') return 'other';
    return 'short';
  };
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.split(/[,，\t]/))
    .map(([alias, kind]) => ({ alias: (alias ?? '').trim(), kind: kindOf(kind) }))
    .filter((l) => l.alias && l.alias !== '别名' && l.alias.toLowerCase() !== 'alias');
}
