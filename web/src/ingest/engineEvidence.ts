import type { Lang, MessageKey } from '../i18n/messages.ts';

type Key = MessageKey;
/** What of the page's i18n is used (I18n's t and lang; declared here so that plain tests can import this file). */
interface I18n {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  lang: Lang;
}

/** The engine's fixed steps (src/domain/extraction), word for word. */
const FIXED: Record<string, Key> = {
  '分工方案: 牵头单位/责任单位 lines': 'evidence.divisionLines',
  'consumer prices: the year’s rise, a ceiling': 'evidence.cpiCeiling',
  'consumer prices: the year’s rise': 'evidence.cpi',
  'one year’s growth': 'evidence.oneYear',
  'listed before a shared figure (…、…均)': 'evidence.sharedFigure',
  'year-series table (年份 | 指标)': 'evidence.yearTable',
  'year: the annual list': 'evidence.yearAnnualList',
  'annual document: 增长 is one year’s growth': 'evidence.annualGrowth',
  'a year named as such (not 到20xx年): one year’s growth': 'evidence.namedYear',
  'baseline: 由…年的…提高至': 'evidence.baselineRaised',
  'count of units above a threshold (…超N亿元开发区M家)': 'evidence.countAbove',
  'listed count: same cue as the previous one': 'evidence.listedCount',
  'listed share: same cue as the previous one': 'evidence.listedShare',
  'listed figure: same cue as the previous one': 'evidence.listedFigure',
  'prefix: 超': 'evidence.prefixOver',
  'share written as a fraction': 'evidence.fraction',
  'share: 占/集聚…x%': 'evidence.shareOf',
  'share: 达到…的x%': 'evidence.shareReach',
  'stated figure (no cue)': 'evidence.noCue',
  'rank: 前N': 'evidence.rank',
  'indicator table row (主要指标)': 'evidence.tableRow',
  'responsibility clause (…牵头;…负责)': 'evidence.responsibility',
  'indicator from the previous clause': 'evidence.previousIndicator',
  'count of the noun after the figure': 'evidence.countNoun',
  'the noun after the figure': 'evidence.nounAfter',
  'one target per listed indicator': 'evidence.perListed',
  '分别: paired with the listed indicator in the same position': 'evidence.paired',
  'owner named in the sentence (X负责/牵头/做好…)': 'evidence.owner',
  'deadline (到…年/…前)': 'evidence.deadline',
};

const LATIN = /[A-Za-z]/;

/** A cue's Chinese wording, its placeholders (N, x) said in words. */
const cueWords = (cue: string) => cue.replace(/x%/g, '若干%').replace(/N/g, '若干');

/** Steps with a part of their own (the cue's words, a year, a unit), each read by a pattern. */
const PATTERNS: { re: RegExp; say: (m: RegExpExecArray, t: I18n['t']) => string | null }[] = [
  { re: /^annual list: (.*)$/, say: (m, t) => t('evidence.annualList', { cue: m[1]! }) },
  {
    re: /^indicator: (name|synonym|alias|new)$/,
    say: (m, t) => t(`evidence.indicator.${m[1] as 'name' | 'synonym' | 'alias' | 'new'}`),
  },
  {
    re: /^year: (sentence|context|plan)$/,
    say: (m, t) => t(`evidence.year.${m[1] as 'sentence' | 'context' | 'plan'}`),
  },
  { re: /^cue: N个…(.*) = exactly N$/, say: (m, t) => t('evidence.cueExactlyN', { verb: m[1]! }) },
  { re: /^cue: (.+) = \+(.+)%$/, say: (m, t) => t('evidence.cueRate', { what: m[1]!, rate: m[2]! }) },
  { re: /^cue: (.+) = at least (.+)$/, say: (m, t) => t('evidence.cueAtLeast', { what: m[1]!, value: m[2]! }) },
  { re: /^cue: (.+) = 100%$/, say: (m, t) => t('evidence.cueFull', { what: m[1]! }) },
  { re: /^cue: (.+)$/, say: (m, t) => t('evidence.cue', { cue: cueWords(m[1]!) }) },
  { re: /^unit: (.+) → (.+)$/, say: (m, t) => t('evidence.unit', { from: m[1]!, to: m[2]! }) },
  {
    re: /^baseline: linked to the (\d{4}) figure stated elsewhere$/,
    say: (m, t) => t('evidence.baselineLinked', { year: m[1]! }),
  },
  { re: /^recurrence \((.+)\)$/, say: (m, t) => t('evidence.recurrence', { when: m[1]! }) },
  { re: /^suffix: (.+)$/, say: (m, t) => t('evidence.suffix', { suffix: m[1]! }) },
  {
    re: /^nature: (expected|binding)$/,
    say: (m, t) => t('evidence.nature', { nature: t(`target.nature.${m[1] as 'expected' | 'binding'}`) }),
  },
];

/**
 * One step of the engine's evidence trail in the page's language: in English as the engine wrote it;
 * in Chinese from the strings above, or null for a step not known here (counted, not shown).
 */
export function engineEvidence(step: string, { t, lang }: Pick<I18n, 't' | 'lang'>): string | null {
  if (lang === 'en') return step;
  const fixed = FIXED[step];
  if (fixed) return t(fixed);
  for (const { re, say } of PATTERNS) {
    const m = re.exec(step);
    if (m) {
      const said = say(m, t);
      // Whatever the engine put into a pattern must itself be Chinese (a code or English is not shown).
      return said !== null && !LATIN.test(said) ? said : null;
    }
  }
  return null;
}
