import type {
  Comparator,
  Draft,
  FieldProblem,
  Indicator,
  Nature,
  NewIndicatorInput,
  OrgGroup,
  OrgUnit,
  Review,
  ReviewTarget,
  ReviewTask,
  TargetCandidate,
  TaskCandidate,
} from '../api/types.ts';
import { inDocumentOrder, type AddedHow } from './handCandidates.ts';
import { sameName } from '../text/sameName.ts';

/*
 * The reviewer's decisions about one draft, kept as form text until the merge: building the
 * request, checking it before it is sent, and placing the server's problems back on the
 * candidates they concern. No React in here.
 */

export type Decision = 'pending' | 'accepted' | 'rejected';

/** Value of the indicator select that stands for "define a new indicator". */
export const NEW_INDICATOR = '__new__';

/** Confidence from which "accept all high-confidence candidates" accepts a candidate. */
export const HIGH_CONFIDENCE = 0.8;

export const COMPARATOR_CHOICES: readonly Comparator[] = [
  'at_least',
  'at_most',
  'exactly',
  'range',
  'annual_growth',
  'cumulative_change',
  'share',
  'exceeds_growth_of',
  'growth_in_step_with',
  'increase_by',
  'qualitative',
];

export interface TargetEdit {
  /** Catalogue code, or NEW_INDICATOR. */
  indicator: string;
  newIndicator: NewIndicatorInput;
  scopeKind: 'orgUnit' | 'group';
  /** Org-unit or group code; '' = the plan's default scope. */
  scope: string;
  nature: '' | Nature;
  baselineYear: string;
  baselineValue: string;
  year: string;
  comparator: Comparator;
  value: string;
  min: string;
  max: string;
  rate: string;
  reference: string;
  /** The plan's wording (required for qualitative targets). */
  text: string;
  note: string;
}

export interface TaskEdit {
  text: string;
  lead: string[];
  co: string[];
  responsibleText: string;
  deadline: string;
}

export interface CandidateReview<E> {
  decision: Decision;
  edit: E;
  /** The reviewer changed the proposal. */
  edited: boolean;
}

export interface PlanForm {
  id: string;
  /** The reviewer typed the ID: stop suggesting one from the title. */
  idTouched: boolean;
  title: string;
  titleEn: string;
  issuer: string;
  issuedOn: string;
  periodStart: string;
  periodEnd: string;
  /** Default scope of the plan's targets: the targets that name none apply to it. */
  scopeKind: 'orgUnit' | 'group';
  scope: string;
}

/** The plan's default scope, as the targets see it. */
export interface PlanScope {
  kind: 'orgUnit' | 'group';
  code: string;
}

export const planScopeOf = (plan: PlanForm): PlanScope | null => (plan.scope ? { kind: plan.scopeKind, code: plan.scope } : null);

/** Name of an org unit or group from the catalogues; the code if unknown. */
export function scopeName(scope: PlanScope | null, catalogues: Catalogues): string | null {
  if (!scope) return null;
  const found =
    scope.kind === 'group'
      ? catalogues.groups.find((g) => g.code === scope.code)
      : catalogues.orgUnits.find((u) => u.code === scope.code);
  return found?.name ?? scope.code;
}

export interface ReviewState {
  plan: PlanForm;
  targets: Record<string, CandidateReview<TargetEdit>>;
  tasks: Record<string, CandidateReview<TaskEdit>>;
  /** Candidates the reviewer added by hand or split off another, and how each came about. */
  added: AddedCandidates;
}

export interface AddedCandidates {
  targets: TargetCandidate[];
  tasks: TaskCandidate[];
  how: Record<string, AddedHow>;
}

export const NO_ADDED: AddedCandidates = { targets: [], tasks: [], how: {} };

/** Every target candidate of the review, the extractor's and the reviewer's, in document order. */
export const allTargets = (draft: Draft, state: Pick<ReviewState, 'added'>): TargetCandidate[] =>
  inDocumentOrder(draft.result.targets, state.added.targets);
export const allTasks = (draft: Draft, state: Pick<ReviewState, 'added'>): TaskCandidate[] =>
  inDocumentOrder(draft.result.tasks, state.added.tasks);

/** What the pickers offer. */
export interface Catalogues {
  indicators: Indicator[];
  orgUnits: OrgUnit[];
  groups: OrgGroup[];
}

/** A problem found before or by the merge, in both languages. */
export interface Problem {
  /** The path in the request (targets.3.orgUnit), or a form field (plan.issuer). */
  field: string;
  zh: string;
  en: string;
}

const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const DECIMAL_RE = /^-?\d+(\.\d+)?$/;
const YEAR_RE = /^\d{4}$/;

const str = (v: string | number | undefined | null): string => (v === undefined || v === null ? '' : String(v));

/**
 * The candidate's own proposal as form values. A scope named in the sentence is kept; one taken
 * from the plan's subject is left to the plan's default scope, which the reviewer sets once.
 */
export function initialTargetEdit(c: TargetCandidate): TargetEdit {
  const scope = c.scope?.code && c.scope.from === 'sentence' ? c.scope : undefined;
  const growth = c.target.comparator === 'annual_growth' || c.target.comparator === 'cumulative_change';
  return {
    // A target added by hand names no indicator yet: the reviewer chooses one.
    indicator: c.indicator.code ?? (c.indicator.name ? NEW_INDICATOR : ''),
    newIndicator: {
      code: '',
      name: c.indicator.name,
      nameEn: '',
      // "年均增长7%": the % belongs to the rate, not to the indicator.
      unit: c.indicator.unit ?? (growth || c.target.comparator === 'share' ? '' : (c.unit ?? '')),
    },
    scopeKind: scope?.kind === 'group' ? 'group' : 'orgUnit',
    scope: scope?.code ?? '',
    nature: '',
    baselineYear: str(c.baseline?.year),
    baselineValue: str(c.baseline?.value),
    year: str(c.target.year),
    comparator: c.target.comparator,
    value: str(c.target.value),
    min: str(c.target.min),
    max: str(c.target.max),
    rate: str(c.target.rate),
    reference: '',
    text: c.target.comparator === 'qualitative' ? c.quote : '',
    note: '',
  };
}

export function initialTaskEdit(c: TaskCandidate): TaskEdit {
  const codes = (units: TaskCandidate['lead']) =>
    units.flatMap((u) => (u.code && u.kind !== 'group' ? [u.code] : [])).filter((c, i, all) => all.indexOf(c) === i);
  return {
    text: c.text,
    lead: codes(c.lead),
    co: codes(c.co),
    responsibleText: c.responsibleText ?? '',
    deadline: c.deadline ?? '',
  };
}

export function initialState(draft: Draft): ReviewState {
  const r = draft.result;
  const periodEnd = r.plan.periodEnd;
  const title = r.plan.title ?? draft.fileName.replace(/\.(txt|docx|pdf)$/i, '');
  return {
    plan: {
      id: '',
      idTouched: false,
      title,
      titleEn: '',
      issuer: '',
      issuedOn: '',
      periodStart: str(r.plan.periodStart),
      periodEnd: str(periodEnd),
      scopeKind: r.plan.defaultScope?.kind === 'group' ? 'group' : 'orgUnit',
      scope: r.plan.defaultScope?.code ?? '',
    },
    targets: Object.fromEntries(r.targets.map((c) => [c.id, { decision: 'pending', edit: initialTargetEdit(c), edited: false }])),
    tasks: Object.fromEntries(r.tasks.map((c) => [c.id, { decision: 'pending', edit: initialTaskEdit(c), edited: false }])),
    added: NO_ADDED,
  };
}

/* ---------- checks before the merge ---------- */

/** Whether the candidate still needs an indicator: none in the catalogue and no new one defined. */
export function needsIndicator(edit: TargetEdit): boolean {
  if (edit.indicator !== NEW_INDICATOR) return edit.indicator === '';
  const n = edit.newIndicator;
  return !n.code.trim() || !n.name.trim() || !n.nameEn.trim() || !n.unit.trim();
}

function need(problems: Problem[], field: string, zh: string, en: string) {
  problems.push({ field, zh, en });
}

function checkYear(problems: Problem[], field: string, value: string, zh: string, en: string) {
  const y = Number(value.trim());
  if (!YEAR_RE.test(value.trim()) || y < 1949 || y > 2100)
    need(problems, field, `${zh}应为 1949—2100 之间的四位年份`, `${en} must be a year between 1949 and 2100`);
}

function checkDecimal(problems: Problem[], field: string, value: string, zh: string, en: string) {
  if (!DECIMAL_RE.test(cleanDecimal(value)))
    need(problems, field, `${zh}应为数字（如 2675.78）`, `${en} must be a number such as 2675.78`);
}

/** "1,200" and full-width digits are accepted and sent as plain decimals. */
export function cleanDecimal(v: string): string {
  return v.normalize('NFKC').trim().replace(/[,\s]/g, '');
}

/** Problems of one accepted target, with fields relative to the target (indicator, target.value, …). */
export function checkTarget(edit: TargetEdit, catalogues: Catalogues, planScope: PlanScope | null): Problem[] {
  const problems: Problem[] = [];
  if (edit.indicator === NEW_INDICATOR) {
    const n = edit.newIndicator;
    const code = n.code.trim();
    if (!code) need(problems, 'newIndicator.code', '请填写新指标的代码', 'enter a code for the new indicator');
    else if (!CODE_RE.test(code))
      need(
        problems,
        'newIndicator.code',
        '指标代码只能包含字母、数字和 . _ -',
        'the code may contain only letters, digits and . _ -',
      );
    else if (catalogues.indicators.some((i) => i.code === code))
      need(
        problems,
        'newIndicator.code',
        `指标目录中已有代码 ${code}，请直接选择该指标或换一个代码`,
        `the catalogue already has ${code}: choose it, or use another code`,
      );
    if (!n.name.trim()) need(problems, 'newIndicator.name', '请填写新指标的名称', 'enter the name of the new indicator');
    if (!n.nameEn.trim())
      need(problems, 'newIndicator.nameEn', '请填写新指标的英文名称', 'enter the English name of the new indicator');
    if (!n.unit.trim()) need(problems, 'newIndicator.unit', '请填写新指标的计量单位', 'enter the unit of the new indicator');
  } else if (!edit.indicator) {
    need(problems, 'indicator', '请选择指标', 'choose an indicator');
  } else if (catalogues.indicators.length > 0 && !catalogues.indicators.some((i) => i.code === edit.indicator)) {
    need(problems, 'indicator', `指标目录中没有 ${edit.indicator}`, `the catalogue has no indicator ${edit.indicator}`);
  }
  if (!edit.scope && !planScope)
    need(
      problems,
      'orgUnit',
      '未设置适用范围：请在规划信息中设置默认适用范围，或编辑本条选择组织单位或分组',
      'no scope: set the plan’s default scope, or edit this target to choose an org unit or group',
    );
  checkYear(problems, 'target.year', edit.year, '目标年份', 'the target year');
  const b = [edit.baselineYear.trim(), edit.baselineValue.trim()];
  if (b[0] || b[1]) {
    checkYear(problems, 'baseline.year', edit.baselineYear, '基期年份', 'the baseline year');
    checkDecimal(problems, 'baseline.value', edit.baselineValue, '基期值', 'the baseline value');
  }
  switch (edit.comparator) {
    case 'at_least':
    case 'at_most':
    case 'exactly':
    case 'share':
    case 'increase_by':
      checkDecimal(problems, 'target.value', edit.value, '目标值', 'the target value');
      break;
    case 'range':
      checkDecimal(problems, 'target.min', edit.min, '下限', 'the lower bound');
      checkDecimal(problems, 'target.max', edit.max, '上限', 'the upper bound');
      if (DECIMAL_RE.test(cleanDecimal(edit.min)) && DECIMAL_RE.test(cleanDecimal(edit.max)))
        if (Number(cleanDecimal(edit.min)) > Number(cleanDecimal(edit.max)))
          need(problems, 'target.max', '上限不能小于下限', 'the upper bound must not be below the lower bound');
      break;
    case 'annual_growth':
    case 'cumulative_change':
      checkDecimal(problems, 'target.rate', edit.rate, '增减幅度', 'the rate');
      break;
    case 'exceeds_growth_of':
    case 'growth_in_step_with':
      if (!edit.reference) need(problems, 'target.reference', '请选择参照指标', 'choose the reference indicator');
      break;
    case 'qualitative':
      if (!edit.text.trim())
        need(problems, 'target.text', '定性目标须填写原文表述', 'a qualitative target needs the plan’s wording');
      break;
  }
  return problems;
}

export function checkTask(edit: TaskEdit): Problem[] {
  const problems: Problem[] = [];
  if (!edit.text.trim()) need(problems, 'text', '请填写任务内容', 'enter the task');
  const d = edit.deadline.trim();
  if (d && !/^\d{4}(-\d{2}-\d{2})?$/.test(d))
    need(problems, 'deadline', '完成时限应写作 2025 或 2025-12-31', 'write the deadline as 2025 or 2025-12-31');
  return problems;
}

export function checkPlan(plan: PlanForm): Problem[] {
  const problems: Problem[] = [];
  const id = plan.id.trim();
  if (!id) need(problems, 'plan.id', '请填写规划代码', 'enter a plan ID');
  else if (!CODE_RE.test(id))
    need(problems, 'plan.id', '规划代码只能包含字母、数字和 . _ -', 'the plan ID may contain only letters, digits and . _ -');
  if (!plan.title.trim()) need(problems, 'plan.title', '请填写规划名称', 'enter the plan title');
  if (!plan.issuer.trim()) need(problems, 'plan.issuer', '请填写发布机关', 'enter the issuing authority');
  checkYear(problems, 'plan.periodStart', plan.periodStart, '规划期起始年', 'the first year of the period');
  checkYear(problems, 'plan.periodEnd', plan.periodEnd, '规划期结束年', 'the last year of the period');
  if (YEAR_RE.test(plan.periodStart.trim()) && YEAR_RE.test(plan.periodEnd.trim()))
    if (Number(plan.periodEnd) < Number(plan.periodStart))
      need(problems, 'plan.periodEnd', '规划期结束年不能早于起始年', 'the period must not end before it starts');
  const d = plan.issuedOn.trim();
  if (d && (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d))))
    need(problems, 'plan.issuedOn', '发布日期应写作 2022-07-04', 'write the issue date as 2022-07-04');
  return problems;
}

/* ---------- the request ---------- */

export interface BuiltReview {
  review: Review;
  /** Candidate ID of review.targets[i] / review.tasks[i] / the owners of review.newIndicators[i]. */
  targetIds: string[];
  taskIds: string[];
  indicatorOwners: string[][];
  /** Problems found before sending; when any, nothing is sent. */
  problems: Problem[];
}

const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());
const optDecimal = (v: string) => (v.trim() === '' ? undefined : cleanDecimal(v));

function reviewTarget(c: TargetCandidate, e: TargetEdit, planScope: PlanScope | null, own: boolean): ReviewTarget {
  const indicator = e.indicator === NEW_INDICATOR ? e.newIndicator.code.trim() : e.indicator;
  const t: ReviewTarget['target'] = { year: Number(e.year.trim()), comparator: e.comparator };
  switch (e.comparator) {
    case 'at_least':
    case 'at_most':
    case 'exactly':
    case 'share':
    case 'increase_by':
      t.value = optDecimal(e.value);
      break;
    case 'range':
      t.min = optDecimal(e.min);
      t.max = optDecimal(e.max);
      break;
    case 'annual_growth':
    case 'cumulative_change':
      t.rate = optDecimal(e.rate);
      // 年均增长7%，达到1200亿元: the amount is kept beside the rate.
      if (e.value.trim()) t.value = optDecimal(e.value);
      break;
    case 'exceeds_growth_of':
    case 'growth_in_step_with':
      t.reference = opt(e.reference);
      break;
    case 'qualitative':
      break;
  }
  if (e.comparator === 'share' && e.reference) t.reference = e.reference;
  const text = opt(e.text);
  if (text) t.text = text;
  const out: ReviewTarget = { candidateId: c.id, indicator, target: t };
  // The reviewer's own candidate quotes its passage; the server knows only the extractor's.
  if (own) out.span = c.span;
  const scope: PlanScope = e.scope ? { kind: e.scopeKind, code: e.scope } : (planScope ?? { kind: 'orgUnit', code: '' });
  if (scope.kind === 'group') out.group = scope.code;
  else out.orgUnit = scope.code;
  if (e.nature) out.nature = e.nature;
  if (e.baselineYear.trim() && e.baselineValue.trim())
    out.baseline = { year: Number(e.baselineYear.trim()), value: cleanDecimal(e.baselineValue) };
  if (c.trajectory && c.trajectory.length > 0) out.trajectory = c.trajectory;
  const note = opt(e.note);
  if (note) out.note = note;
  return out;
}

function reviewTask(c: TaskCandidate, e: TaskEdit, own: boolean): ReviewTask {
  const out: ReviewTask = { candidateId: c.id, text: e.text.trim(), lead: e.lead, co: e.co.filter((u) => !e.lead.includes(u)) };
  if (own) out.span = c.span;
  const responsible = opt(e.responsibleText);
  if (responsible) out.responsibleText = responsible;
  const deadline = opt(e.deadline);
  if (deadline) out.deadline = deadline;
  return out;
}

/** One new indicator named alike in two candidates; （） and () are the same name (stored as first written). */
const sameIndicator = (a: NewIndicatorInput, b: NewIndicatorInput) =>
  sameName(a.name, b.name) && sameName(a.nameEn, b.nameEn) && sameName(a.unit, b.unit);

/** The merge request from the accepted candidates, in document order, and every problem found first. */
export function buildReview(draft: Draft, state: ReviewState, catalogues: Catalogues): BuiltReview {
  const problems: Problem[] = [...checkPlan(state.plan)];
  const targetIds: string[] = [];
  const taskIds: string[] = [];
  const targets: ReviewTarget[] = [];
  const tasks: ReviewTask[] = [];
  const newIndicators: NewIndicatorInput[] = [];
  const indicatorOwners: string[][] = [];
  const planScope = planScopeOf(state.plan);

  const own = (id: string) => state.added.how[id] !== undefined;
  for (const c of allTargets(draft, state)) {
    const r = state.targets[c.id];
    if (r?.decision !== 'accepted') continue;
    const at = `targets.${targets.length}`;
    for (const p of checkTarget(r.edit, catalogues, planScope)) problems.push({ ...p, field: `${at}.${p.field}` });
    if (r.edit.indicator === NEW_INDICATOR && r.edit.newIndicator.code.trim()) {
      const n = r.edit.newIndicator;
      const code = n.code.trim();
      const i = newIndicators.findIndex((x) => x.code === code);
      if (i < 0) {
        newIndicators.push({ code, name: n.name.trim(), nameEn: n.nameEn.trim(), unit: n.unit.trim() });
        indicatorOwners.push([c.id]);
      } else {
        indicatorOwners[i]!.push(c.id);
        if (!sameIndicator(newIndicators[i]!, n))
          problems.push({
            field: `${at}.newIndicator.code`,
            zh: `新指标 ${code} 在不同候选中的名称或单位不一致`,
            en: `the new indicator ${code} is defined differently in two candidates`,
          });
      }
    }
    targets.push(reviewTarget(c, r.edit, planScope, own(c.id)));
    targetIds.push(c.id);
  }
  for (const c of allTasks(draft, state)) {
    const r = state.tasks[c.id];
    if (r?.decision !== 'accepted') continue;
    const at = `tasks.${tasks.length}`;
    for (const p of checkTask(r.edit)) problems.push({ ...p, field: `${at}.${p.field}` });
    tasks.push(reviewTask(c, r.edit, own(c.id)));
    taskIds.push(c.id);
  }
  if (targets.length === 0 && tasks.length === 0)
    problems.push({ field: '(root)', zh: '尚未接受任何候选条目', en: 'no candidate has been accepted yet' });

  const p = state.plan;
  const review: Review = {
    plan: {
      id: p.id.trim(),
      title: p.title.trim(),
      issuer: p.issuer.trim(),
      periodStart: Number(p.periodStart.trim()),
      periodEnd: Number(p.periodEnd.trim()),
    },
    newIndicators,
    targets,
    tasks,
  };
  if (p.titleEn.trim()) review.plan.titleEn = p.titleEn.trim();
  if (p.issuedOn.trim()) review.plan.issuedOn = p.issuedOn.trim();
  return { review, targetIds, taskIds, indicatorOwners, problems };
}

/* ---------- the server's answer ---------- */

export interface PlacedProblem extends Problem {
  /** The candidate the problem belongs to, when it belongs to one. */
  candidateId?: string;
  kind?: 'target' | 'task';
  /** The field inside the candidate or the plan form (orgUnit, target.value, plan.issuer). */
  subField?: string;
}

function isFieldProblem(x: unknown): x is FieldProblem {
  return typeof x === 'object' && x !== null && typeof (x as FieldProblem).field === 'string';
}

/** error.details of a refused merge → problems; fields such as targets.3.orgUnit or /targets/3/orgUnit. */
export function problemsFromDetails(details: unknown): Problem[] {
  if (!Array.isArray(details)) return [];
  return details.filter(isFieldProblem).map((d) => {
    const field = d.field.replace(/^\//, '').replace(/\//g, '.') || '(root)';
    return { field, zh: d.messageZh || d.message, en: d.message };
  });
}

/** Puts each problem on the candidate (or plan field) it concerns. */
export function placeProblems(
  problems: Problem[],
  built: Pick<BuiltReview, 'targetIds' | 'taskIds' | 'indicatorOwners'>,
): PlacedProblem[] {
  return problems.flatMap((p): PlacedProblem[] => {
    const [head, index, ...rest] = p.field.split('.');
    const i = Number(index);
    const sub = rest.join('.');
    if (head === 'targets' && Number.isInteger(i) && built.targetIds[i] !== undefined)
      return [{ ...p, candidateId: built.targetIds[i], kind: 'target', subField: sub }];
    if (head === 'tasks' && Number.isInteger(i) && built.taskIds[i] !== undefined)
      return [{ ...p, candidateId: built.taskIds[i], kind: 'task', subField: sub }];
    if ((head === 'indicators' || head === 'newIndicators') && Number.isInteger(i) && built.indicatorOwners[i]) {
      const owners = built.indicatorOwners[i];
      const field = `newIndicator.${sub || 'code'}`;
      return owners.length > 0
        ? owners.map((id) => ({ ...p, candidateId: id, kind: 'target' as const, subField: field }))
        : [{ ...p }];
    }
    if (head === 'plan') return [{ ...p, subField: p.field }];
    return [{ ...p }];
  });
}

/* ---------- suggestions ---------- */

/** Words that often make up plan titles, for a readable plan ID. */
const TITLE_WORDS: readonly [string, string][] = [
  ['自由贸易试验区', 'ftz'],
  ['自贸试验区', 'ftz'],
  ['综合保税区', 'bonded-zone'],
  ['开发区', 'zones'],
  ['产业园区', 'parks'],
  ['园区', 'parks'],
  ['区域协调', 'regional'],
  ['区域', 'regional'],
  ['泛珠', 'pprd'],
  ['数字经济', 'digital-economy'],
  ['国民经济和社会发展', 'development'],
  ['经济社会发展', 'development'],
  ['经济发展', 'economy'],
  ['对外开放', 'opening-up'],
  ['口岸', 'ports'],
  ['物流', 'logistics'],
  ['旅游', 'tourism'],
  ['工业', 'industry'],
  ['农业', 'agriculture'],
  ['交通', 'transport'],
  ['能源', 'energy'],
  ['生态', 'ecology'],
  ['科技', 'science-tech'],
  ['教育', 'education'],
  ['卫生', 'health'],
];

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/\b(province|prefecture|autonomous|city|county)\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Short forms under which a place is named in titles: 红河哈尼族彝族自治州 → 红河州, 红河; 昆明市 → 昆明. */
function placeNames(u: OrgUnit): string[] {
  const names = [u.name];
  const bare = u.name.replace(/(省|市|县|区|州)$/, '');
  if (bare.length >= 2 && bare !== u.name) names.push(bare);
  const auto = /^(.{2,3}?)(.+族)+自治(州|县)$/.exec(u.name);
  if (auto) names.push(`${auto[1]}${auto[3]}`, auto[1]!);
  return names;
}

/**
 * A plan ID from the title: the place it covers (from the org-unit catalogue's English names),
 * the subject, and the period, e.g. 昆明市“十四五”数字经济发展规划 → kunming-digital-economy-2021-2025.
 */
export function suggestPlanId(title: string, periodStart: string, periodEnd: string, orgUnits: readonly OrgUnit[]): string {
  const parts: string[] = [];
  let best: { unit: OrgUnit; length: number; at: number } | null = null;
  for (const u of orgUnits) {
    if (u.kind === 'department' || !u.nameEn) continue;
    for (const n of placeNames(u)) {
      const at = title.indexOf(n);
      if (at < 0) continue;
      if (!best || at < best.at || (at === best.at && n.length > best.length)) best = { unit: u, length: n.length, at };
    }
  }
  if (best) {
    const en = best.unit.nameEn ?? '';
    // "Honghe Hani and Yi Autonomous Prefecture" → honghe
    parts.push(slug(/autonomous/i.test(en) ? (en.split(/\s+/)[0] ?? en) : en));
  }
  let rest = title;
  for (const [word, en] of TITLE_WORDS)
    if (rest.includes(word)) {
      if (!parts.includes(en)) parts.push(en);
      rest = rest.split(word).join(' ');
    }
  if (parts.length === 0) parts.push('plan');
  const s = periodStart.trim();
  const e = periodEnd.trim();
  if (YEAR_RE.test(s) && YEAR_RE.test(e)) parts.push(s === e ? s : `${s}-${e}`);
  else if (YEAR_RE.test(e)) parts.push(e);
  return parts.filter(Boolean).join('-');
}

/** Indicator code proposal from an English name: "Core digital economy output" → CORE_DIGITAL_ECONOMY_OUTPUT. */
export function suggestIndicatorCode(nameEn: string): string {
  return nameEn
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
}

/* ---------- reading a .txt file in the browser ---------- */

/**
 * Decodes a text file: UTF-8 or UTF-16 by BOM; text that is not valid UTF-8 is read as GB18030
 * (older Chinese government files). The server receives UTF-8 either way.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}
