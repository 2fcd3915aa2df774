import { isCount, stripOpeners, unique, yearFor } from './target-cues.ts';
import type { ValueExpression, YearMention } from './value-expressions.ts';
import type { RawTarget } from './target-patterns.ts';

/** 实现翻番, 力争倍增; “双倍增” doubles each of two things named before it (高新技术企业和科技型企业). */
export const DOUBLING_RE = /(?:实现|力争)?(?:“(?<double>双)(?=(?:倍增|翻番)”))?(?<what>翻一番|翻番|翻两番|倍增)”?(?![计行工])/g;
const SCALE_RE =
  /(?:打造成为|打造为|打造成|打造|建成|发展成为|培育成|培育|形成|成为)?(?<mult>[一二两三四五六七八九])?(?<level>万亿|千亿|百亿)级/g;
/** 进出口总额突破万亿元, 营业收入迈上千亿元, 跃上千亿元新台阶: a round magnitude with no Arabic figure. */
const BARE_SCALE_RE =
  /(?<verb>突破|超过|超|达到|达|迈上|跨越|跨入|迈入|跃上|跨上|登上)(?<level>万亿|千亿|百亿)(?<cur>美元|元)(?![级\d])/g;
const LEADING_PLACE = /(?:在全[国省市区县州][\u4e00-\u9fa5]{0,4}?)?率先$/;
const ALL_BUILT_RE = /(?<verb>(?:全部|全面|均|都)建成|全覆盖|全部达标|全部实现)/g;

const SLOGAN_OBJECT = /^(?:小康社会|社会主义现代化)/;

/** 翻一番, 千亿级, 突破万亿元, 全部建成 / 全覆盖: targets without an Arabic figure. */
export function specialForms(
  clause: string,
  offset: number,
  sentence: string,
  years: YearMention[],
  ves: ValueExpression[],
): RawTarget[] {
  const out: RawTarget[] = [];
  for (const m of clause.matchAll(DOUBLING_RE)) {
    const what = m.groups!.what!;
    const before = clause.slice(0, m.index!);
    // 倍增达到30户以上: the figure after it is the target.
    if (ves.some((v) => v.from >= m.index! + m[0].length && v.from - (m.index! + m[0].length) <= 4)) continue;
    const rel = /(?<!\d)(\d{1,2}|[一二三四五])年(?:内|时间)?/.exec(before);
    const phrase = stripOpeners(
      stripOpeners(before.replace(/(?<!\d)(?:\d{1,2}|[一二三四五])年(?:内|时间)?/, ''))
        .replace(/^实现|实现$/g, '')
        // 在2022年的基础上实现“双倍增”: the base is not part of the name.
        .replace(/在(?:19|20)\d\d年(?:底|末)?的?基础上$|在此基础上$/, '')
        // …、地区生产总值分别较2020年翻番: the base year and 分别 are not part of the names either.
        .replace(/(?:分别)?(?:较|比)(?:19|20)\d\d年(?:底|末)?$|分别$/, ''),
    );
    const rate = what === '翻两番' ? '300' : '100';
    const phraseFrom = before.length - phrase.length;
    const items = m.groups!.double ? doubledItems(phrase) : [];
    for (const item of items.length === 2 ? items : [{ name: phrase, from: 0 }])
      out.push({
        indicatorPhrases: item.name.length >= 2 ? [item.name] : [],
        indicatorFrom: offset + phraseFrom + item.from,
        indicatorTo: offset + phraseFrom + item.from + item.name.length,
        comparator: 'cumulative_change',
        rate,
        valueFrom: offset + m.index!,
        valueTo: offset + m.index! + m[0].length,
        ...yearFor(years, offset + m.index!, sentence),
        ...(rel ? { yearsFromBase: Number(/\d/.test(rel[1]!) ? rel[1] : '一二三四五'.indexOf(rel[1]!) + 1) } : {}),
        subjectFrom: offset,
        evidence: [`cue: ${what} = +${rate}%`, ...(items.length === 2 ? ['one target per listed indicator'] : [])],
        inherited: false,
      });
  }
  for (const m of clause.matchAll(SCALE_RE)) {
    const level = m.groups!.level!;
    // 五千亿级 is a level of 5000 亿元, not 千亿级 after a stray 五.
    const mult = m.groups!.mult ? '一二三四五六七八九'.indexOf(m.groups!.mult) + 1 || 2 : 1;
    const value = String(mult * (level === '万亿' ? 10000 : level === '千亿' ? 1000 : 100));
    const before = clause.slice(0, m.index!);
    const head = /[\u4e00-\u9fa5]{0,6}?(?:产业集群|产业|集群|基地)/.exec(clause.slice(m.index! + m[0].length))?.[0] ?? '';
    const obj =
      /把(.+?)$/.exec(before)?.[1] ?? stripOpeners(before).replace(/^(?:集中)?(?:打造|培育|建设|发展|做大|做强|壮大)+/, '');
    const phrase = obj.replace(/等$/, '');
    // 培育若干千亿级产业集群 and 明确重点培育的千亿级产业集群 name no industry (the 的 makes the words before a
    // qualifier); 打造4个千亿级…集聚区 counts them (the count is the figure).
    if (phrase.length < 2 || /若干|一批|多个|一些|[、,的]$/.test(phrase) || /\d+(?:个|家|条)$/.test(before)) continue;
    const suffix = /产业|集群/.test(head) ? '产业' : '';
    out.push({
      indicatorPhrases: unique([phrase, phrase.endsWith('产业') ? phrase : `${phrase}${suffix}`, `${phrase}${head}`]),
      indicatorFrom: offset + before.length - obj.length,
      indicatorTo: offset + before.length,
      comparator: 'at_least',
      value,
      unit: '亿元',
      valueFrom: offset + m.index!,
      valueTo: offset + m.index! + m[0].length,
      ...yearFor(years, offset + m.index!, sentence),
      subjectFrom: offset,
      evidence: [`cue: ${m.groups!.mult ?? ''}${level}级 = at least ${value} 亿元`],
      inherited: false,
    });
  }
  let lastScaleEnd = 0;
  for (const m of clause.matchAll(BARE_SCALE_RE)) {
    const { verb, level, cur } = m.groups as { verb: string; level: string; cur: string };
    const before = clause.slice(0, m.index!);
    const item = ownItem(before, Math.max(lastScaleEnd, ...ves.filter((v) => v.to <= m.index!).map((v) => v.to)));
    // 地区生产总值在全省县域率先跃上千亿元: where and how first are not part of the name.
    const phrase = stripOpeners(item).replace(LEADING_PLACE, '');
    lastScaleEnd = m.index! + m[0].length;
    if (phrase.length < 2) continue;
    const [value, unit] = level === '万亿' ? ['1', `万亿${cur}`] : [level === '千亿' ? '1000' : '100', `亿${cur}`];
    out.push({
      indicatorPhrases: [phrase],
      indicatorFrom: offset + before.length - phrase.length,
      indicatorTo: offset + before.length,
      comparator: 'at_least',
      value,
      unit,
      valueFrom: offset + m.index! + verb.length,
      valueTo: offset + m.index! + m[0].length,
      ...yearFor(years, offset + m.index!, sentence),
      subjectFrom: offset,
      evidence: [`cue: ${verb}${level}${cur} = at least ${value} ${unit}`],
      inherited: false,
    });
  }
  for (const m of clause.matchAll(ALL_BUILT_RE)) {
    const verb = m.groups!.verb!;
    const before = clause.slice(0, m.index!);
    const afterText = clause.slice(m.index! + m[0].length);
    // 5G网络全覆盖、多式联运等工程: a project's name, not a goal.
    if (/^[\u4e00-\u9fa5“”()]{0,16}[、等]/.test(afterText)) continue;
    // 全面建成小康社会 / 社会主义现代化强国: the nation's fixed goals that plan openings recite, no indicator.
    if (SLOGAN_OBJECT.test(afterText)) continue;
    const count = ves.find((v) => isCount(v.unit) && v.to <= m.index! && /^[^,;]{0,16}$/.test(clause.slice(v.to, m.index!)));
    if (count) {
      // 4个省级区域医疗中心全面建成: all N built → exactly N.
      const noun = clause.slice(count.to, m.index!);
      out.push({
        indicatorPhrases: unique([`${noun}建成数`, noun]),
        indicatorFrom: offset + count.to,
        indicatorTo: offset + m.index!,
        comparator: 'exactly',
        value: count.value,
        unit: count.unit,
        valueFrom: offset + count.from,
        valueTo: offset + m.index! + m[0].length,
        ...yearFor(years, offset + count.from, sentence),
        subjectFrom: offset,
        evidence: [`cue: N个…${verb} = exactly N`],
        inherited: false,
      });
      continue;
    }
    if (ves.some((v) => v.from >= m.index!)) continue;
    const subject = stripOpeners(before.replace(/^将/, '')).replace(/^将/, '');
    const object = /^[\u4e00-\u9fa5“”()]{2,16}/.exec(afterText)?.[0] ?? '';
    const phrases =
      verb === '全覆盖'
        ? [`${subject}${verb}`, subject]
        : [`${object}建成率`, `${subject}建成${object}比例`, object, subject].filter((p) => p.length >= 2);
    out.push({
      indicatorPhrases: unique(phrases.filter((p) => p.length >= 2)),
      indicatorFrom: offset + before.length - subject.length,
      indicatorTo: offset + m.index! + m[0].length + object.length,
      comparator: 'share',
      value: '100',
      unit: '%',
      valueFrom: offset + m.index!,
      valueTo: offset + m.index! + m[0].length,
      ...yearFor(years, offset + m.index!, sentence),
      subjectFrom: offset,
      evidence: [`cue: ${verb} = 100%`],
      inherited: false,
    });
  }
  return out;
}

/** The two things a “双倍增” doubles: 高新技术企业和科技型企业 → 高新技术企业, 科技型企业 (with their offsets in the phrase). */
function doubledItems(phrase: string): { name: string; from: number }[] {
  const m = /^(.{2,}?)(?:和|与|及|、)(.{2,})$/.exec(phrase);
  return m
    ? [
        { name: m[1]!, from: 0 },
        { name: m[2]!, from: m[1]!.length + 1 },
      ]
    : [];
}

/**
 * The words of a figure's own list item: after an earlier figure of the clause, from the 、 that follows it
 * (地区生产总值…跃上千亿元新台阶、财政收入…突破百亿元大关: 财政收入…, not the whole list, names the second).
 */
export function ownItem(before: string, lastFigureEnd: number): string {
  if (lastFigureEnd <= 0) return before;
  const rest = before.slice(lastFigureEnd);
  const comma = rest.indexOf('、');
  return comma >= 0 ? rest.slice(comma + 1) : before;
}
