import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { weightedSum } from './aggregate.ts';
import { AhpError, ahpEigen, ahpWeights } from './ahp.ts';
import { entropyWeights } from './entropy.ts';
import {
  type AhpExample,
  type Discrepancy,
  ERSOY_2021_ENTROPY,
  ERSOY_2021_TOPSIS,
  type EntropyExample,
  HWANG_YOON_1981_AIRCRAFT,
  HWANG_YOON_1981_PRINTED_NORMALISED,
  SAATY_1990_HOUSE_CRITERIA,
  SAATY_1990_HOUSE_LOCAL,
  SAATY_1990_HOUSE_SYNTHESIS,
  SAATY_2008_DRINKS,
  type TopsisExample,
  XU_2004,
  ZAVADSKAS_PODVEZKO_2016,
} from './published-examples.fixture.ts';
import { topsis } from './topsis.ts';

/**
 * Tolerance rule. A computed figure is rounded with toFixed to as many decimals as were printed and must then equal
 * the printed string exactly. The only exceptions are the figures an example lists in `discrepancies` (each with its
 * reason): for those the rounded figures must really differ — so the list cannot go stale — and the computed value
 * must lie within one unit of the last printed decimal.
 */
function checkPrinted(figure: string, computed: number, printed: string, discrepancies: readonly Discrepancy[]): void {
  const decimals = printed.split('.')[1]?.length ?? 0;
  const ours = computed.toFixed(decimals);
  const known = discrepancies.find((d) => d.figure === figure);
  if (!known) {
    assert.equal(ours, printed, `${figure}: computed ${computed}, printed ${printed}`);
    return;
  }
  assert.notEqual(ours, printed, `${figure} is listed as a discrepancy but now reproduces the printed ${printed}`);
  assert.ok(
    Math.abs(computed - Number(printed)) <= 10 ** -decimals,
    `${figure}: computed ${computed} is more than one unit of the last printed decimal from ${printed}`,
  );
}

/** Every listed discrepancy must name a figure that the test actually compared (catches typos in the fixture). */
function checkDiscrepanciesUsed(discrepancies: readonly Discrepancy[], compared: readonly string[]): void {
  for (const d of discrepancies) assert.ok(compared.includes(d.figure), `unknown figure in discrepancies: ${d.figure}`);
}

function checkAhp(example: AhpExample): ReturnType<typeof ahpEigen> {
  const r = ahpEigen(example.matrix);
  const compared: string[] = [];
  const check = (figure: string, computed: number, printed: string | undefined) => {
    if (printed === undefined) return;
    compared.push(figure);
    checkPrinted(figure, computed, printed, example.discrepancies);
  };
  assert.equal(r.weights.length, example.printed.weights.length);
  example.printed.weights.forEach((p, i) => check(`weights[${i}]`, r.weights[i]!, p));
  check('lambdaMax', r.lambdaMax, example.printed.lambdaMax);
  check('consistencyIndex', r.consistencyIndex, example.printed.consistencyIndex);
  check('consistencyRatio', r.consistencyRatio, example.printed.consistencyRatio);
  checkDiscrepanciesUsed(example.discrepancies, compared);
  return r;
}

function checkEntropy(example: EntropyExample): number[] {
  const { weights } = entropyWeights(example.matrix);
  assert.equal(weights.length, example.printed.weights.length);
  example.printed.weights.forEach((p, j) => checkPrinted(`weights[${j}]`, weights[j]!, p, []));
  return weights;
}

function checkTopsis(example: TopsisExample): ReturnType<typeof topsis> {
  const weights = example.weights === 'entropy' ? entropyWeights(example.matrix).weights : example.weights;
  const r = topsis(example.matrix, weights, example.benefit);
  const compared: string[] = [];
  const series = [
    ['closeness', r.closeness, example.printed.closeness],
    ['distanceToIdeal', r.distanceToIdeal, example.printed.distanceToIdeal],
    ['distanceToAntiIdeal', r.distanceToAntiIdeal, example.printed.distanceToAntiIdeal],
  ] as const;
  for (const [name, computed, printed] of series)
    printed?.forEach((p, i) => {
      compared.push(`${name}[${i}]`);
      checkPrinted(`${name}[${i}]`, computed[i]!, p, example.discrepancies);
    });
  checkDiscrepanciesUsed(example.discrepancies, compared);
  return r;
}

/** For n = 3 the principal eigenvector of a reciprocal matrix is exactly the normalised row geometric means. */
function rowGeometricMeans(matrix: readonly (readonly number[])[]): number[] {
  const g = matrix.map((row) => row.reduce((p, a) => p * a, 1) ** (1 / row.length));
  const total = g.reduce((s, x) => s + x, 0);
  return g.map((x) => x / total);
}

describe('published worked examples — AHP', () => {
  it('Saaty (1990) Table 2, house criteria: priorities, λmax 9.669, CI 0.238, CR 0.169 (all as printed)', () => {
    checkAhp(SAATY_1990_HOUSE_CRITERIA);
  });

  it('Saaty (1990) Table 2 is refused by ahpWeights, which quotes the printed CR', () => {
    assert.throws(
      () => ahpWeights(SAATY_1990_HOUSE_CRITERIA.matrix),
      (e: unknown) => e instanceof AhpError && e.code === 'AHP_INCONSISTENT' && e.messageEn.includes('CR = 0.169'),
    );
  });

  for (const example of SAATY_1990_HOUSE_LOCAL)
    it(`Saaty (1990) ${example.source.where}: as printed, printed rounding slips listed`, () => {
      const r = checkAhp(example);
      // The closed form shows that where a printed priority differs, the slip is in the print, not in the eigenvector.
      rowGeometricMeans(example.matrix).forEach((g, i) => assert.ok(Math.abs(g - r.weights[i]!) < 1e-12));
    });

  it('Saaty (1990) Table 3, transportation: the printed CI 0.124 comes from the rounded λmax 3.247', () => {
    assert.equal(((3.247 - 3) / 2).toFixed(4), '0.1235');
    const printed = SAATY_1990_HOUSE_LOCAL.find((e) => e.id === 'saaty-1990-transportation')!.printed;
    assert.equal(printed.lambdaMax, '3.247');
    assert.equal(printed.consistencyIndex, '0.124');
  });

  it('Saaty (1990) Table 4: the weighted sum of the printed priorities gives the printed 0.396, 0.341, 0.263', () => {
    const w = Float64Array.from(SAATY_1990_HOUSE_SYNTHESIS.criteriaWeights, Number);
    for (const house of ['A', 'B', 'C'] as const) {
      const local = Float64Array.from(SAATY_1990_HOUSE_SYNTHESIS.local[house], Number);
      checkPrinted(`house ${house}`, weightedSum(local, w), SAATY_1990_HOUSE_SYNTHESIS.printed[house], []);
    }
  });

  it('Saaty (2008) drinks: derived scale and CR 0.022 as printed; accepted by ahpWeights', () => {
    const r = checkAhp(SAATY_2008_DRINKS);
    assert.doesNotThrow(() => ahpWeights(SAATY_2008_DRINKS.matrix));
    // Saaty printed CR with his later random index RI(7) = 1.35; ours (1980) is 1.32. Both round to the printed 0.022.
    assert.equal((r.consistencyIndex / 1.35).toFixed(3), SAATY_2008_DRINKS.printed.consistencyRatio);
  });
});

describe('published worked examples — entropy weights', () => {
  it('Xu (2004): 0.4630, 0.3992, 0.1378, 0.0000 from the shares of the raw values', () => {
    const w = checkEntropy(XU_2004);
    // The printed 0.0000 is a real, tiny weight (29, 29, 28.9, 29 barely vary), not a constant column.
    assert.ok(w[3]! > 0 && w[3]! < 5e-5);
  });

  it('Zavadskas & Podvezko (2016): 0.1146, 0.1981, 0.4185, 0.2689 from the raw shares (direction not applied)', () => {
    checkEntropy(ZAVADSKAS_PODVEZKO_2016);
    // The other reading — reciprocals for the minimised criteria first — does not give the printed weights.
    const cost = [true, false, true, false];
    const reciprocal = ZAVADSKAS_PODVEZKO_2016.matrix.map((row) => row.map((x, j) => (cost[j] ? 1 / x : x)));
    assert.notEqual(entropyWeights(reciprocal).weights[0]!.toFixed(4), ZAVADSKAS_PODVEZKO_2016.printed.weights[0]);
  });

  it('Ersoy (2021): 0.405, 0.221, 0.134, 0.199, 0.007, 0.034', () => {
    checkEntropy(ERSOY_2021_ENTROPY);
  });
});

describe('published worked examples — TOPSIS', () => {
  it('Hwang & Yoon (1981) fighter aircraft: closeness and separations as printed, the book’s rounding slips listed', () => {
    const r = checkTopsis(HWANG_YOON_1981_AIRCRAFT);
    // Ranking as printed: A1 > A3 > A4 > A2.
    const order = r.closeness.map((c, i) => [c, i] as const).sort((a, b) => b[0] - a[0]);
    assert.deepEqual(
      order.map(([, i]) => HWANG_YOON_1981_AIRCRAFT.labels[i]),
      ['A1', 'A3', 'A4', 'A2'],
    );
    // The book's C₃ = 0.613 is its own rounded separations divided: 0.0920 / (0.0580 + 0.0920).
    const sPlus = Number(HWANG_YOON_1981_AIRCRAFT.printed.distanceToIdeal![2]);
    const sMinus = Number(HWANG_YOON_1981_AIRCRAFT.printed.distanceToAntiIdeal![2]);
    assert.equal((sMinus / (sPlus + sMinus)).toFixed(3), HWANG_YOON_1981_AIRCRAFT.printed.closeness[2]);
  });

  it('Hwang & Yoon (1981): the printed normalised matrix is right except its cost column and one ferry-range entry', () => {
    // Vector normalisation, the formula of topsis.ts, recomputed here because topsis() does not expose rᵢⱼ. The print
    // differs in the whole cost column (0.5063 for 5.5/√117.75 = 0.50685 …) and for A4's ferry range (0.4392 for
    // 1800/√16 780 000 = 0.43942); both transcriptions carry the same figures.
    const m = HWANG_YOON_1981_AIRCRAFT.matrix;
    const misprints: string[] = [];
    for (let j = 0; j < 6; j++) {
      const norm = Math.sqrt(m.reduce((s, row) => s + row[j]! ** 2, 0));
      m.forEach((row, i) => {
        if ((row[j]! / norm).toFixed(4) !== HWANG_YOON_1981_PRINTED_NORMALISED[i]![j]) misprints.push(`A${i + 1}/X${j + 1}`);
      });
    }
    assert.deepEqual(misprints, ['A4/X2', 'A1/X4', 'A2/X4', 'A3/X4', 'A4/X4']);
  });

  it('Ersoy (2021): entropy-weighted TOPSIS closeness as printed (with the unrounded entropy weights)', () => {
    checkTopsis(ERSOY_2021_TOPSIS);
    // With the printed 3-decimal weights four coefficients miss the print, so the paper used unrounded weights.
    const rounded = ERSOY_2021_ENTROPY.printed.weights.map(Number);
    const r = topsis(ERSOY_2021_TOPSIS.matrix, rounded, ERSOY_2021_TOPSIS.benefit);
    const misses = r.closeness.filter((c, i) => c.toFixed(3) !== ERSOY_2021_TOPSIS.printed.closeness[i]).length;
    assert.equal(misses, 4);
  });
});
