import { Decimal } from 'decimal.js';
import { parsePeriod, periodBounds, type Period } from '../../domain/period/period.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  preferredFigures,
  ruleInputs,
  type AggregationKind,
  type AggregationRule,
  type CollapsedFigure,
  type Origin,
  type PeriodFigure,
} from '../../domain/progress/aggregate.ts';
import { subjectFigure, type SeriesNode, type SubjectFigure } from '../../domain/progress/subject-series.ts';
import { AppError } from '../../errors/app-error.ts';
import { listForms, type StoredForm } from '../../repositories/report-form.repository.ts';
import { figures, indicatorRules, unitTree, type UnitRow } from '../../repositories/progress.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import { hasDirty, markDirty, unitYearRows, type UnitYearRow } from '../../repositories/unit-year-figure.repository.ts';
import { FigureMarks } from './figure-marks.ts';
import { transferDeltasByUnit, type UnitDeltas } from '../projects/transfer-deltas.ts';
import { refreshUnitYears, type YearRule } from './unit-years.service.ts';
import { analyticsOutdated, refreshAnalytics } from './analytics.service.ts';
import { hasAnalyticsDirty, markSummaries, rolledRows } from '../../repositories/analytics.repository.ts';
import { lastDuePeriods } from './freshness.ts';

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
    throw new AppError('INVALID_PERIOD', 'at must look like 2024, 2024Q2 or 2024-06', '期间格式应为 2024、2024Q2 或 2024-06');
  const month = p.kind === 'year' ? 12 : p.kind === 'quarter' ? p.quarter * 3 : p.month;
  return { text: at, period: p, year: p.year, month, until: periodBounds(p).end };
}

/** Where a question's whole years are read from (see ProgressContext.sourceOptions). */
export type FigureSource = 'analytics' | 'yearly' | 'raw';

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
export class ProgressContext implements YearRule {
  readonly rules = new Map<string, AggregationRule>();
  readonly indicators = new Map<string, Awaited<ReturnType<typeof indicatorRules>>[number]>();
  readonly units = new Map<number, UnitRow>();
  readonly children = new Map<number, number[]>();
  private readonly codes = new Map<number, string>();
  /** Codes some form collects without 累计 (period-end levels such as 用地面积, 从业人员). */
  private readonly levels = new Set<string>();
  /** unit id → code → what was reported when (raw figures one by one, precomputed years a row each). */
  private readonly marks = new Map<number, Map<string, FigureMarks>>();
  /**
   * Raw figures by year (unit id → year → code → figures): a year's or a quarter's figure only ever
   * reads periods of its own year, so the roll-up need not filter five years of months at every unit.
   */
  private readonly byYear = new Map<number, Map<number, Map<string, PeriodFigure[]>>>();
  /** Precomputed whole years (unit id → year → code → the unit's own year figure). */
  private readonly years = new Map<number, Map<number, Map<string, CollapsedFigure>>>();
  /** 跨区域流转 deltas of transferred projects (unit id → year → code), added on read; see docs/projects.md. */
  private transfers: UnitDeltas = new Map();

  private constructor(
    readonly forms: StoredForm[],
    private readonly ruleRows: Awaited<ReturnType<typeof indicatorRules>>,
    private readonly unitRows: UnitRow[],
  ) {
    for (const r of ruleRows) {
      this.indicators.set(r.code, r);
      this.codes.set(r.id, r.code);
      this.rules.set(r.code, {
        code: r.code,
        aggregation: r.aggregation as AggregationKind,
        weight: r.weight_code,
        formula: r.formula,
      });
    }
    for (const u of unitRows) {
      this.units.set(u.id, u);
      if (u.parent_id !== null) this.children.set(u.parent_id, [...(this.children.get(u.parent_id) ?? []), u.id]);
    }
    for (const f of forms)
      for (const item of f.form.items) if (!item.cumulative && f.form.frequency !== 'year') this.levels.add(item.indicator);
  }

  static async load(db: Executor): Promise<ProgressContext> {
    return new ProgressContext(await listForms(db), await indicatorRules(db), await unitTree(db));
  }

  /**
   * The same catalogue (forms, indicators, unit tree) without any figures: for a second as-of period
   * in one question, without reading the catalogue again.
   */
  withoutFigures(): ProgressContext {
    return new ProgressContext(this.forms, this.ruleRows, this.unitRows);
  }

  /**
   * Recomputes the yearly figures whose inputs changed (approvals, corrections) now, and the analytics
   * rows of their units and ancestors, so that the next reader does not pay for them; returns how many
   * analytics rows were written.
   */
  static async refreshYears(db: Kysely<DB>): Promise<number> {
    if (!(await hasDirty(db)) && !(await hasAnalyticsDirty(db))) return 0;
    return refreshAnalytics(db, await ProgressContext.load(db));
  }

  codeOf = (indicatorId: number): string | undefined => this.codes.get(indicatorId);

  /** The unit whose own figures stand for a group's, as a plan-office sheet declares (`standsFor`). */
  standInOf(groupCode: string): number | undefined {
    for (const f of this.forms)
      for (const s of f.form.standsFor ?? [])
        if (s.group === groupCode) return [...this.units.values()].find((u) => u.code === s.unit)?.id;
    return undefined;
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

  /**
   * Loads the figures of these units and codes as of a period. Whole years before it come from the
   * analytics table when the subjects' `roots` are given (each root's subtree figure, of years from
   * `fromYear` when given; with `ref`, the freshness marks of the units below too, else none of whole
   * years), otherwise from the precomputed yearly table (both recomputed first where figures changed);
   * the as-of year, when the period ends before December, and every year when `quarters` are asked
   * for, from the raw figures.
   * Shares of transferred projects (跨区域流转) are added on read unless `reported` asks for the
   * figures as the zones reported them; nothing of them is ever written into the yearly table.
   */
  async loadFigures(
    db: Kysely<DB>,
    unitIds: readonly number[],
    codes: readonly string[],
    asOf: AsOf,
    opts: { quarters?: boolean; reported?: boolean; roots?: readonly number[]; ref?: string; fromYear?: number } = {},
  ): Promise<void> {
    const ids = codes.map((c) => this.indicators.get(c)?.id).filter((x): x is number => x !== undefined);
    this.nodes.clear();
    this.rolled.clear();
    this.rolledUntil = null;
    const lastWholeYear = opts.quarters ? null : asOf.month === 12 ? asOf.year : asOf.year - 1;
    this.transfers = opts.reported
      ? new Map()
      : await transferDeltasByUnit(
          db,
          { unitOfIndicator: (c) => this.indicators.get(c)?.unit, parentOf: (id) => this.units.get(id)?.parent_id ?? null },
          asOf.until,
        );
    if (lastWholeYear !== null && opts.roots && this.transfers.size === 0) {
      // The analytics table (issue 22): each subject root's subtree figure, a row per code and year;
      // of the units below, only what freshness needs, aggregated per unit in the database.
      if (await analyticsOutdated(db, this)) await refreshAnalytics(db, this);
      this.rolledUntil = lastWholeYear;
      for (const r of await rolledRows(db, [...new Set(opts.roots)], ids, opts.fromYear ?? 0, lastWholeYear)) {
        const unitYears = entry(this.rolled, r.org_unit_id, () => new Map<number, Map<string, SubjectFigure>>());
        entry(unitYears, r.year, () => new Map<string, SubjectFigure>()).set(this.codes.get(r.indicator_id)!, {
          value: new Decimal(r.value).toString(),
          origin: r.origin as Origin,
          partial: r.partial,
          lastPeriod: r.last_period,
        });
      }
      if (opts.ref !== undefined)
        for (const m of await markSummaries(db, unitIds, ids, lastWholeYear, lastDuePeriods(this.forms, opts.ref)))
          this.mark(m.org_unit_id, this.codes.get(m.indicator_id)!).add(m.periods, m.updated_at, m.cumulative);
    } else if (lastWholeYear !== null) {
      await refreshUnitYears(db, this);
      let rows = await unitYearRows(db, unitIds, ids, lastWholeYear);
      // Rows computed under another rule (a form or the indicator's aggregation changed since).
      const stale = rows.filter((r) => r.additive !== this.flow(this.codes.get(r.indicator_id)!));
      if (stale.length) {
        await markDirty(db, stale);
        await refreshUnitYears(db, this);
        rows = await unitYearRows(db, unitIds, ids, lastWholeYear);
      }
      for (const r of rows) this.addYear(r);
    }
    const from = lastWholeYear === null ? null : `${lastWholeYear + 1}-01-01`;
    const raw = (await figures(db, unitIds, ids, asOf.until, from)).map((r) => ({ ...r, origin: r.origin as Origin }));
    for (const r of preferredFigures(raw, (f) => `${f.org_unit_id}/${f.indicator_id}/${f.period}/${f.cumulative}`)) {
      const code = this.codes.get(r.indicator_id)!;
      const point = { period: r.period, value: new Decimal(r.value).toString(), cumulative: r.cumulative, origin: r.origin };
      entry(
        entry(
          entry(this.byYear, r.org_unit_id, () => new Map()),
          Number(r.period.slice(0, 4)),
          () => new Map(),
        ),
        code,
        (): PeriodFigure[] => [],
      ).push(point);
      this.mark(r.org_unit_id, code).add([r.period], r.updated_at, r.cumulative);
    }
  }

  /**
   * loadFigures options for where whole years are read from: the analytics table (the subjects'
   * roots), the precomputed yearly table (as before issue 22), or every period raw (from scratch).
   * The last two are kept so that checks and benchmarks can set a read beside the one it replaced.
   */
  static sourceOptions(source: FigureSource, roots: readonly number[], ref?: string, fromYear?: number) {
    return source === 'analytics' ? { roots, ref, fromYear } : { quarters: source === 'raw' };
  }

  /** Subject roots' subtree figures read from the analytics table (unit id → year → code), years up to rolledUntil. */
  private readonly rolled = new Map<number, Map<number, Map<string, SubjectFigure>>>();
  private rolledUntil: number | null = null;

  /** Whether the last loadFigures read whole years from the analytics table. */
  get readsAnalytics(): boolean {
    return this.rolledUntil !== null;
  }

  private addYear(r: UnitYearRow): void {
    const code = this.codes.get(r.indicator_id)!;
    const figure: CollapsedFigure = {
      value: new Decimal(r.value).toString(),
      origin: r.origin as Origin,
      partial: r.partial,
      lastPeriod: r.last_period,
    };
    entry(
      entry(this.years, r.org_unit_id, () => new Map()),
      r.year,
      () => new Map(),
    ).set(code, figure);
    this.mark(r.org_unit_id, code).add(r.periods, r.updated_at, r.cumulative);
  }

  private mark(unitId: number, code: string): FigureMarks {
    return entry(
      entry(this.marks, unitId, () => new Map()),
      code,
      () => new FigureMarks(),
    );
  }

  marksOf(unitId: number, code: string): FigureMarks | undefined {
    return this.marks.get(unitId)?.get(code);
  }

  private readonly nodes = new Map<string, SeriesNode>();

  /**
   * A unit's node for a period of `year`; precomputed figures stand only for the whole year. Built
   * once per question: the figures are loaded before any node is asked for, and nodes are read-only.
   */
  private node(id: number, year: number, whole: boolean): SeriesNode {
    const key = `${id}/${year}/${whole}`;
    let n = this.nodes.get(key);
    if (n === undefined && whole && this.rolledUntil !== null && year <= this.rolledUntil)
      this.nodes.set(key, (n = { points: new Map(), children: [], rolled: this.rolled.get(id)?.get(year) ?? new Map() }));
    if (n === undefined)
      this.nodes.set(
        key,
        (n = {
          points: this.byYear.get(id)?.get(year) ?? new Map(),
          collapsed: whole ? this.years.get(id)?.get(year) : undefined,
          children: (this.children.get(id) ?? []).map((c) => this.node(c, year, whole)),
          transfers: this.transfers.get(id)?.get(year),
        }),
      );
    return n;
  }

  /** The subject's figure for a code in one year or quarter (of that year), rolled up by the indicator's rule. */
  figure(subject: Subject, code: string, period: Period): SubjectFigure | null {
    const rule = this.rules.get(code) ?? { code, aggregation: 'sum' as const };
    const root: SeriesNode =
      subject.kind === 'org_unit' && subject.roots.length === 1
        ? this.node(subject.roots[0]!, period.year, period.kind === 'year')
        : { points: new Map(), children: subject.roots.map((r) => this.node(r, period.year, period.kind === 'year')) };
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
