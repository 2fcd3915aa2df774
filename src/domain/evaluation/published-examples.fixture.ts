/**
 * Published worked examples for AHP, entropy weights and TOPSIS, with their figures as printed. Used by
 * published-examples.test.ts and tabulated in docs/evaluation.md.
 *
 * Printed figures are kept as strings, so that the printed precision (the number of decimals) is part of the data.
 *
 * Provenance, honestly: the printed pages themselves were not available to us. Every example below was taken from
 * public transcriptions (source code and test suites that quote the publication), named in `transcribedBy`; where two
 * independent transcriptions agree the entry says so. A transcription is evidence, not the page: the docs say which
 * figures rest on a single transcription.
 */

export interface Source {
  citation: string;
  /** Where in the publication (table, page). */
  where: string;
  /** Public transcriptions the data and printed figures were taken from. */
  transcribedBy: readonly string[];
}

/**
 * A printed figure that our exact computation does not reproduce at the printed precision, with the reason. The test
 * requires our rounding to really differ (so the list cannot go stale) and to be within one unit of the last printed
 * decimal.
 */
export interface Discrepancy {
  /** Which printed figure, e.g. 'weights[1]' or 'consistencyIndex'. */
  figure: string;
  reason: string;
}

export interface AhpExample {
  id: string;
  source: Source;
  labels: readonly string[];
  matrix: readonly (readonly number[])[];
  printed: { weights: readonly string[]; lambdaMax?: string; consistencyIndex?: string; consistencyRatio: string };
  discrepancies: readonly Discrepancy[];
}

const SAATY_1990 =
  'Saaty, T. L. (1990). How to make a decision: The analytic hierarchy process. European Journal of Operational ' +
  'Research 48(1), 9–26. doi:10.1016/0377-2217(90)90057-I';

const SAATY_1990_TRANSCRIPTIONS = [
  'a public GitHub AHP test suite (tests of app/ahp/core.py) quoting the same matrix and priorities from Saaty (2003), ' +
    '"Decision-making with the AHP: Why is the principal eigenvector necessary", EJOR 145, Table 1, "verified against ' +
    'the paper’s PDF"',
  'a public GitHub decision-matrix tool whose self-test quotes Saaty (1990) Tables 2–4 — independent of the above',
] as const;

/** Saaty (1990), Table 2: the family's eight criteria for buying a house. CR = 0.169, so the matrix is inconsistent. */
export const SAATY_1990_HOUSE_CRITERIA: AhpExample = {
  id: 'saaty-1990-house-criteria',
  source: {
    citation: SAATY_1990,
    where: 'Table 2 (pairwise comparison of the criteria with respect to overall satisfaction with the house)',
    transcribedBy: SAATY_1990_TRANSCRIPTIONS,
  },
  labels: [
    'size of house',
    'transportation',
    'neighbourhood',
    'age of house',
    'yard space',
    'modern facilities',
    'general condition',
    'financing',
  ],
  matrix: [
    [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
    [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
    [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
    [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
    [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
    [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
    [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
    [4, 7, 5, 8, 6, 6, 2, 1],
  ],
  printed: {
    weights: ['0.173', '0.054', '0.188', '0.018', '0.031', '0.036', '0.167', '0.333'],
    lambdaMax: '9.669',
    consistencyIndex: '0.238',
    consistencyRatio: '0.169',
  },
  discrepancies: [],
};

/** Saaty (1990), Table 3: houses A, B, C compared for three of the criteria (the matrices we have transcribed). */
export const SAATY_1990_HOUSE_LOCAL: readonly AhpExample[] = [
  {
    id: 'saaty-1990-transportation',
    source: { citation: SAATY_1990, where: 'Table 3, "Transportation"', transcribedBy: [SAATY_1990_TRANSCRIPTIONS[1]] },
    labels: ['house A', 'house B', 'house C'],
    matrix: [
      [1, 7, 1 / 5],
      [1 / 7, 1, 1 / 8],
      [5, 8, 1],
    ],
    printed: {
      weights: ['0.233', '0.055', '0.713'],
      lambdaMax: '3.247',
      consistencyIndex: '0.124',
      consistencyRatio: '0.213',
    },
    discrepancies: [
      {
        figure: 'weights[1]',
        reason:
          'exact principal eigenvector (for n = 3 it equals the normalised row geometric means) is 0.05445; the ' +
          'printed vector 0.233 + 0.055 + 0.713 sums to 1.001',
      },
      { figure: 'weights[2]', reason: 'exact principal eigenvector is 0.71249 (see weights[1])' },
      {
        figure: 'consistencyIndex',
        reason: 'the printed CI fits rounding the rounded λmax: (3.247 − 3)/2 = 0.1235 → 0.124; exact CI is 0.12348',
      },
    ],
  },
  {
    id: 'saaty-1990-general-condition',
    source: { citation: SAATY_1990, where: 'Table 3, "General condition"', transcribedBy: [SAATY_1990_TRANSCRIPTIONS[1]] },
    labels: ['house A', 'house B', 'house C'],
    matrix: [
      [1, 1 / 2, 1 / 2],
      [2, 1, 1],
      [2, 1, 1],
    ],
    printed: { weights: ['0.200', '0.400', '0.400'], lambdaMax: '3.000', consistencyIndex: '0.000', consistencyRatio: '0.000' },
    discrepancies: [],
  },
  {
    id: 'saaty-1990-financing',
    source: { citation: SAATY_1990, where: 'Table 3, "Financing"', transcribedBy: [SAATY_1990_TRANSCRIPTIONS[1]] },
    labels: ['house A', 'house B', 'house C'],
    matrix: [
      [1, 1 / 7, 1 / 5],
      [7, 1, 3],
      [5, 1 / 3, 1],
    ],
    printed: {
      weights: ['0.072', '0.650', '0.278'],
      lambdaMax: '3.065',
      consistencyIndex: '0.032',
      consistencyRatio: '0.056',
    },
    discrepancies: [
      {
        figure: 'weights[1]',
        reason: 'exact principal eigenvector (normalised row geometric means for n = 3) is 0.64912',
      },
      { figure: 'weights[2]', reason: 'exact principal eigenvector is 0.27895' },
    ],
  },
];

/**
 * Saaty (1990), Table 4: the overall priorities of the houses, composed from the printed criteria weights (Table 2)
 * and the printed local priorities (Table 3) by a weighted sum.
 */
export const SAATY_1990_HOUSE_SYNTHESIS = {
  source: { citation: SAATY_1990, where: 'Table 4 (synthesis)', transcribedBy: [SAATY_1990_TRANSCRIPTIONS[1]] },
  criteriaWeights: SAATY_1990_HOUSE_CRITERIA.printed.weights,
  /** Local priorities by house, in the criteria order of Table 2, as printed. */
  local: {
    A: ['0.754', '0.233', '0.754', '0.333', '0.674', '0.747', '0.200', '0.072'],
    B: ['0.181', '0.055', '0.065', '0.333', '0.101', '0.060', '0.400', '0.650'],
    C: ['0.065', '0.713', '0.181', '0.333', '0.226', '0.193', '0.400', '0.278'],
  },
  printed: { A: '0.396', B: '0.341', C: '0.263' },
} as const;

/** Saaty (2008): relative consumption of drinks in the United States, judged by a group of 30 people. */
export const SAATY_2008_DRINKS: AhpExample = {
  id: 'saaty-2008-drinks',
  source: {
    citation:
      'Saaty, T. L. (2008). Decision making with the analytic hierarchy process. International Journal of Services ' +
      'Sciences 1(1), 83–98. doi:10.1504/IJSSCI.2008.017590',
    where: '"Which drink is consumed more in the U.S.?" matrix and its derived scale (section 2)',
    transcribedBy: ['PhilipGriffith/AHPy README.md (the matrix as a table and the printed AHP row), and its tests/test_ahp.py'],
  },
  labels: ['coffee', 'wine', 'tea', 'beer', 'sodas', 'milk', 'water'],
  matrix: [
    [1, 9, 5, 2, 1, 1, 1 / 2],
    [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
    [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
    [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [1, 9, 4, 2, 1, 2, 1 / 2],
    [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [2, 9, 9, 3, 2, 3, 1],
  ],
  // CR 0.022 was printed with Saaty's later random index (RI(7) = 1.35, Saaty 2005); ours (1980) has RI(7) = 1.32.
  // CI = 0.02944 gives 0.0218 and 0.0223: both print as 0.022.
  printed: { weights: ['0.177', '0.019', '0.042', '0.116', '0.190', '0.129', '0.327'], consistencyRatio: '0.022' },
  discrepancies: [],
};

export interface EntropyExample {
  id: string;
  source: Source;
  labels: readonly string[];
  /** Raw decision matrix, alternatives × criteria. */
  matrix: readonly (readonly number[])[];
  /** How the publication turned the raw matrix into the input of pᵢⱼ = xᵢⱼ / Σᵢ xᵢⱼ. */
  pipeline: string;
  printed: { weights: readonly string[] };
}

/** Xu (2004): entropy weights of the 4 × 4 example. */
export const XU_2004: EntropyExample = {
  id: 'xu-2004',
  source: {
    citation:
      'Xu, X. (2004). A note on the subjective and objective integrated approach to determine attribute weights. ' +
      'European Journal of Operational Research 156(2), 530–532. doi:10.1016/S0377-2217(03)00146-2',
    where: 'numerical example (entropy weights)',
    transcribedBy: ['pyrepo-mcda / objective-weighting / distance-metrics-mcda test suites (one author, A. Bączkiewicz)'],
  },
  labels: ['C1', 'C2', 'C3', 'C4'],
  matrix: [
    [30, 30, 38, 29],
    [19, 54, 86, 29],
    [19, 15, 85, 28.9],
    [68, 70, 60, 29],
  ],
  pipeline: 'shares of the raw values (all criteria benefit)',
  printed: { weights: ['0.4630', '0.3992', '0.1378', '0.0000'] },
};

/** Zavadskas & Podvezko (2016): the entropy part of the IDOCRIW example. */
export const ZAVADSKAS_PODVEZKO_2016: EntropyExample = {
  id: 'zavadskas-podvezko-2016',
  source: {
    citation:
      'Zavadskas, E. K., & Podvezko, V. (2016). Integrated determination of objective criteria weights in MCDM. ' +
      'International Journal of Information Technology & Decision Making 15(2), 267–283. doi:10.1142/S0219622016500036',
    where: 'IDOCRIW example, entropy weights',
    transcribedBy: [
      'pyrepo-mcda test suite (A. Bączkiewicz)',
      'JMcDM (Julia) IDOCRIW test "Zavadskas & Podvezko Paper Example" and its Scala port — independent of the above',
    ],
  },
  labels: ['C1 (min)', 'C2 (max)', 'C3 (min)', 'C4 (max)'],
  matrix: [
    [3.0, 100, 10, 7],
    [2.5, 80, 8, 5],
    [1.8, 50, 20, 11],
    [2.2, 70, 12, 9],
  ],
  // In IDOCRIW the direction enters through the CILOS weights; the entropy weights are taken from the raw shares.
  // Reciprocals for the two minimised criteria give 0.1277, 0.2174, 0.3599, 0.2950 instead — not the printed ones.
  pipeline: 'shares of the raw values, minimised criteria not transformed',
  printed: { weights: ['0.1146', '0.1981', '0.4185', '0.2689'] },
};

const ERSOY_2021_CITATION =
  'Ersoy, Y. (2021). Equipment selection for an e-commerce company using entropy-based TOPSIS, EDAS and CODAS ' +
  'methods during the COVID-19. LogForum 17(3). doi:10.17270/J.LOG.2021.603';

const ERSOY_2021_MATRIX = [
  [256, 8, 41, 1.6, 1.77, 7347.16],
  [256, 8, 32, 1.0, 1.8, 6919.99],
  [256, 8, 53, 1.6, 1.9, 8400],
  [256, 8, 41, 1.0, 1.75, 6808.9],
  [512, 8, 35, 1.6, 1.7, 8479.99],
  [256, 4, 35, 1.6, 1.7, 7499.99],
] as const;

/** Ersoy (2021): entropy weights of six laptops on six criteria (the last two minimised). */
export const ERSOY_2021_ENTROPY: EntropyExample = {
  id: 'ersoy-2021-entropy',
  source: {
    citation: ERSOY_2021_CITATION,
    where: 'entropy weights of the criteria',
    transcribedBy: [
      'pyrepo-mcda test suite (A. Bączkiewicz)',
      'scikit-criteria EDAS test ("weights from" an image of the paper) — independent of the above',
    ],
  },
  labels: ['C1', 'C2', 'C3', 'C4', 'C5 (min)', 'C6 (min)'],
  matrix: ERSOY_2021_MATRIX,
  pipeline: 'shares of the raw values, minimised criteria not transformed',
  printed: { weights: ['0.405', '0.221', '0.134', '0.199', '0.007', '0.034'] },
};

export interface TopsisExample {
  id: string;
  source: Source;
  labels: readonly string[];
  matrix: readonly (readonly number[])[];
  benefit: readonly boolean[];
  /** Printed weights, or 'entropy' when the publication used its own (unrounded) entropy weights. */
  weights: readonly number[] | 'entropy';
  printed: { closeness: readonly string[]; distanceToIdeal?: readonly string[]; distanceToAntiIdeal?: readonly string[] };
  discrepancies: readonly Discrepancy[];
}

/** Hwang & Yoon (1981): the fighter-aircraft example, the book that introduced TOPSIS. */
export const HWANG_YOON_1981_AIRCRAFT: TopsisExample = {
  id: 'hwang-yoon-1981-aircraft',
  source: {
    citation:
      'Hwang, C.-L., & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and Applications. A ' +
      'State-of-the-Art Survey. Lecture Notes in Economics and Mathematical Systems 186. Springer. ' +
      'doi:10.1007/978-3-642-48318-9',
    where: 'pp. 133–134, TOPSIS applied to the fighter-aircraft problem',
    transcribedBy: [
      'ldss-hse/ldss-benchmark, TOPSIS tests ("Example taken from TOPSIS book, page 133")',
      'an mcdajs example script with the "pdfResults" of pp. 133–134 — independent of the above',
    ],
  },
  labels: ['A1', 'A2', 'A3', 'A4'],
  // Max speed (Mach), ferry range (NM), max payload (lb), acquisition cost ($10⁶, minimised), reliability and
  // manoeuvrability (qualitative, on the book's 1–9 interval scale).
  matrix: [
    [2.0, 1500, 20000, 5.5, 5, 9],
    [2.5, 2700, 18000, 6.5, 3, 5],
    [1.8, 2000, 21000, 4.5, 7, 7],
    [2.2, 1800, 20000, 5.0, 5, 5],
  ],
  benefit: [true, true, true, false, true, true],
  weights: [0.2, 0.1, 0.1, 0.1, 0.2, 0.3],
  printed: {
    closeness: ['0.643', '0.268', '0.613', '0.312'],
    distanceToIdeal: ['0.0545', '0.1197', '0.0580', '0.1009'],
    distanceToAntiIdeal: ['0.0983', '0.0439', '0.0920', '0.0458'],
  },
  discrepancies: [
    {
      figure: 'closeness[2]',
      reason:
        'the book divides its rounded separations: 0.0920/(0.0580 + 0.0920) = 0.6133; unrounded C₃ = 0.61354 (0.61360 ' +
        'even from the book’s own rounded weighted matrix)',
    },
    {
      figure: 'distanceToIdeal[0]',
      reason:
        'exact S₁⁺ = 0.054557; the book’s own 4-decimal weighted matrix gives 0.054582, so the printed 0.0545 looks ' +
        'truncated rather than rounded',
    },
    {
      figure: 'distanceToAntiIdeal[0]',
      reason:
        'exact S₁⁻ = 0.098383; the book works from its weighted matrix rounded to 4 decimals (built on a normalised ' +
        'matrix whose cost column is misprinted), and from that matrix S₁⁻ = 0.098345 → 0.0983',
    },
  ],
};

/**
 * The normalised matrix as printed by Hwang & Yoon (1981, p. 133), 4 decimals. The cost column and A4's ferry range
 * are misprinted (see published-examples.test.ts); the book carried them into its weighted matrix and separations.
 */
export const HWANG_YOON_1981_PRINTED_NORMALISED = [
  ['0.4671', '0.3662', '0.5056', '0.5063', '0.4811', '0.6708'],
  ['0.5839', '0.6591', '0.4550', '0.5983', '0.2887', '0.3727'],
  ['0.4204', '0.4882', '0.5308', '0.4143', '0.6736', '0.5217'],
  ['0.5139', '0.4392', '0.5056', '0.4603', '0.4811', '0.3727'],
] as const;

/** Ersoy (2021): entropy-weighted TOPSIS of the six laptops. */
export const ERSOY_2021_TOPSIS: TopsisExample = {
  id: 'ersoy-2021-topsis',
  source: {
    citation: ERSOY_2021_CITATION,
    where: 'entropy-based TOPSIS, closeness coefficients',
    transcribedBy: ['pyrepo-mcda test suite (A. Bączkiewicz), which itself compares only to 2 decimals'],
  },
  labels: ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'],
  matrix: ERSOY_2021_MATRIX,
  benefit: [true, true, true, true, false, false],
  // The paper fed its unrounded entropy weights to TOPSIS: with the printed 3-decimal weights A1, A4, A5 and A6 come
  // out as 0.307, 0.262, 0.856 and 0.191 instead of the printed 0.308, 0.263, 0.857 and 0.192.
  weights: 'entropy',
  printed: { closeness: ['0.308', '0.254', '0.327', '0.263', '0.857', '0.192'] },
  discrepancies: [],
};
