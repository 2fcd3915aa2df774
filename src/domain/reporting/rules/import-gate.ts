import type { ReportForm } from '../forms/form.schema.ts';
import { buildRuleContext } from '../forms/rule-context.ts';
import type { TableProblem } from '../table/table.types.ts';
import { evaluateRules, type Finding } from './evaluate-rules.ts';

/** Where an uploaded figure was written, so a broken rule can name its cell. */
export interface GateFigure {
  indicator: string;
  value: string;
  /** null: the figure is already stored, not in this upload. */
  at: { sheet: string; row: number; column: string; raw: string } | null;
}

/**
 * The form's hard rules (severity error) applied to one submission's figures as an upload would
 * leave them: the upload's figures over the stored ones. Each broken rule becomes one problem at
 * the first uploaded cell it concerns, naming the rule and the figures, so the upload is refused
 * whole. Soft rules are returned as findings: they do not stop an import, and need a 情况说明 at
 * submission. History rules (change on last period) cannot be decided here and are left to submission.
 */
export function gateSubmission(
  form: Pick<ReportForm, 'items' | 'rules'>,
  period: string,
  figures: readonly GateFigure[],
  names: Readonly<Record<string, { name: string; nameEn?: string; unit?: string }>>,
  unit: { code: string; name: string },
): { problems: TableProblem[]; warnings: Finding[] } {
  const current: Record<string, string> = {};
  const where = new Map<string, NonNullable<GateFigure['at']>>();
  for (const f of figures) {
    if (f.at === null && current[f.indicator] !== undefined) continue;
    current[f.indicator] = f.value;
    if (f.at) where.set(f.indicator, f.at);
  }
  const evaluation = evaluateRules(form.rules, buildRuleContext(form, period, current, new Map(), names));
  const problems: TableProblem[] = [];
  const warnings: Finding[] = [];
  for (const finding of evaluation.findings) {
    const cells = finding.indicators.map((i) => where.get(i)).filter((c) => c !== undefined);
    // A rule broken only by figures already stored is for the entry sheet, not this upload.
    if (cells.length === 0) continue;
    if (finding.severity !== 'error') {
      warnings.push(finding);
      continue;
    }
    const at = cells[0]!;
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
