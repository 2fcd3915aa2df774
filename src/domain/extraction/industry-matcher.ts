import { normaliseText } from '../text/normalise.ts';

/**
 * Industries named in a plan: a general dictionary of the industry names Chinese development
 * plans use (国民经济行业 and the 战略性新兴产业 list, in their usual short forms), plus any names
 * the caller adds (e.g. the leading industries of known zones). Longest name wins at a position.
 */
const GENERAL_INDUSTRIES = [
  '先进装备制造',
  '装备制造',
  '高端装备制造',
  '智能装备',
  '生物医药',
  '大健康',
  '新材料',
  '新能源',
  '新能源汽车',
  '绿色能源',
  '清洁能源',
  '电子信息',
  '新一代信息技术',
  '数字经济',
  '软件和信息服务',
  '人工智能',
  '大数据',
  '云计算',
  '集成电路',
  '现代物流',
  '保税物流',
  '冷链物流',
  '航空物流',
  '跨境电商',
  '跨境电子商务',
  '现代服务业',
  '金融服务',
  '旅游',
  '文化旅游',
  '旅游文化',
  '康养',
  '高原特色农业',
  '高原特色现代农业',
  '绿色食品',
  '食品加工',
  '农产品加工',
  '烟草',
  '有色金属',
  '稀贵金属',
  '绿色铝',
  '绿色硅',
  '光伏',
  '化工',
  '磷化工',
  '煤化工',
  '建材',
  '冶金',
  '钢铁',
  '纺织',
  '轻工',
  '医疗器械',
  '中药',
  '生物制药',
  '化学制药',
  '总部经济',
  '加工贸易',
  '服务贸易',
  '会展',
  '检验检测',
  '节能环保',
  '航空航天',
  '汽车',
];

export interface IndustryMention {
  name: string;
  from: number;
  to: number;
}

export function createIndustryMatcher(extra: readonly string[] = []): { find(text: string): IndustryMention[] } {
  // The caller's names are stored as written; the text searched is NFKC-normalised, so they are too.
  const names = [
    ...new Set([
      ...GENERAL_INDUSTRIES,
      ...extra.map((e) =>
        normaliseText(e)
          .trim()
          .replace(/(?:产业|业)$/, ''),
      ),
    ]),
  ].filter((n) => n.length >= 2);
  const set = new Set(names);
  const maxLen = Math.max(...names.map((n) => n.length));
  return {
    find(text) {
      const out: IndustryMention[] = [];
      for (let i = 0; i < text.length; i++) {
        for (let len = Math.min(maxLen, text.length - i); len >= 2; len--) {
          const s = text.slice(i, i + len);
          if (!set.has(s)) continue;
          // An industry is named as such: 生物医药产业, 新材料产业集群, 现代物流业, 装备制造.
          const after = text.slice(i + len, i + len + 4);
          if (
            /^(?:产业|业|行业|制造|加工|集群|企业|基地|园区|领域)/.test(after) ||
            /(?:制造|加工|物流|经济|贸易|农业)$/.test(s)
          ) {
            out.push({ name: s, from: i, to: i + len });
            i += len - 1;
            break;
          }
        }
      }
      return out;
    },
  };
}
