/**
 * "Did you mean …" for a unit name nobody knows: the units whose names or aliases are closest to
 * what was written. Two measures, the better one counts: character-bigram overlap (Dice) finds a
 * name with a word left out or added (红河蒙自经开区 / 蒙自经开区), edit distance finds a slip of
 * the input method (昆明高兴区 / 昆明高新区). Keys are matching keys (unitNameKey), never names as
 * shown.
 */
export interface UnitKeys<T> {
  unit: T;
  keys: readonly string[];
}

/** Below this overlap a unit is not worth suggesting. */
const OVERLAP_THRESHOLD = 0.34;
/** Edit-distance similarity (1 − distance / longer length) a slip must reach to count. */
const EDIT_THRESHOLD = 0.6;
/** One name containing the other (高新区 / 昆明高新区) ranks above any partial overlap. */
const CONTAINED = 0.9;

function bigrams(key: string): string[] {
  const chars = [...key];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

/** Dice coefficient over bigrams: 1 for equal keys, 0 for nothing in common. */
export function bigramOverlap(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** Levenshtein distance over code points (one row of the table at a time). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length]!;
}

function nameScore(written: string, key: string): number {
  if (written.includes(key) || key.includes(written)) return CONTAINED;
  const longer = Math.max([...written].length, [...key].length);
  const edit = 1 - editDistance(written, key) / longer;
  const overlap = bigramOverlap(written, key);
  return Math.max(overlap >= OVERLAP_THRESHOLD ? overlap : 0, edit >= EDIT_THRESHOLD ? edit : 0);
}

/** Up to `limit` candidates closest to the written key, best first (ties by code); none when nothing is close. */
export function closestUnits<T extends { code: string }>(written: string, candidates: readonly UnitKeys<T>[], limit = 3): T[] {
  if (!written) return [];
  return candidates
    .map((c) => ({ unit: c.unit, score: Math.max(0, ...c.keys.filter(Boolean).map((k) => nameScore(written, k))) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.unit.code.localeCompare(b.unit.code))
    .slice(0, limit)
    .map((s) => s.unit);
}
