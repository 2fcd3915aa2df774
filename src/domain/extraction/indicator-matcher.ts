import { normaliseText } from '../text/normalise.ts';
import type { Catalogue, IndicatorRef } from './candidate.schema.ts';

/**
 * Matches the words a plan uses for an indicator (进出口额, 外贸进出口, 货物进出口) to the
 * catalogue, through names, synonyms and aliases derived by general rules; anything else is
 * proposed as a new indicator under the plan's own words.
 */
export interface IndicatorMatcher {
  match(phrase: string): IndicatorRef | null;
}

/** Words that stand for a standard statistic in every Chinese plan; resolved through the catalogue. */
const GENERAL_EQUIVALENTS: readonly [phrase: string, catalogueName: string][] = [
  ['经济总量', '地区生产总值'],
  ['生产总值', '地区生产总值'],
  ['外贸进出口', '进出口总额'],
  ['吸收外资', '实际利用外资'],
  ['引进外资', '实际利用外资'],
  ['使用外资', '实际利用外资'],
];

/** Endings that do not change which indicator is meant: 进出口(贸易)(总)额, 企业数(量). */
const GENERIC_TAIL = /^(?:贸易总额|贸易额|贸易总值|总额|总量|总值|额|值|数量|数|量|规模|水平|总数)$/;
/** Verbs before an indicator that do not change it: 实际利用外资 ≈ 吸收外资 ≈ 外资. */
const LEADING_VERB = /^(?:实际使用|实际利用|实际|利用|吸收|引进|引入|完成|实现|新增|推动)/;

interface Alias {
  text: string;
  code: string;
  name: string;
  unit?: string;
  by: IndicatorRef['matchedBy'];
}

export function createIndicatorMatcher(indicators: Catalogue['indicators']): IndicatorMatcher {
  const aliases: Alias[] = [];
  const add = (text: string, i: Catalogue['indicators'][number], by: Alias['by']) => {
    const t = compact(text);
    if (t.length < 2) return;
    if (aliases.some((a) => a.text === t && a.code === i.code)) return;
    aliases.push({ text: t, code: i.code, name: i.name, unit: i.unit, by });
  };
  for (const i of indicators) {
    add(i.name, i, 'name');
    for (const s of i.synonyms) add(s, i, 'synonym');
    for (const s of [i.name, ...i.synonyms]) {
      const c = compact(s);
      const tail = /(?:数量|总额|总量|总数|数|额|值|规模)$/.exec(c);
      if (tail && c.length - tail[0].length >= 2) add(c.slice(0, c.length - tail[0].length), i, 'alias');
      const verb = LEADING_VERB.exec(c);
      if (verb && c.length - verb[0].length >= 2) {
        const rest = c.slice(verb[0].length);
        add(rest, i, 'alias');
        const restTail = /(?:数量|总额|总量|总数|数|额|值|规模)$/.exec(rest);
        if (restTail && rest.length - restTail[0].length >= 2) add(rest.slice(0, rest.length - restTail[0].length), i, 'alias');
      }
      if (c.includes('规模以上')) add(c.replace('规模以上', '规上'), i, 'alias');
    }
  }
  const byName = new Map(indicators.map((i) => [compact(i.name), i]));
  for (const [phrase, name] of GENERAL_EQUIVALENTS) {
    const i = byName.get(name);
    if (i) add(phrase, i, 'alias');
  }
  // Longest first: 新设外资企业数 before 新设企业数, 加工贸易进出口 before 进出口.
  aliases.sort((a, b) => b.text.length - a.text.length);

  return {
    match(phrase) {
      const p = compact(phrase);
      if (p.length < 2) return null;
      let best: { alias: Alias; score: number } | null = null;
      for (const a of aliases) {
        const at = p.lastIndexOf(a.text);
        if (at < 0) continue;
        const rest = p.slice(at + a.text.length);
        // The head of a Chinese noun phrase is at its end: the alias must end the phrase,
        // up to a generic ending (额, 总量, 数量 …).
        if (rest.length > 0 && !GENERIC_TAIL.test(rest)) continue;
        // Cover as much of the phrase as possible: 进出口+额 (4) beats 出口额 (3) in 进出口额.
        const coverage = p.length - at;
        const score = coverage * 4 + a.text.length * 2 + (rest.length === 0 ? 1 : 0) + (a.by === 'alias' ? 0 : 1);
        if (!best || score > best.score) best = { alias: a, score };
      }
      if (best) {
        const { alias } = best;
        return { code: alias.code, name: alias.name, mention: p, matchedBy: alias.by, unit: alias.unit };
      }
      return { name: p, mention: p, matchedBy: 'new' };
    },
  };
}

/** Names are stored as written (土地供应率（供地率）) while documents are normalised: both sides are folded alike. */
function compact(s: string): string {
  return normaliseText(s).replace(/\s+/g, '');
}
