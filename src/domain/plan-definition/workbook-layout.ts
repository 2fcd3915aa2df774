import type { DefinitionError } from './definition-error.ts';

/**
 * The .xlsx layout of a plan definition: one sheet per part, a header row of field names
 * (a Chinese label may follow the field name: "key 编号"), one item per row from row 2.
 * Lists inside a cell are separated by ; or 、 ; a trajectory is "2023:120; 2024:140".
 */
export const WORKBOOK_SHEETS = {
  plan: { title: '规划 Plan', columns: ['field 字段', 'value 值'] },
  sections: { title: '章节 Sections', columns: ['key 编号', 'parent 上级', 'kind 类型', 'heading 标题'] },
  indicators: {
    title: '指标 Indicators',
    columns: [
      'code 代码',
      'name 名称',
      'nameEn 英文名',
      'unit 单位',
      'direction 方向',
      'nature 属性',
      'aggregation 汇总',
      'weightIndicator 权重指标',
      'formula 公式',
      'synonyms 同义词',
    ],
  },
  orgUnits: {
    title: '组织单位 OrgUnits',
    columns: [
      'code 代码',
      'name 名称',
      'nameEn 英文名',
      'kind 类型',
      'parent 上级',
      'divisionCode 区划代码',
      'zoneLevel 级别',
      'zoneKind 园区类型',
      'prefecture 所在州市',
      'leadingIndustries 主导产业',
      'areaKm2 面积',
    ],
  },
  targets: {
    title: '目标 Targets',
    columns: [
      'key 编号',
      'section 章节',
      'indicator 指标',
      'orgUnit 单位',
      'group 分组',
      'nature 属性',
      'baselineYear 基期年',
      'baselineValue 基期值',
      'targetYear 目标年',
      'comparator 比较',
      'value 目标值',
      'min 下限',
      'max 上限',
      'rate 增速%',
      'reference 参照指标',
      'text 表述',
      'trajectory 年度路径',
      'conflictsWith 冲突目标',
      'note 备注',
      'sourceSection 出处章节',
      'quote 原文',
    ],
  },
  tasks: {
    title: '任务 Tasks',
    columns: [
      'key 编号',
      'section 章节',
      'text 任务',
      'lead 牵头单位',
      'co 配合单位',
      'responsibleText 责任表述',
      'deadline 完成时限',
      'sourceSection 出处章节',
      'quote 原文',
    ],
  },
  actuals: {
    title: '实绩 Actuals',
    columns: [
      'indicator 指标',
      'orgUnit 单位',
      'period 期间',
      'cumulative 累计',
      'value 数值',
      'sourceSection 出处章节',
      'quote 原文',
    ],
  },
} as const;

export type SheetKey = keyof typeof WORKBOOK_SHEETS;
/** A sheet as read: rows of cell texts, row 0 is the header. */
export type SheetRows = string[][];

const fieldOf = (header: string) => header.trim().split(/[\s(（]/)[0] ?? '';

function findSheet(sheets: ReadonlyMap<string, SheetRows>, key: SheetKey): [string, SheetRows] | undefined {
  const [zh, en] = WORKBOOK_SHEETS[key].title.split(' ') as [string, string];
  for (const [name, rows] of sheets) {
    const n = name.trim().toLowerCase();
    if (n === WORKBOOK_SHEETS[key].title.toLowerCase() || n === zh || n === en.toLowerCase()) return [name, rows];
  }
  return undefined;
}

const list = (s: string | undefined) =>
  s === undefined || s.trim() === ''
    ? undefined
    : s
        .split(/[;；、,，]/)
        .map((x) => x.trim())
        .filter(Boolean);
const int = (s: string | undefined) =>
  s === undefined || s.trim() === '' ? undefined : /^-?\d+$/.test(s.trim()) ? Number(s) : s;
const opt = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());

/** Where each item of the raw definition came from, to turn schema paths into sheet/row/column. */
export interface WorkbookOrigin {
  sheet: string;
  rows: number[];
}

/**
 * Converts workbook sheets into the raw plan-definition object (validated afterwards by the same
 * zod schema as YAML files) and records, per list, which sheet and row each item came from.
 */
export function workbookToDefinition(sheets: ReadonlyMap<string, SheetRows>): {
  raw: Record<string, unknown>;
  origins: Partial<Record<SheetKey, WorkbookOrigin>>;
  errors: DefinitionError[];
} {
  const raw: Record<string, unknown> = {};
  const origins: Partial<Record<SheetKey, WorkbookOrigin>> = {};
  const errors: DefinitionError[] = [];

  const records = (key: SheetKey): Record<string, string>[] => {
    const found = findSheet(sheets, key);
    if (!found) return [];
    const [sheet, rows] = found;
    const header = (rows[0] ?? []).map(fieldOf);
    const known = new Set(WORKBOOK_SHEETS[key].columns.map(fieldOf));
    header.forEach((h, i) => {
      if (h !== '' && !known.has(h))
        errors.push({
          sheet,
          row: 1,
          field: h,
          message: `unknown column "${h}" (column ${i + 1})`,
          messageZh: `无法识别的列“${h}”（第${i + 1}列）`,
        });
    });
    const out: Record<string, string>[] = [];
    const rowNumbers: number[] = [];
    rows.slice(1).forEach((cells, i) => {
      if (cells.every((c) => c.trim() === '')) return;
      const rec: Record<string, string> = {};
      header.forEach((h, j) => {
        const v = cells[j];
        if (h !== '' && v !== undefined && v.trim() !== '') rec[h] = v.trim();
      });
      out.push(rec);
      rowNumbers.push(i + 2);
    });
    origins[key] = { sheet, rows: rowNumbers };
    return out;
  };

  const planRows = records('plan');
  if (planRows.length > 0) {
    const plan: Record<string, unknown> = {};
    for (const r of planRows)
      if (r.field) plan[r.field] = ['periodStart', 'periodEnd'].includes(r.field) ? int(r.value) : r.value;
    raw.plan = plan;
  }
  raw.sections = records('sections').map((r) => ({ key: r.key, parent: opt(r.parent), kind: r.kind, heading: r.heading }));
  raw.indicators = records('indicators').map((r) => ({
    code: r.code,
    name: r.name,
    nameEn: r.nameEn,
    unit: r.unit,
    direction: opt(r.direction),
    nature: opt(r.nature),
    aggregation: opt(r.aggregation),
    weightIndicator: opt(r.weightIndicator),
    formula: opt(r.formula),
    synonyms: list(r.synonyms),
  }));
  raw.orgUnits = records('orgUnits').map((r) => {
    const zone =
      r.zoneLevel || r.zoneKind || r.prefecture || r.leadingIndustries || r.areaKm2
        ? {
            level: opt(r.zoneLevel),
            kind: opt(r.zoneKind),
            prefecture: opt(r.prefecture),
            leadingIndustries: list(r.leadingIndustries),
            areaKm2: opt(r.areaKm2),
          }
        : undefined;
    return {
      code: r.code,
      name: r.name,
      nameEn: opt(r.nameEn),
      kind: r.kind,
      parent: opt(r.parent),
      divisionCode: opt(r.divisionCode),
      zone,
    };
  });
  const source = (r: Record<string, string>) => ({ section: opt(r.sourceSection), quote: r.quote });
  raw.targets = records('targets').map((r) => ({
    key: r.key,
    section: opt(r.section),
    indicator: r.indicator,
    orgUnit: opt(r.orgUnit),
    group: opt(r.group),
    nature: opt(r.nature),
    baseline: r.baselineYear || r.baselineValue ? { year: int(r.baselineYear), value: r.baselineValue } : undefined,
    target: {
      year: int(r.targetYear),
      comparator: r.comparator,
      value: opt(r.value),
      min: opt(r.min),
      max: opt(r.max),
      rate: opt(r.rate),
      reference: opt(r.reference),
      text: opt(r.text),
    },
    trajectory: list(r.trajectory)?.map((p) => {
      const [y, v] = p.split(/[:：]/);
      return { year: int(y), value: v?.trim() };
    }),
    conflictsWith: list(r.conflictsWith),
    note: opt(r.note),
    source: source(r),
  }));
  raw.tasks = records('tasks').map((r) => ({
    key: r.key,
    section: opt(r.section),
    text: r.text,
    lead: list(r.lead),
    co: list(r.co),
    responsibleText: opt(r.responsibleText),
    deadline: opt(r.deadline),
    source: source(r),
  }));
  raw.actuals = records('actuals').map((r) => ({
    indicator: r.indicator,
    orgUnit: r.orgUnit,
    period: r.period,
    cumulative: r.cumulative === undefined ? undefined : ['true', '是', 'yes', '1'].includes(r.cumulative.toLowerCase()),
    value: r.value,
    source: source(r),
  }));
  return { raw, origins, errors };
}

/** Column name for a schema path inside one item (target.value → value, baseline.year → baselineYear). */
const COLUMN_OF: Record<string, string> = {
  'baseline.year': 'baselineYear',
  'baseline.value': 'baselineValue',
  'target.year': 'targetYear',
  'target.comparator': 'comparator',
  'source.quote': 'quote',
  'source.section': 'sourceSection',
  'zone.level': 'zoneLevel',
  'zone.kind': 'zoneKind',
  'zone.prefecture': 'prefecture',
  'zone.areaKm2': 'areaKm2',
};

/** Rewrites an error on the raw definition (targets.3.target.value) to its sheet, row and column. */
export function locateInWorkbook(e: DefinitionError, origins: Partial<Record<SheetKey, WorkbookOrigin>>): DefinitionError {
  const [list, index, ...rest] = e.field.split('.');
  if (list === 'plan') return { ...e, sheet: WORKBOOK_SHEETS.plan.title, field: index ?? e.field };
  const origin = origins[list as SheetKey];
  const row = origin?.rows[Number(index)];
  if (!origin || row === undefined) return e;
  const inner = rest.join('.');
  const column =
    COLUMN_OF[inner] ??
    COLUMN_OF[rest.slice(0, 2).join('.')] ??
    (rest[0] === 'target' ? rest[1] : rest[0]?.startsWith('zone') ? rest[1] : rest[0]);
  return { ...e, sheet: origin.sheet, row, field: column ?? inner };
}
