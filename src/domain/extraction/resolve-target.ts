import type { IndicatorRef, ScopeRef } from './candidate.schema.ts';
import type { IndicatorMatcher } from './indicator-matcher.ts';
import type { OrgMention } from './org-unit-matcher.ts';
import { cleanUnit, convertValue } from './quantities.ts';
import type { RawTarget } from './target-patterns.ts';

/** Words before a unit's name that make it a yardstick, not the subject: 占全省, 集聚全省, 高于全国. */
const NOT_SUBJECT_BEFORE = /(?:占|集聚|聚集|比|较|于|与|同|对|向|出|以)[^,;:、]{0,3}$|(?:的|为|在)$/;
/** What is left of a phrase after its units are removed: 滇中州、市地区生产总值 → 州、市地区生产总值. */
const SCOPE_RESIDUE = /^(?:[州市县区](?:[、,][州市县区])*|各|全|其中)+/;

export interface ResolvedScope {
  scopes: ScopeRef[];
  /** Indicator readings with the unit names taken out. */
  phrases: string[];
  /** The readings as written (开发区工业总产值占…), tried first against the catalogue. */
  rawPhrases: string[];
}

/**
 * The units a target is about: units named before the figure in its clause (a 、 list gives one
 * target each), else in the sentence before its clause, else the plan's subject. Units that follow
 * 占/集聚/高于… are yardsticks (占全省), and departments are owners, not scopes.
 */
export function resolveScope(
  t: RawTarget,
  sentence: string,
  sentenceMentions: OrgMention[],
  clauseStart: number,
  context: { subject?: OrgMention; section?: OrgMention; find: (text: string) => OrgMention[] },
): ResolvedScope {
  const counted = /^(?:家|个|项|所|座|名)/.test(sentence.slice(t.valueFrom).replace(/^\d+(?:\.\d+)?/, ''));
  const usable = sentenceMentions.filter(
    (m) =>
      m.orgKind !== 'department' &&
      !NOT_SUBJECT_BEFORE.test(sentence.slice(Math.max(0, m.from - 4), m.from)) &&
      // 滇东北、曲靖、滇南、滇西4个省级区域医疗中心: the list names what is counted.
      !(
        counted &&
        m.to <= t.valueFrom &&
        /^[、\u4e00-\u9fa5]{0,12}$/.test(sentence.slice(m.to, t.valueFrom)) &&
        /、/.test(sentence.slice(m.from - 1, t.valueFrom))
      ),
  );
  // 国家级、省级开发区亩均产出 distributed into 国家级开发区亩均产出: the unit named in the reading itself.
  const own = t.indicatorPhrases[0] ? context.find(t.indicatorPhrases[0]).filter((m) => m.orgKind !== 'department') : [];
  const inClause = usable.filter((m) => m.from >= clauseStart && m.to <= t.valueFrom);
  const inIndicator = usable.filter((m) => m.from >= t.indicatorFrom && m.to <= t.indicatorTo);
  const distributed = own.length === 1 && !sentenceMentions.some((m) => m.code === own[0]!.code);
  let chosen = distributed ? own : lastList(inIndicator.length > 0 ? inIndicator : inClause, sentence);
  let from: ScopeRef['from'] = 'sentence';
  if (chosen.length === 0)
    chosen = lastList(
      usable.filter((m) => m.to <= clauseStart),
      sentence,
    );
  // A long list (昆明市、曲靖市、玉溪市、楚雄州…的33个开发区) names carriers, not the scope of one target.
  if (chosen.length > 3) chosen = [];
  if (chosen.length === 0 && context.section) chosen = [context.section];
  if (chosen.length === 0 && context.subject) {
    chosen = [context.subject];
    from = 'plan';
  }
  const phrases = t.indicatorPhrases.map((p) => {
    let out = p;
    for (const m of chosen) if (from === 'sentence') out = out.split(m.mention).join('');
    return out.replace(SCOPE_RESIDUE, '').replace(/^[的、]+/, '');
  });
  return {
    scopes: chosen.map((m) => ({ code: m.code, kind: m.kind, name: m.name, mention: m.mention, from })),
    phrases,
    rawPhrases: t.indicatorPhrases,
  };
}

/** The last mention, with those listed right before it (A、B和C). */
function lastList(mentions: OrgMention[], sentence: string): OrgMention[] {
  if (mentions.length === 0) return [];
  const out = [mentions[mentions.length - 1]!];
  for (let i = mentions.length - 2; i >= 0; i--) {
    const gap = sentence.slice(mentions[i]!.to, out[0]!.from);
    if (!/^(?:、|和|及|与|,)$/.test(gap)) break;
    out.unshift(mentions[i]!);
  }
  return out;
}

/**
 * The first reading the catalogue knows; otherwise a new indicator named by the first reading that
 * reads like an indicator name (`plausible`), or by the first reading.
 */
export function resolveIndicator(
  phrases: string[],
  matcher: IndicatorMatcher,
  plausible: (name: string) => boolean = () => true,
  asWritten: string[] = [],
): IndicatorRef | null {
  const usable = phrases.map((p) => p.trim()).filter((p) => p.length >= 2);
  for (const p of [...asWritten.filter((w) => w.length >= 2), ...usable]) {
    const hit = matcher.match(p);
    if (hit && hit.code) return hit;
  }
  const first = usable.find(plausible) ?? usable[0];
  return first ? { name: first, mention: first, matchedBy: 'new' } : null;
}

/** Values in the indicator's catalogue unit when the text's unit converts (5000万元 → 0.5亿元). */
export function convertFigures(
  fields: { value?: string; min?: string; max?: string },
  textUnit: string | undefined,
  indicatorUnit: string | undefined,
): { value?: string; min?: string; max?: string; converted: boolean } {
  if (!textUnit || !indicatorUnit || (fields.value ?? fields.min ?? fields.max) === undefined)
    return { ...fields, converted: false };
  let from = cleanUnit(textUnit);
  // 常住人口达到1000万: a bare 万 takes the indicator's unit when that unit starts with it (万人).
  if (/^(?:万|亿|万亿)$/.test(from) && indicatorUnit.startsWith(from)) from = indicatorUnit;
  if (from === indicatorUnit) return { ...fields, converted: false };
  const conv = (v: string | undefined) => (v === undefined ? undefined : (convertValue(v, from, indicatorUnit) ?? undefined));
  const value = conv(fields.value);
  const min = conv(fields.min);
  const max = conv(fields.max);
  if ((fields.value && !value) || (fields.min && !min) || (fields.max && !max)) return { ...fields, converted: false };
  return { value, min, max, converted: true };
}
