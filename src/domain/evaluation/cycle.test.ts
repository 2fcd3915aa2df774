import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cyclePosition, cycleVersion, runKindText } from './cycle.ts';

describe('evaluation cycle: 五年一评价、一年一更新 (issue 16)', () => {
  const cycle = { fullEvery: 5, firstFullYear: 2021 };

  it('makes every fifth year a full evaluation and the years between yearly updates of it, both ways', () => {
    assert.deepEqual(
      [2019, 2020, 2021, 2022, 2025, 2026, 2027, 2031].map((y) => [y, cyclePosition(cycle, y)]),
      [
        [2019, { kind: 'update', fullYear: 2016 }],
        [2020, { kind: 'update', fullYear: 2016 }],
        [2021, { kind: 'full', fullYear: 2021 }],
        [2022, { kind: 'update', fullYear: 2021 }],
        [2025, { kind: 'update', fullYear: 2021 }],
        [2026, { kind: 'full', fullYear: 2026 }],
        [2027, { kind: 'update', fullYear: 2026 }],
        [2031, { kind: 'full', fullYear: 2031 }],
      ],
    );
  });

  it("runs an update on its full evaluation's scheme version; a full evaluation, an asked version or no full run keep theirs", () => {
    const full = { runId: 7, version: 1 };
    const update = cyclePosition(cycle, 2023);
    assert.deepEqual(cycleVersion(update, { version: 3, explicit: false }, full), { version: 1, fullRunId: 7 });
    assert.deepEqual(cycleVersion(update, { version: 3, explicit: true }, full), { version: 3, fullRunId: null });
    assert.deepEqual(cycleVersion(update, { version: 3, explicit: false }, null), { version: 3, fullRunId: null });
    assert.deepEqual(cycleVersion(cyclePosition(cycle, 2026), { version: 3, explicit: false }, full), {
      version: 3,
      fullRunId: null,
    });
  });

  it('says which kind of run it is', () => {
    const base = { fullEvery: 5, fullYear: 2021, schemeVersion: 1 };
    assert.equal(runKindText({ ...base, kind: 'full', fullRunId: null }).zh, '全面评价（每5年一次）');
    assert.equal(runKindText({ ...base, kind: 'update', fullRunId: 7 }).zh, '年度更新（沿用2021年全面评价的方案第1版）');
    assert.match(runKindText({ ...base, kind: 'update', fullRunId: null }).zh, /^年度更新（未沿用2021年全面评价/);
  });
});
