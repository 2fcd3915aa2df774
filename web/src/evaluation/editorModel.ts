import type { Normalisation, NormalisationMethod, SchemeDefinition, SchemeIndicatorDef } from '../api/evaluationTypes.ts';

/*
 * Pure edits of a scheme definition for the editor. Every edit returns a new object; fields the editor
 * does not know are carried over untouched, so saving never drops what a newer server stored.
 */

export function withDefaults(def: SchemeDefinition): SchemeDefinition {
  return {
    ...def,
    indicators: def.indicators.map((i) => ({
      ...i,
      direction: i.direction ?? 'higher_better',
      normalisation: i.normalisation ?? { method: 'minmax' },
      required: i.required ?? true,
    })),
    groups: def.groups ?? [],
    grades: def.grades,
  };
}

/** Sets an indicator's fields; a hand-set weight ends any AHP derivation (the matrix no longer applies). */
export function patchIndicator(def: SchemeDefinition, k: number, patch: Partial<SchemeIndicatorDef>): SchemeDefinition {
  const indicators = def.indicators.map((i, j) => (j === k ? { ...i, ...patch } : i));
  const next: SchemeDefinition = { ...def, indicators };
  if ('weight' in patch && next.ahp) delete next.ahp;
  return next;
}

export function removeIndicator(def: SchemeDefinition, k: number): SchemeDefinition {
  const code = def.indicators[k]!.code;
  const next: SchemeDefinition = {
    ...def,
    indicators: def.indicators.filter((_, j) => j !== k),
    groups: (def.groups ?? []).map((g) => {
      const weights = { ...(g.weights ?? {}) };
      delete weights[code];
      return { ...g, weights };
    }),
  };
  delete next.ahp;
  return next;
}

export function addIndicator(def: SchemeDefinition, ind: { code: string; name: string; nameEn?: string }): SchemeDefinition {
  const next: SchemeDefinition = {
    ...def,
    indicators: [
      ...def.indicators,
      {
        code: ind.code,
        name: ind.name,
        ...(ind.nameEn ? { nameEn: ind.nameEn } : {}),
        weight: 0,
        direction: 'higher_better',
        normalisation: { method: 'minmax' },
        required: true,
      },
    ],
  };
  delete next.ahp;
  return next;
}

/** The normalisation a method starts with when picked in the editor (keeping the old parameters when the method is the same). */
export function normalisationFor(method: NormalisationMethod, old: Normalisation | undefined): Normalisation {
  if (old && old.method === method) return old;
  switch (method) {
    case 'target':
      return { method, target: 1, baseline: 0 };
    case 'bands':
      return { method, bands: [{ score: 1 }] };
    default:
      return { method };
  }
}

/** Threshold bands as text: "600~:1; 400~600:0.6; ~400:0.2" (from~to:score, either end open). */
export function bandsToText(bands: { from?: number; to?: number; score: number }[]): string {
  return bands.map((b) => `${b.from ?? ''}~${b.to ?? ''}:${b.score}`).join('; ');
}

export function parseBands(text: string): { from?: number; to?: number; score: number }[] | null {
  const parts = text
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const out: { from?: number; to?: number; score: number }[] = [];
  for (const p of parts) {
    const m = /^(-?[\d.]*)\s*[~～]\s*(-?[\d.]*)\s*[:：]\s*([\d.]+)$/.exec(p);
    if (!m) return null;
    const [from, to, score] = [m[1]!, m[2]!, Number(m[3])];
    if (!(score >= 0 && score <= 1)) return null;
    if ((from && !Number.isFinite(Number(from))) || (to && !Number.isFinite(Number(to)))) return null;
    out.push({ ...(from ? { from: Number(from) } : {}), ...(to ? { to: Number(to) } : {}), score });
  }
  return out;
}

/** Saaty's 1–9 scale and its reciprocals, strongest first. */
export const SAATY: readonly number[] = [9, 8, 7, 6, 5, 4, 3, 2, 1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8, 1 / 9];
export const saatyText = (x: number): string => (x >= 1 ? String(Math.round(x)) : `1/${Math.round(1 / x)}`);

/** An n × n matrix of ones, or the stored one when it has the right size. */
export function initialMatrix(n: number, stored: number[][] | undefined): number[][] {
  if (stored && stored.length === n && stored.every((r) => r.length === n)) return stored.map((r) => [...r]);
  return Array.from({ length: n }, () => Array.from({ length: n }, () => 1));
}

/** Sets a[i][j] = x and a[j][i] = 1/x, keeping the matrix reciprocal. */
export function setJudgement(matrix: number[][], i: number, j: number, x: number): number[][] {
  const next = matrix.map((r) => [...r]);
  next[i]![j] = x;
  next[j]![i] = 1 / x;
  return next;
}

/** Closest Saaty value to a stored entry (for the select). */
export function nearestSaaty(x: number): number {
  return SAATY.reduce((best, s) => (Math.abs(Math.log(s / x)) < Math.abs(Math.log(best / x)) ? s : best), 1);
}
