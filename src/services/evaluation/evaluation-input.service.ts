import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canonicalJson } from '../../domain/audit/hash-chain.ts';
import type { RunInput, RunInputUnit } from '../../domain/evaluation/compute-run.ts';
import type { StoredScheme, StoredSchemeInput } from '../../domain/evaluation/stored-scheme.schema.ts';
import { comparisonGroupOf, selectSubjects, type SubjectUnit } from '../../domain/evaluation/subjects.ts';
import { orgGroupMembers, subjectUnitRows } from '../../repositories/evaluation.repository.ts';
import { parseAsOf, ProgressContext, type FigureSource } from '../progress/progress-context.ts';

/**
 * The input of an evaluation: every evaluated unit's value of every scheme indicator (and 加分/扣分 item)
 * for the year, read through the progress layer so that roll-ups over sub-units, derived indicators
 * (亩均 = formula over the unit's own figures) and whatever the progress layer applies on top hold here
 * exactly as on the progress pages. Values stay exact decimal strings; a value the year lacks is null —
 * never zero. Whole years are read from the analytics table (`source` sets the read it replaced beside it
 * in checks). As in the yearly series the progress engine judges, a flow's year that is still partial
 * (months missing) counts as missing; a level's latest figure in the year stands.
 */
export async function gatherInput(
  db: Kysely<DB>,
  scheme: { code: string; version: number; definition: StoredSchemeInput; parsed: StoredScheme },
  year: number,
  source: FigureSource = 'analytics',
): Promise<RunInput> {
  const s = scheme.parsed;
  const ctx = await ProgressContext.load(db);
  const rows = await subjectUnitRows(db);
  const members = await orgGroupMembers(db);
  const units: SubjectUnit[] = rows.map((r) => ({
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind,
    parent: r.parent_code,
    plan: r.source_plan_id,
    zoneLevel: r.zone_level,
  }));
  const ids = new Map(rows.map((r) => [r.code, r.id]));
  const selected = selectSubjects(units, members, s.subject);
  const codes = [...new Set([...s.indicators.map((i) => i.code), ...s.adjustments.map((a) => a.code)])];
  const known = codes.filter((c) => ctx.indicators.has(c));
  const roots = selected.map((u) => ids.get(u.code)!);
  // Whole years from the analytics table (issue 22): each evaluated unit's subtree figure of the year is
  // a stored row; no earlier year is read, and freshness is not asked for, so no marks either.
  if (roots.length && known.length)
    await ctx.loadFigures(
      db,
      ctx.subtree(roots),
      [...new Set(known.flatMap((c) => ctx.codesFor(c)))],
      parseAsOf(String(year)),
      ProgressContext.sourceOptions(source, roots, undefined, year),
    );
  const groupCodes = s.groups.map((g) => g.code);
  const subjects: RunInputUnit[] = selected.map((u) => {
    const roots = [ids.get(u.code)!];
    const values: Record<string, string | null> = {};
    const synthetic: string[] = [];
    for (const c of codes) {
      if (!known.includes(c)) {
        values[c] = null;
        continue;
      }
      const f = ctx.yearly({ kind: 'org_unit', code: u.code, name: u.name, roots }, c, year, year)[0];
      values[c] = f?.value ?? null;
      if (f?.origin === 'synthetic') synthetic.push(c);
    }
    const group = comparisonGroupOf(u, s.groupBy, groupCodes, members);
    // Only when present, so the hash of a run on real figures is what it was before synthetic marks existed.
    return { code: u.code, name: u.name, nameEn: u.nameEn, group, values, ...(synthetic.length ? { synthetic } : {}) };
  });
  const unitOf = Object.fromEntries(codes.map((c) => [c, ctx.indicators.get(c)?.unit ?? '']));
  return { scheme: { code: scheme.code, version: scheme.version, definition: scheme.definition }, year, units: unitOf, subjects };
}

/** sha256 (hex) of the canonical JSON of the input (keys sorted): equal inputs, equal hashes. */
export function inputHash(input: RunInput): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}
