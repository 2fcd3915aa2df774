import { normaliseText } from '../text/normalise.ts';

/**
 * How Yunnan's zone statisticians shorten the official names of development zones in their own
 * workbooks: 昆明高新技术产业开发区 → 昆明高新区, 曲靖经济技术开发区 → 曲靖经开区, 楚雄国家高新技术产业开发区
 * → 楚雄高新区, 云南禄丰产业园区 → 禄丰产业园区, 中国（云南）自由贸易试验区昆明片区 → 昆明片区. Ordered: each
 * rule applies to the results of the ones before it.
 */
const SHORTENINGS: readonly [RegExp, string][] = [
  [/^中国[(（]云南[)）]自由贸易试验区/, ''],
  [/^云南省?(?=.{4,})/, ''],
  [/国家级?(?=高新|经济|综合|边境|级)/, ''],
  [/高新技术产业开发区$/, '高新区'],
  [/高新技术产业园区$/, '高新区'],
  [/经济技术开发区$/, '经开区'],
  [/经济开发区$/, '经开区'],
  [/综合保税区$/, '综保区'],
  [/边境经济合作区$/, '边合区'],
  [/跨境经济合作区$/, '跨合区'],
  [/产业园区$/, '园区'],
];

/**
 * The short forms derived from an official name by the rules above, without the name itself.
 * These are only tried after the exact names and the aliases administrators entered, so a
 * derived form never hides a unit that is really called that.
 */
export function derivedShortNames(name: string): string[] {
  const out = new Set<string>();
  let forms = [normaliseText(name).trim()];
  for (const [pattern, replacement] of SHORTENINGS) {
    const next = forms.map((f) => f.replace(pattern, replacement)).filter((f) => [...f].length >= 3);
    for (const f of next) out.add(f);
    forms = [...new Set([...forms, ...next])];
  }
  out.delete(normaliseText(name).trim());
  return [...out];
}
