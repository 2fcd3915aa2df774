import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOrgUnitMatcher } from './org-unit-matcher.ts';
import { findInlineResponsibilities, findResponsibilities, findTiming, parseResponsibleUnits } from './task-patterns.ts';

const orgs = createOrgUnitMatcher({
  orgUnits: [
    { code: 'YN', name: '云南省', kind: 'province', synonyms: [] },
    { code: 'YN-HH', name: '红河哈尼族彝族自治州', kind: 'prefecture', synonyms: [] },
    { code: 'YN-BS', name: '保山市', kind: 'prefecture', synonyms: [] },
    { code: 'FGW', name: '省发展改革委', kind: 'department', synonyms: [] },
    { code: 'SWT', name: '省商务厅', kind: 'department', synonyms: [] },
    { code: 'GXT', name: '省工业和信息化厅', kind: 'department', synonyms: [] },
    { code: 'TJJ', name: '省统计局', kind: 'department', synonyms: [] },
    { code: 'KMHG', name: '昆明海关', kind: 'department', synonyms: [] },
  ],
  groups: [],
});
const codes = (units: { code?: string; name: string }[]) => units.map((u) => u.code ?? u.name);

describe('parseResponsibleUnits', () => {
  it('splits 牵头 and 按照职责分工负责 units, carrying the 省 prefix over', () => {
    const r = parseResponsibleUnits('省发展改革委牵头;省商务厅、工业和信息化厅,昆明海关等按照职责分工负责', orgs)!;
    assert.deepEqual(codes(r.lead), ['FGW']);
    assert.deepEqual(codes(r.co), ['SWT', 'GXT', 'KMHG']);
  });
  it('makes every unit a lead when none leads, expands 州、市 lists and keeps unknown units by name', () => {
    const r = parseResponsibleUnits('保山、红河等州、市人民政府,省泛珠办等按照职责分工负责', orgs)!;
    assert.deepEqual(codes(r.lead), ['YN-BS', 'YN-HH', '省泛珠办']);
    assert.deepEqual(r.co, []);
    assert.deepEqual(codes(parseResponsibleUnits('省商务厅牵头,省发展改革委配合', orgs)!.co), ['FGW']);
  });
});

describe('findResponsibilities', () => {
  it('returns each clause with the measure it closes', () => {
    const p = '打造旅游产业集群。加强规划衔接。(省商务厅牵头;省发展改革委等按照职责分工负责)推进口岸建设。(昆明海关负责)';
    const r = findResponsibilities(p, orgs);
    assert.deepEqual(
      r.map((x) => [x.text, codes(x.lead), codes(x.co)]),
      [
        ['打造旅游产业集群。加强规划衔接。', ['SWT'], ['FGW']],
        ['推进口岸建设。', ['KMHG'], []],
      ],
    );
    assert.deepEqual(findResponsibilities('有效整合我省及周边省(区、市)的旅游资源。', orgs), []);
  });
});

describe('findInlineResponsibilities', () => {
  it('finds owners that open a clause, and helpers', () => {
    const s =
      '工业和信息化部门负责产业园区日常管理;商务部门牵头负责经济技术开发区的管理,在昆明海关职责职能配合下开展海关特殊监管区域的管理;统计部门协同工业和信息化部门抓好统计监测工作。';
    assert.deepEqual(
      findInlineResponsibilities(s, orgs).map((r) => [codes(r.lead), codes(r.co)]),
      [
        [['GXT'], []],
        [['SWT'], ['KMHG']],
        [['TJJ'], ['GXT']],
      ],
    );
    assert.deepEqual(findInlineResponsibilities('建立由省政府牵头的跨部门协调推进工作机制。', orgs), []);
  });
});

describe('findTiming', () => {
  it('finds deadlines and recurrences, not the plan describing its period', () => {
    assert.deepEqual(findTiming('到2022年,全面完成改革试点任务。', 2021), { deadline: '2022', at: 0 });
    assert.equal(findTiming('2016年12月31日前,完成省级项目联合预验。')?.deadline, '2016-12-31');
    assert.equal(findTiming('每季度召开一次较大型的主题推介活动。')?.recurrence, '每季度');
    assert.equal(findTiming('规划期为2021—2025年,展望到2035年。', 2021), null);
    assert.equal(findTiming('到2020年,已经完成。', 2021), null);
  });
});

describe('findResponsibilities with 〔〕 and a leading 责任单位 (issue 17)', () => {
  it('reads 〔责任单位:…按职责分工负责。remarks〕 and a clause that opens with 责任单位', () => {
    const p =
      '实施市场准入负面清单制度。〔责任单位:省市场监管局、商务厅按职责分工负责。具体任务均涉及相关市(州)人民政府,下同。〕持续实施“歇业登记”等新制度。〔责任单位:省市场监管局〕';
    assert.deepEqual(
      findResponsibilities(p, orgs).map((r) => r.lead.map((u) => u.code ?? u.name)),
      [['省市场监管局', 'SWT'], ['省市场监管局']],
    );
  });
});

describe('labelled and explanatory brackets, notices of a 分工方案 (issue 17)', () => {
  it('splits 牵头单位:A 责任单位:B run together once the spaces are dropped, leaving vague units out', () => {
    assert.deepEqual(parseResponsibleUnits('牵头单位:市商务局责任单位:市编办、市发改委、各区县政府', orgs), {
      lead: [{ name: '市商务局', mention: '市商务局' }],
      co: [
        { name: '市编办', mention: '市编办' },
        { name: '市发改委', mention: '市发改委' },
      ],
    });
  });
  it('takes a bracket that explains the roles (无牵头单位的,责任单位即为牵头单位,下同) for no clause', () => {
    const p = '各责任单位要谋划所承办的责任事项,特别是牵头单位(无牵头单位的,责任单位即为牵头单位,下同)要统筹制订办理方案。';
    assert.deepEqual(findResponsibilities(p, orgs), []);
  });
  it('reads a full date with 前 as a deadline whatever the verb, and 每个季度…报市政府 as a recurrence', () => {
    assert.equal(findTiming('各牵头单位于2023年2月10日前将制订的办理方案报市人民政府督查室。', 2023)?.deadline, '2023-02-10');
    assert.equal(
      findTiming('从2023年第二季度起,各牵头单位要在每个季度第1个月的20日前,将完成情况报市人民政府督查室。', 2023)?.recurrence,
      '每季度',
    );
  });
  it('finds an office (…室, …办) that opens a sentence with 定期组织开展 or 要加大督查', () => {
    const found = findInlineResponsibilities('市人民政府督查室定期组织开展专项和暗访督查,对落实不力的予以通报。', orgs);
    assert.deepEqual(
      found.map((f) => codes(f.lead)),
      [['市人民政府督查室']],
    );
    assert.deepEqual(
      findInlineResponsibilities('市政府督考办要加大督查考核力度,及时跟进。', orgs).map((f) => codes(f.lead)),
      [['市政府督考办']],
    );
  });
});

describe('findInlineResponsibilities: an office that follows the work up (issue 17, sixth pass)', () => {
  it('makes an office opening a clause with 将/要 the owner, but not a place', () => {
    assert.deepEqual(
      findInlineResponsibilities('示范市政府办公室将加强日常跟踪督办,定期通报结果。', orgs).map((f) => codes(f.lead)),
      [['示范市政府办公室']],
    );
    assert.deepEqual(
      findInlineResponsibilities('示范区绩效考评机构要将重点目标任务纳入绩效管理考核范围。', orgs).map((f) => codes(f.lead)),
      [['示范区绩效考评机构']],
    );
    assert.deepEqual(findInlineResponsibilities('示范市将深入挖掘消费潜力,支持老旧汽车更新消费。', orgs), []);
  });
});

describe('findInlineResponsibilities: the department that monitors a plan (issue 17, seventh pass)', () => {
  it('makes a department that is to coordinate or monitor the plan the owner, but not one with any other measure', () => {
    assert.deepEqual(
      findInlineResponsibilities('县发改局要发挥统筹协调作用,加强对计划执行情况的跟踪,按季度报县政府。', orgs).map((f) =>
        codes(f.lead),
      ),
      [['县发改局']],
    );
    assert.deepEqual(
      findInlineResponsibilities('示范市统计局要加强对主要指标的监测。', orgs).map((f) => codes(f.lead)),
      [['示范市统计局']],
    );
    assert.deepEqual(findInlineResponsibilities('示范市商务局将加快推进开放平台建设。', orgs), []);
  });
});

describe('timing of the ninth pass (issue 17)', () => {
  it('reads no deadline in a goal a text describes (提出了到2035年基本实现社会主义现代化的远景目标)', () => {
    assert.equal(findTiming('全会通过了《建议》,提出了到2035年基本实现社会主义现代化的远景目标,明确了主要目标'), null);
    assert.equal(findTiming('到2035年基本实现社会主义现代化,建成示范区')?.deadline, '2035');
  });
});
