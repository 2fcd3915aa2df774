import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { buildEvaluationDocx } from './build-docx.ts';
import { buildEvaluationXlsx } from './build-xlsx.ts';
import { fixtureHistory, fixtureRunView } from './run-view.fixture.ts';
import { changeText, rankChange } from './run-tables.ts';
import type { RunView } from '../../presenters/evaluation.presenter.ts';

const run = fixtureRunView();

/** The text of word/document.xml, paragraph by paragraph (runs joined, XML entities decoded). */
function docxParagraphs(docx: Buffer): string[] {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1]!)
      .join('')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

async function loadXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
  return wb;
}

const headers = (sheet: ExcelJS.Worksheet, row = 1): unknown[] => (sheet.getRow(row).values as unknown[]).slice(1);

describe('evaluation report files', () => {
  it('the fixture is a real run: ranked, incomplete, vetoed and last-year units all present', () => {
    const incomplete = run.units.filter((u) => u.status === 'incomplete');
    assert.deepEqual(
      incomplete.map((u) => [u.code, u.missing]),
      [['e', ['gdp', 'park']]],
    );
    assert.ok(run.units.some((u) => u.vetoes.length > 0));
    assert.ok(
      run.units.some((u) => rankChange(u) !== null && rankChange(u) !== 0),
      'a rank moved since last year',
    );
    assert.ok(run.units.some((u) => u.previous === null));
  });

  it('writes the Word report: title, scheme and version, sources, default-weights note, method, results, robustness, explanations', async () => {
    const docx = await buildEvaluationDocx(run, 'zh');
    const paragraphs = docxParagraphs(docx);
    const text = paragraphs.join('\n');
    for (const s of [
      '2024年度示例考核结果报告',
      '评价方案：示例考核（demo，第2版，已冻结）',
      '结果状态：已发布（2026年11月21日）',
      '一、评价依据',
      '“开展年度考核评价”',
      '地区生产总值增速：《demo-plan》第三章：“地区生产总值年均增长7%左右”',
      '本方案所用权重为系统设定的默认值',
      '方案要素依据',
      '规划处确定\n规划处 张三，2026-11-20：规划未给出权重，暂定',
      '引自文件\n《demo-plan》第三章：“地区生产总值年均增长7%左右”',
      '无依据',
      '二、评价方法',
      `蒙特卡洛随机扰动（随机种子${run.seed}）`,
      '三、评价结果',
      '共评价5个单位，其中4个完成计分',
      '四、结果稳健性',
      '五、各单位评价说明',
      '缺数：地区生产总值增速、园区数量，未计分',
      '一票否决：重大污染事件',
    ])
      assert.ok(text.includes(s), s);
    // Every unit's explanation, in Chinese, under its own heading.
    for (const u of run.units) {
      const at = paragraphs.findIndex((p) => p.endsWith(u.name) && /^（[一二三四五六七八九十]+）/.test(p));
      assert.ok(at >= 0, `heading for ${u.code}`);
      assert.equal(paragraphs[at + 1], u.explanation.zh);
    }
    // The results table: one row per unit with rank, score (2 decimals), grade and the change vs last year.
    const groupName = (u: (typeof run.units)[number]) =>
      u.group === null ? '未分组' : run.groups.find((g) => g.code === u.group)!.name;
    for (const u of run.units.filter((x) => x.status === 'complete')) {
      const row = [u.rank, u.name, groupName(u), u.score!.toFixed(2), u.grade, changeText(u, 'zh')].join('\n');
      assert.ok(text.includes(row), row);
    }
    const moved = run.units.find((u) => (rankChange(u) ?? 0) !== 0)!;
    assert.ok(text.includes(changeText(moved, 'zh')), changeText(moved, 'zh'));
    const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
    assert.match(xml, /w:eastAsia="仿宋_GB2312"/);
    assert.match(xml, /w:pgSz w:w="11906" w:h="16838"/);
  });

  it('names the units whose grade is not robust, or says all are', async () => {
    const text = docxParagraphs(await buildEvaluationDocx(run, 'zh')).join('\n');
    const flagged = run.units.filter((u) => u.sensitivity && !u.sensitivity.robust);
    if (flagged.length === 0) assert.ok(text.includes('全部已计分单位的等级保持稳定'));
    for (const u of flagged) assert.ok(text.includes(`${u.name}：排名区间第${u.sensitivity!.rankLow}～`), u.code);
    // A run with one grade made shaky shows the flag in the text and in the results table's note.
    const shaky = structuredClone(run);
    const a = shaky.units.find((u) => u.code === 'a')!;
    a.sensitivity = {
      ...a.sensitivity!,
      robust: false,
      gradeProbabilities: { 优秀: 0.55, 良好: 0.45, 一般: 0, 较差: 0 },
      modalGrade: '优秀',
    };
    const shakyText = docxParagraphs(await buildEvaluationDocx(shaky, 'zh')).join('\n');
    assert.ok(shakyText.includes('最可能等级“优秀”概率55.0%，其余：良好 45.0%，等级不稳健'));
    assert.ok(shakyText.includes('等级不稳健（最可能等级概率55.0%）'));
  });

  it('writes the English report from the English names and explanations', async () => {
    const text = docxParagraphs(await buildEvaluationDocx(run, 'en')).join('\n');
    for (const s of [
      'Demo evaluation: evaluation report 2024',
      '1. Basis in the plans',
      'configurable defaults',
      'incomplete: no data for GDP growth',
    ])
      assert.ok(text.includes(s), s);
    for (const u of run.units) assert.ok(text.includes(u.explanation.en), u.code);
  });

  it('writes the results, contributions, sensitivity and scheme sheets with numbers as numbers', async () => {
    const wb = await loadXlsx(await buildEvaluationXlsx(run, 'zh'));
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      ['评价结果', '指标贡献', '敏感性分析', '评价方案', '说明'],
    );

    const results = wb.getWorksheet('评价结果')!;
    const h = headers(results);
    const col = (name: string) => h.indexOf(name) + 1;
    assert.equal(results.views[0]!.state, 'frozen');
    assert.equal(results.rowCount, 1 + run.units.length);
    for (let r = 2; r <= results.rowCount; r++) {
      const name = results.getCell(r, col('单位')).value;
      const u = run.units.find((x) => x.name === name)!;
      assert.equal(results.getCell(r, col('排名')).value, u.rank);
      assert.equal(results.getCell(r, col('得分')).value, u.score);
      assert.equal(results.getCell(r, col('等级')).value, u.grade);
      assert.equal(results.getCell(r, col('较上年')).value, rankChange(u));
      assert.equal(results.getCell(r, col('状态')).value, u.status === 'complete' ? '完整' : '缺数');
      if (u.score !== null) assert.equal(results.getCell(r, col('得分')).numFmt, '0.00');
    }
    const eRow = [...Array(results.rowCount).keys()].find((r) => results.getCell(r + 1, col('单位')).value === '戊')! + 1;
    assert.equal(results.getCell(eRow, col('得分')).value, null, 'incomplete: no score, never a zero');
    assert.match(String(results.getCell(eRow, col('备注')).value), /缺数：地区生产总值增速/);

    const contributions = wb.getWorksheet('指标贡献')!;
    const ch = headers(contributions);
    assert.equal(contributions.rowCount, 1 + run.units.length * run.indicators.length);
    const a = run.units.find((u) => u.code === 'a')!;
    const gdpRow = [...Array(contributions.rowCount).keys()]
      .map((r) => r + 1)
      .find((r) => contributions.getCell(r, 1).value === '甲' && contributions.getCell(r, 3).value === '地区生产总值增速')!;
    const gdp = a.contributions.find((c) => c.indicator === 'gdp')!;
    assert.equal(contributions.getCell(gdpRow, ch.indexOf('原始值') + 1).value, Number(gdp.raw));
    assert.equal(contributions.getCell(gdpRow, ch.indexOf('标准化值') + 1).value, gdp.normalised);
    assert.equal(contributions.getCell(gdpRow, ch.indexOf('有效权重') + 1).value, gdp.weight);
    assert.equal(contributions.getCell(gdpRow, ch.indexOf('贡献分') + 1).value, gdp.points);

    const sens = wb.getWorksheet('敏感性分析')!;
    const sh = headers(sens);
    assert.deepEqual(
      sh.filter((x) => String(x).startsWith('P(')),
      run.grades.map((g) => `P(${g.label})`),
    );
    const scored = run.units.filter((u) => u.sensitivity !== null);
    assert.equal(sens.rowCount, 1 + scored.length);
    for (let r = 2; r <= sens.rowCount; r++) {
      const u = run.units.find((x) => x.name === sens.getCell(r, 1).value)!;
      assert.equal(sens.getCell(r, sh.indexOf('排名下限（5%）') + 1).value, u.sensitivity!.rankLow);
      assert.equal(sens.getCell(r, sh.indexOf('排名上限（95%）') + 1).value, u.sensitivity!.rankHigh);
      for (const g of run.grades)
        assert.equal(sens.getCell(r, sh.indexOf(`P(${g.label})`) + 1).value, u.sensitivity!.gradeProbabilities[g.label]);
    }

    const scheme = wb.getWorksheet('评价方案')!;
    assert.deepEqual(headers(scheme), ['代码', '指标', '计量单位', '权重', '方向', '标准化方法']);
    assert.deepEqual(
      run.indicators.map((_, k) => [scheme.getCell(k + 2, 1).value, scheme.getCell(k + 2, 4).value]),
      run.indicators.map((i) => [i.code, i.weight]),
    );
    const all = [...Array(scheme.rowCount).keys()].map((r) => String(scheme.getCell(r + 1, 4).value ?? ''));
    assert.ok(all.includes('地区生产总值年均增长7%左右'), 'plan quote listed');
  });

  it('writes English sheet names and headers for lang en', async () => {
    const wb = await loadXlsx(await buildEvaluationXlsx(run, 'en'));
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      ['Results', 'Contributions', 'Sensitivity', 'Scheme', 'About'],
    );
    assert.ok(headers(wb.getWorksheet('Results')!).includes('Change vs last year'));
    assert.ok(
      [...Array(wb.getWorksheet('Results')!.rowCount).keys()].some(
        (r) => wb.getWorksheet('Results')!.getCell(r + 1, 2).value === 'Jia',
      ),
    );
  });

  it('marks a run resting on a synthetic figure 模拟 in the title, the subtitle and the unit notes of the .docx and .xlsx (issue 16)', async () => {
    const real = docxParagraphs(await buildEvaluationDocx(run, 'zh')).join('\n');
    assert.ok(!real.includes('模拟'), 'a run on real figures is not marked');
    const first = run.units[0]!;
    const sim: RunView = {
      ...run,
      simulated: true,
      units: run.units.map((u) => (u.code === first.code ? { ...u, synthetic: ['gdp'] } : u)),
    };
    const text = docxParagraphs(await buildEvaluationDocx(sim, 'zh')).join('\n');
    assert.ok(text.includes('2024年度示例考核结果报告（模拟）'), 'docx title');
    assert.ok(text.includes('模拟：本次评价有1个单位的数据含系统生成的演示数据'), 'docx subtitle');
    assert.ok(text.includes('模拟：地区生产总值增速为系统生成的演示数据'), 'unit note');
    const wb = await loadXlsx(await buildEvaluationXlsx(sim, 'zh'));
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    assert.ok(
      cells.some((c) => c.includes('结果报告（模拟）')),
      'xlsx about sheet title',
    );
    assert.ok(
      cells.some((c) => c.startsWith('模拟：地区生产总值增速')),
      'xlsx results note',
    );
  });
});

describe('grade history in the evaluation report files (issue 16)', () => {
  const history = fixtureHistory();
  const [y2022, y2023] = history.runs;
  /** A unit's cell as the report must write it: grade, score to 2 decimals, rank of the ranked units of its group. */
  const written = (e: { grade: string | null; score: number | null; rank: number | null }, of: number) =>
    e.grade === null
      ? '未评定（缺数）'
      : `${e.grade}（${[e.score?.toFixed(2), e.rank === null ? undefined : `第${e.rank}/${of}名`].filter(Boolean).join('，')}）`;
  const cell = (code: string, runId: number) => {
    const e = history.units[code]?.[runId];
    return e ? written(e, e.of) : '—';
  };
  const current = (u: RunView['units'][number]) =>
    written(u, run.units.filter((v) => v.group === u.group && v.rank !== null).length);
  /** An empty cell of the .xlsx is the docx's dash. */
  const xlsxCell = (t: string) => (t === '—' ? undefined : t);

  it('the history fixture has a real and a 模拟 year, a unit missing from one year and grades that differ by year', () => {
    assert.deepEqual(
      history.runs.map((r) => [r.year, r.simulated]),
      [
        [2022, false],
        [2023, true],
      ],
    );
    assert.equal(history.units['b']?.[y2023!.runId], undefined);
    assert.ok(run.units.some((u) => cell(u.code, y2023!.runId) !== current(u)));
  });

  it('the .xlsx has a sheet 历年评价等级: one row per unit, one column per year, 模拟 years marked', async () => {
    const wb = await loadXlsx(await buildEvaluationXlsx(run, 'zh', history));
    const sheet = wb.getWorksheet('历年评价等级');
    assert.ok(sheet, 'sheet 历年评价等级');
    assert.deepEqual(headers(sheet), ['单位', '比较组', '2022年', '2023年（模拟）', '2024年（本次）']);
    const rows = new Map<string, unknown[]>();
    for (let r = 2; r <= run.units.length + 1; r++) {
      const row = sheet.getRow(r);
      rows.set(
        String(row.getCell(1).value),
        [3, 4, 5].map((c) => row.getCell(c).value ?? undefined),
      );
    }
    for (const u of run.units)
      assert.deepEqual(
        rows.get(u.name),
        [cell(u.code, y2022!.runId), cell(u.code, y2023!.runId), current(u)].map(xlsxCell),
        u.code,
      );
    const notes: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => notes.push(String(c.value))));
    assert.ok(notes.some((c) => c.startsWith('标注“（模拟）”的年度')));
  });

  it('the .docx shows the same table under 评价结果 with the 模拟 note; without earlier runs it says so', async () => {
    const paragraphs = docxParagraphs(await buildEvaluationDocx(run, 'zh', history));
    const at = paragraphs.findIndex((p) => p.endsWith('历年评价等级'));
    assert.ok(at > paragraphs.indexOf('三、评价结果') && at < paragraphs.indexOf('四、结果稳健性'), 'under 评价结果');
    assert.deepEqual(paragraphs.slice(at + 1, at + 6), ['单位', '比较组', '2022年', '2023年（模拟）', '2024年（本次）']);
    const first = orderedFirst();
    const row = paragraphs.indexOf(first.name, at + 6);
    assert.deepEqual(paragraphs.slice(row + 2, row + 5), [
      cell(first.code, y2022!.runId),
      cell(first.code, y2023!.runId),
      current(first),
    ]);
    assert.ok(paragraphs.some((p) => p.startsWith('标注“（模拟）”的年度')));
    const none = docxParagraphs(await buildEvaluationDocx(run, 'zh', { runs: [], units: {} })).join('\n');
    assert.ok(none.includes('本方案在2024年以前没有已发布的评价结果'));
    assert.ok(!none.includes('（本次）'));
  });

  it('in English the years read "(simulated)" and grades take their English labels', async () => {
    const wb = await loadXlsx(await buildEvaluationXlsx(run, 'en', history));
    const sheet = wb.getWorksheet('Grades across years')!;
    assert.deepEqual(headers(sheet).slice(2), ['2022', '2023 (simulated)', '2024 (this run)']);
    const en = new Set(run.grades.map((g) => g.labelEn));
    const graded = (sheet.getRow(2).values as unknown[]).slice(3).map(String);
    assert.ok(
      graded.some((c) => [...en].some((g) => g && c.startsWith(g))),
      graded.join(' | '),
    );
  });
});

describe('grade history of a scheme with an evaluation cycle (issue 16)', () => {
  it('heads each year 全面评价 or 年度更新', async () => {
    const history = fixtureHistory();
    const cyclic: RunView = {
      ...run,
      cycle: { kind: 'update', fullYear: 2022, fullEvery: 5, fullRunId: 3, schemeVersion: 2 },
    };
    const runs = history.runs.map((r, k) => ({ ...r, kind: k === 0 ? ('full' as const) : ('update' as const) }));
    const wb = await loadXlsx(await buildEvaluationXlsx(cyclic, 'zh', { ...history, runs }));
    assert.deepEqual(headers(wb.getWorksheet('历年评价等级')!).slice(2), [
      '2022年（全面评价）',
      '2023年（年度更新）（模拟）',
      '2024年（本次）（年度更新）',
    ]);
  });
});

/** The first unit of the results table (ungrouped, best rank). */
function orderedFirst() {
  return [...run.units].filter((u) => u.group === null).sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))[0]!;
}
