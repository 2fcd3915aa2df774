import { Decimal } from 'decimal.js';
import { parsePeriod, periodBounds, type Period } from '../../domain/period/period.ts';
import {
  ruleInputs,
  type AggregationKind,
  type AggregationRule,
  type Origin,
  type PeriodFigure,
} from '../../domain/progress/aggregate.ts';
import { subjectFigure, type SeriesNode, type SubjectFigure } from '../../domain/progress/subject-series.ts';
import { AppError } from '../../errors/app-error.ts';
import { listForms, type StoredForm } from '../../repositories/report-form.repository.ts';
import { figures, indicatorRules, unitTree, type FigureRow, type UnitRow } from '../../repositories/progress.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';

/** The as-of period of a question: 2024 (end of 2024), 2024Q2 (end of June), 2024-06. */
export interface AsOf {
  text: string;
  period: Period;
  year: number;
  month: number;
  /** Last day covered (ISO): figures of later periods are not seen. */
  until: string;
}

export function parseAsOf(at: string): AsOf {
  const p = parsePeriod(at);
  if (!p)
    throw new AppError(
      400,
      'INVALID_PERIOD',
      'at must look like 2024, 2024Q2 or 2024-06',
      '期间格式应为 2024、2024Q2 或 2024-06',
    );
  const month = p.kind === 'year' ? 12 : p.kind === 'quarter' ? p.quarter * 3 : p.month;
  return { text: at, period: p, year: p.year, month, until: periodBounds(p).end };
}

const ORIGIN_RANK: Record<string, number> = { reported: 0, plan: 1, synthetic: 2 };

export interface Subject {
  kind: 'org_unit' | 'group';
  code: string;
  name: string;
  /** The unit itself, or the group's members: each with its subtree. */
  roots: readonly number[];
}

/** The entry of a key, created first when missing. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/** Catalogue and figures loaded once per question. */
export class ProgressContext {
  readonly rules = new Map<string, AggregationRule>();
  readonly indicators = new Map<string, Awaited<ReturnType<typeof indicatorRules>>[number]>();
  readonly units = new Map<number, UnitRow>();
  readonly children = new Map<number, number[]>();
  /** Codes some form collects without 累计 (period-end levels such as 用地面积, 从业人员). */
  private readonly levels = new Set<string>();
  /** unit id → code → best-origin figures. */
  private readonly points = new Map<number, Map<string, (PeriodFigure & { updatedAt: Date })[]>>();
  /**
   * The same figures by year (unit id → year → code → figures, in the same order): a year's or a
   * quarter's figure only ever reads periods of its own year, so the roll-up need not filter five
   * years of months at every unit and every question — the bulk of a large plan's time.
   */
  private readonly byYear = new Map<number, Map<number, Map<string, PeriodFigure[]>>>();

  private constructor(
    readonly forms: StoredForm[],
    rules: Awaited<ReturnType<typeof indicatorRules>>,
    units: UnitRow[],
  ) {
    for (const r of rules) {
      this.indicators.set(r.code, r);
      this.rules.set(r.code, {
        code: r.code,
        aggregation: r.aggregation as AggregationKind,
        weight: r.weight_code,
        formula: r.formula,
      });
    }
    for (const u of units) {
      this.units.set(u.id, u);
      if (u.parent_id !== null) this.children.set(u.parent_id, [...(this.children.get(u.parent_id) ?? []), u.id]);
    }
    for (const f of forms)
      for (const item of f.form.items) if (!item.cumulative && f.form.frequency !== 'year') this.levels.add(item.indicator);
  }

  static async load(db: Executor): Promise<ProgressContext> {
    return new ProgressContext(await listForms(db), await indicatorRules(db), await unitTree(db));
  }

  /** Non-cumulative sub-annual figures of a code add up (a flow) unless it is averaged, a ratio, or collected as a level. */
  flow = (code: string): boolean => this.rules.get(code)?.aggregation === 'sum' && !this.levels.has(code);

  /** Codes needed for an indicator: itself, its weight, its formula's inputs (recursively one level). */
  codesFor(code: string): string[] {
    const rule = this.rules.get(code);
    return rule ? ruleInputs(rule) : [code];
  }

  subtree(roots: readonly number[]): number[] {
    const out: number[] = [];
    const walk = (id: number) => {
      out.push(id);
      for (const c of this.children.get(id) ?? []) walk(c);
    };
    roots.forEach(walk);
    return [...new Set(out)];
  }

  /** Loads the figures of these units and codes up to a date, keeping the best origin of each period. */
  async loadFigures(db: Executor, unitIds: readonly number[], codes: readonly string[], until: string): Promise<void> {
    const ids = codes.map((c) => this.indicators.get(c)?.id).filter((x): x is number => x !== undefined);
    const codeOf = new Map([...this.indicators.values()].map((i) => [i.id, i.code]));
    const rows = await figures(db, unitIds, ids, until);
    rows.sort((a, b) => (ORIGIN_RANK[a.origin] ?? 9) - (ORIGIN_RANK[b.origin] ?? 9));
    const seen = new Set<string>();
    for (const r of rows as FigureRow[]) {
      const k = `${r.org_unit_id}/${r.indicator_id}/${r.period}/${r.cumulative}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const code = codeOf.get(r.indicator_id)!;
      const point = {
        period: r.period,
        value: new Decimal(r.value).toString(),
        cumulative: r.cumulative,
        origin: r.origin as Origin,
        updatedAt: r.updated_at,
      };
      entry(
        entry(this.points, r.org_unit_id, () => new Map()),
        code,
        () => [],
      ).push(point);
      const years = entry(this.byYear, r.org_unit_id, () => new Map());
      entry(
        entry(years, Number(r.period.slice(0, 4)), () => new Map()),
        code,
        (): PeriodFigure[] => [],
      ).push(point);
    }
  }

  pointsOf(unitId: number, code: string) {
    return this.points.get(unitId)?.get(code) ?? [];
  }

  private node(id: number, year: number): SeriesNode {
    return {
      points: this.byYear.get(id)?.get(year) ?? new Map(),
      children: (this.children.get(id) ?? []).map((c) => this.node(c, year)),
    };
  }

  /** The subject's figure for a code in one year or quarter (of that year), rolled up by the indicator's rule. */
  figure(subject: Subject, code: string, period: Period): SubjectFigure | null {
    const rule = this.rules.get(code) ?? { code, aggregation: 'sum' as const };
    const root: SeriesNode =
      subject.kind === 'org_unit' && subject.roots.length === 1
        ? this.node(subject.roots[0]!, period.year)
        : { points: new Map(), children: subject.roots.map((r) => this.node(r, period.year)) };
    return subjectFigure(root, period, rule, this.rules, this.codesFor(code), this.flow);
  }

  /** Yearly series the engine judges: complete years, and partial ones only for levels. */
  yearly(subject: Subject, code: string, from: number, to: number) {
    const out: { year: number; value: string; origin: Origin; partial: boolean; lastPeriod: string }[] = [];
    const level = !this.flow(code) && this.rules.get(code)?.aggregation !== 'ratio';
    for (let year = from; year <= to; year++) {
      const f = this.figure(subject, code, { kind: 'year', year });
      if (f && (!f.partial || level)) out.push({ year, ...f });
    }
    return out;
  }
}
