import { Decimal } from 'decimal.js';
import type { MonthDelta } from '../../domain/projects/attribute-figure.ts';
import {
  sumDeltas,
  toIndicatorUnit,
  transferDeltas,
  type AgreementFacts,
  type ProjectMonthFacts,
  type TransferDelta,
} from '../../domain/projects/transfer-attribution.ts';
import type { SharedIndicator, SharePair } from '../../domain/projects/transfer-shares.ts';
import type { Executor } from '../../repositories/transaction.ts';
import {
  hasTransferAgreements,
  projectMonthFigures,
  transferAgreements,
  type TransferAgreementRow,
} from '../../repositories/transfer.repository.ts';

export function agreementFacts(r: TransferAgreementRow): AgreementFacts {
  const indicatorShares: Partial<Record<SharedIndicator, SharePair>> = {};
  for (const s of r.indicator_shares) indicatorShares[s.indicator as SharedIndicator] = { from: s.from, to: s.to };
  return {
    id: r.id,
    projectId: r.project_id,
    fromZone: r.from_zone_id,
    toZone: r.to_zone_id,
    shares: { from: r.from_share, to: r.to_share },
    indicatorShares,
    startMonth: r.start_month,
    endMonth: r.end_month,
  };
}

/** Every transfer delta (万元) of months up to `untilMonth`, with the agreements behind them. */
export async function loadTransferDeltas(
  db: Executor,
  untilMonth?: string,
  f: { zoneIds?: readonly number[] } = {},
): Promise<{ agreements: TransferAgreementRow[]; deltas: TransferDelta[] }> {
  if (!(await hasTransferAgreements(db))) return { agreements: [], deltas: [] };
  const agreements = await transferAgreements(db, f);
  const rows = await projectMonthFigures(db, [...new Set(agreements.map((a) => a.project_id))], untilMonth);
  const figures: ProjectMonthFacts[] = rows.map((r) => ({
    projectId: r.project_id,
    month: r.month,
    investment: r.investment,
    output: r.output,
    tax: r.tax,
    origin: r.origin,
  }));
  return { agreements, deltas: transferDeltas(agreements.map(agreementFacts), figures) };
}

/** What the progress layer knows that the deltas need: indicator units and the unit tree. */
export interface DeltaCatalogue {
  unitOfIndicator(code: string): string | undefined;
  parentOf(unitId: number): number | null;
}

/** unit id → year → indicator code → monthly deltas (in the indicator's unit). */
export type UnitDeltas = Map<number, Map<number, Map<string, MonthDelta[]>>>;

/**
 * The deltas progress adds on read, as of a date: each zone's, also filed under every ancestor,
 * because an ancestor that reports its own figure (which holds the project at 100 % on the
 * destination's side) needs its subtree's deltas too (subject-series.ts applies them only there).
 */
export async function transferDeltasByUnit(db: Executor, catalogue: DeltaCatalogue, until: string): Promise<UnitDeltas> {
  const { deltas } = await loadTransferDeltas(db, until.slice(0, 7));
  if (deltas.length === 0) return new Map();
  // unit/year/code → month → delta; a common ancestor of both zones nets to zero and gets nothing.
  const byKey = new Map<string, Map<string, MonthDelta>>();
  for (const d of sumDeltas(deltas).values()) {
    const unit = catalogue.unitOfIndicator(d.indicator);
    const value = unit === undefined ? null : toIndicatorUnit(d.value, unit);
    if (value === null) continue;
    const seen = new Set<number>();
    for (let u: number | null = d.zone; u !== null && !seen.has(u); u = catalogue.parentOf(u)) {
      seen.add(u);
      const k = `${u}/${d.month.slice(0, 4)}/${d.indicator}`;
      let months = byKey.get(k);
      if (!months) byKey.set(k, (months = new Map()));
      const prev = months.get(d.month);
      months.set(d.month, {
        month: d.month,
        value: prev ? new Decimal(prev.value).plus(value).toFixed() : value,
        origin: prev?.origin === 'synthetic' || d.origin === 'synthetic' ? 'synthetic' : d.origin,
      });
    }
  }
  const out: UnitDeltas = new Map();
  for (const [k, months] of byKey) {
    const list = [...months.values()].filter((m) => !new Decimal(m.value).isZero());
    if (list.length === 0) continue;
    const [unit, year, code] = k.split('/') as [string, string, string];
    let years = out.get(Number(unit));
    if (!years) out.set(Number(unit), (years = new Map()));
    let codes = years.get(Number(year));
    if (!codes) years.set(Number(year), (codes = new Map()));
    codes.set(code, list);
  }
  return out;
}
