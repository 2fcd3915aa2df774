import type { ReportForm } from '../forms/form.schema.ts';
import { buildRuleContext, type UnitSeries } from '../forms/rule-context.ts';
import type { TableProblem } from '../table/table.types.ts';
import { evaluateRules, type Finding } from './evaluate-rules.ts';

/** Where an uploaded figure was written, so a broken rule can name its cell. */
export interface GateFigure {
  indicator: string;
  value: string;
  /** null: the figure is already stored, not in this upload. */
  at: { sheet: string; row: number; column: string; raw: string } | null;
}

/** A soft rule an uploaded figure breaks: the upload goes through; the sheet needs a 情况说明 for it at submission. */
export interface GateWarning {
  orgUnit: string;
  orgUnitName: string;
  period: string;
  ruleId: string;
  indicators: string[];
  message: { zh: string; en: string };
  /** True when the sheet cannot be submitted until the reporter explains it (情况说明). */
  needsComment: boolean;
  /** The first uploaded cell it concerns. */
  sheet: string;
  row: number;
  column: string;
}

/**
 * The form's hard rules (severity error) applied to one submission's figures as an upload would
 * leave them: the upload's figures over the stored ones. Each broken rule becomes one problem at
 * the first uploaded cell it concerns, naming the rule and the figures, so the upload is refused
 * whole. Soft rules come back as warnings naming their cell: they do not stop an import, and need a
 * 情况说明 at submission. `earlier` is the unit's approved history, as the entry sheet reads it, so the
 * history rules (较上期, 同比, outliers) warn at import as they will at submission.
 */
export function gateSubmission(
  form: Pick<ReportForm, 'items' | 'rules'>,
  period: string,
  figures: readonly GateFigure[],
  names: Readonly<Record<string, { name: string; nameEn?: string; unit?: string }>>,
  unit: { code: string; name: string },
  earlier: UnitSeries = new Map(),
): { problems: TableProblem[]; warnings: GateWarning[] } {
  const current: Record<string, string> = {};
  const where = new Map<string, NonNullable<GateFigure['at']>>();
  for (const f of figures) {
    if (f.at === null && current[f.indicator] !== undefined) continue;
    current[f.indicator] = f.value;
    if (f.at) where.set(f.indicator, f.at);
  }
  const evaluation = evaluateRules(form.rules, buildRuleContext(form, period, current, earlier, names), {
    explainSkipped: false,
  });
  const problems: TableProblem[] = [];
  const warnings: GateWarning[] = [];
  for (const finding of evaluation.findings) {
    const cells = finding.indicators.map((i) => where.get(i)).filter((c) => c !== undefined);
    // A rule broken only by figures already stored is for the entry sheet, not this upload.
    if (cells.length === 0) continue;
    const at = cells[0]!;
    if (finding.severity !== 'error') {
      warnings.push(warningOf(finding, unit, period, at));
      continue;
    }
    problems.push({
      sheet: at.sheet,
      row: at.row,
      column: at.column,
      value: at.raw,
      code: 'rule_violated',
      reason: `${unit.name} (${unit.code}) ${period}: rule "${finding.ruleId}" — ${finding.message.en}`,
      reasonZh: `${unit.name}（${unit.code}）${period}：违反规则“${finding.ruleId}”——${finding.message.zh}`,
    });
  }
  return { problems, warnings };
}

function warningOf(
  finding: Finding,
  unit: { code: string; name: string },
  period: string,
  at: NonNullable<GateFigure['at']>,
): GateWarning {
  return {
    orgUnit: unit.code,
    orgUnitName: unit.name,
    period,
    ruleId: finding.ruleId,
    indicators: finding.indicators,
    message: finding.message,
    needsComment: finding.needsComment,
    sheet: at.sheet,
    row: at.row,
    column: at.column,
  };
}
