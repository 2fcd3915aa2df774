import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DATASET_DIR } from '../src/dataset/dataset-path.ts';
import { loadEvaluationSchemes } from '../src/dataset/load-evaluation-schemes.ts';
import { computeRun, type RunInput } from '../src/domain/evaluation/compute-run.ts';

/*
 * Issue 16's case: 临沧边境经济合作区, a national zone with 3 of its 6 indicators missing (R&D share,
 * energy per value added, leading-industry share) and 亩均产出 507 — below the parks plan's 600 floor —
 * ranked #2 (优秀) among national zones while the run counted no unit as missing data. The built-in
 * scheme, as shipped in the dataset, must now leave it unranked, name what it lacks, grade it only as
 * far as its available data and the floor allow.
 */
describe('the 临沧 case (dev-zone-per-mu, national zones)', async () => {
  const { schemes } = await loadEvaluationSchemes(DATASET_DIR);
  const definition = schemes.find((s) => s.definition.code === 'dev-zone-per-mu')!.definition;
  const zone = (code: string, name: string, values: Record<string, string | null>) => ({
    code,
    name,
    nameEn: null,
    group: 'national',
    values,
  });
  const full = (rev: string, tax: string, rd: string, energy: string, lead: string) => ({
    REVENUE_PER_MU: rev,
    TAX_PER_MU: tax,
    ZONE_RD_REVENUE_SHARE: rd,
    ENERGY_PER_INDUSTRIAL_VA: energy,
    LEADING_INDUSTRY_REVENUE_SHARE: lead,
    MAJOR_SAFETY_ENV_INCIDENTS: '0',
  });
  const input: RunInput = {
    scheme: { code: 'dev-zone-per-mu', version: 1, definition },
    year: 2024,
    units: {},
    subjects: [
      zone('KM-ETDZ', '昆明经济技术开发区', full('820', '60', '2.4', '0.35', '72')),
      zone('QJ-ETDZ', '曲靖经济技术开发区', full('640', '38', '1.6', '0.62', '55')),
      zone('LC-BECZ', '临沧边境经济合作区', {
        REVENUE_PER_MU: '507',
        TAX_PER_MU: '58',
        ZONE_RD_REVENUE_SHARE: null,
        ENERGY_PER_INDUSTRIAL_VA: null,
        LEADING_INDUSTRY_REVENUE_SHARE: null,
        MAJOR_SAFETY_ENV_INCIDENTS: null,
      }),
      zone('YX-HTZ', '玉溪高新技术产业开发区', full('610', '25', '1.1', '0.80', '48')),
    ],
  };
  const run = computeRun(input, { samples: 200, seed: 1 });
  const lc = run.units.find((u) => u.code === 'LC-BECZ')!;

  it('names the missing indicators and does not rank the zone as if complete', () => {
    assert.equal(lc.status, 'partial');
    assert.deepEqual(lc.missing, ['ZONE_RD_REVENUE_SHARE', 'ENERGY_PER_INDUSTRIAL_VA', 'LEADING_INDUSTRY_REVENUE_SHARE']);
    assert.equal(lc.rank, null);
    assert.equal(lc.sensitivity, null);
    // 缺数 counts it: the run's units with missing data.
    assert.deepEqual(
      run.units.filter((u) => u.missing.length > 0).map((u) => u.code),
      ['LC-BECZ'],
    );
    // The complete zones rank 1–3 among themselves.
    assert.deepEqual(
      run.units.filter((u) => u.rank !== null).map((u) => u.rank),
      [1, 2, 3],
    );
  });

  it('grades it on what its data support and caps it at 合格 below the 600 floor', () => {
    assert.ok(lc.gradedOn !== null && lc.gradedOn! < lc.score!, 'graded on the lower bound');
    assert.deepEqual(
      lc.floors.map((f) => [f.code, f.min, f.maxGrade]),
      [['national-floor', 600, '合格']],
    );
    assert.notEqual(lc.grade, '优秀');
    assert.notEqual(lc.grade, '良好');
    assert.match(lc.explanation.zh, /未达到底线 600/);
    assert.match(lc.explanation.zh, /不参与排名/);
  });
});
