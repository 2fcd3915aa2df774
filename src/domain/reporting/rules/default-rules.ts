import { ruleSetSchema, type ValidationRuleInput } from './rule.schema.ts';

/** Indicators of the development-zone monthly form (codes from dataset/base.yaml). */
export const DEV_ZONE_MONTHLY_INDICATORS = [
  'REVENUE',
  'INDUSTRIAL_OUTPUT',
  'INDUSTRIAL_VA_ABOVE_SCALE',
  'TAX_REVENUE',
  'FAI',
  'TRADE_TOTAL',
  'FDI_ACTUAL',
  'LAND_AREA_MU',
  'EMPLOYEES',
  'RD_EXPENDITURE',
] as const;

const all = [...DEV_ZONE_MONTHLY_INDICATORS];
/**
 * Stock figures (levels at the period's end). Period-on-period change and the outlier score only
 * make sense for these: a year-to-date figure restarts every January and roughly doubles in
 * February, so it is compared year on year instead.
 */
const stocks = ['LAND_AREA_MU', 'EMPLOYEES'];
/** Cumulative-to-date (累计) figures of the monthly form: all the others. */
const cumulative = all.filter((c) => !stocks.includes(c));

const rules: ValidationRuleInput[] = [
  {
    id: 'non-negative',
    severity: 'error',
    expression: 'value >= 0',
    appliesTo: all,
    message: { zh: '数值不能为负', en: 'value must not be negative' },
  },
  {
    id: 'va-within-output',
    severity: 'error',
    expression: 'INDUSTRIAL_VA_ABOVE_SCALE <= INDUSTRIAL_OUTPUT',
    message: {
      zh: '规上工业增加值不能大于工业总产值',
      en: 'industrial value added above scale must not exceed gross industrial output',
    },
  },
  {
    id: 'tax-within-revenue',
    severity: 'error',
    expression: 'TAX_REVENUE <= REVENUE',
    message: {
      zh: '税收收入（部分）不能大于营业收入（总数）',
      en: 'tax revenue (a part) must not exceed operating revenue (the total)',
    },
  },
  {
    id: 'cumulative-non-decreasing',
    severity: 'error',
    expression: 'cumulative_non_decreasing(value)',
    appliesTo: cumulative,
    message: {
      zh: '累计值在同一年内不应小于上月累计值',
      en: 'a cumulative value must not fall below last month’s within a year',
    },
  },
  {
    id: 'change-vs-previous',
    severity: 'warning',
    expression: "abs(change(value, 'previous')) <= 50%",
    appliesTo: stocks,
    message: { zh: '较上期变化超过50%，请说明原因', en: 'changed by more than 50% from the previous period; please explain' },
  },
  {
    id: 'change-yoy',
    severity: 'warning',
    expression: 'abs(yoy(value)) <= 50%',
    appliesTo: all,
    message: { zh: '同比变化超过50%，请说明原因', en: 'changed by more than 50% year on year; please explain' },
  },
  {
    id: 'outlier',
    severity: 'warning',
    expression: 'outlier(value) <= 3.5',
    appliesTo: stocks,
    message: {
      zh: '与本单位历史数据相比异常（稳健离群分数大于3.5），请核实',
      en: 'unusual against this unit’s own history (modified z-score above 3.5); please check',
    },
  },
  {
    id: 'magnitude-jump',
    severity: 'warning',
    expression: 'not magnitude_jump(value)',
    appliesTo: all,
    message: {
      zh: '与历史数据相差约一万倍，可能混用了万元与亿元，请核对单位',
      en: 'about 10,000× off this unit’s history: 万元 and 亿元 may be mixed up; please check the unit',
    },
  },
];

/** Default rule set of the development-zone monthly form, validated when the module loads. */
export const DEV_ZONE_MONTHLY_RULES = ruleSetSchema.parse(rules);

/** Built-in rule sets a form may start from (`rulePreset` in its definition). */
export const RULE_PRESETS = {
  'dev-zone-monthly': rules,
} as const satisfies Record<string, readonly ValidationRuleInput[]>;
