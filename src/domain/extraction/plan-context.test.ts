import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOrgUnitMatcher } from './org-unit-matcher.ts';
import { citesOtherDocument, inferPlanContext } from './plan-context.ts';

const orgs = createOrgUnitMatcher({
  orgUnits: [
    { code: 'YN', name: '云南省', kind: 'province', synonyms: [] },
    { code: 'ZN-BONDED', name: '昆明综合保税区', kind: 'bonded_zone', synonyms: [] },
  ],
  groups: [],
});

describe('inferPlanContext', () => {
  it('reads a report of an issued plan that says what the plan says as a news report, not the notice issuing it', () => {
    const report =
      '示范市政府正式发布经市人大批准的《示范市国民经济和社会发展第十四个五年规划纲要》。《纲要》明确,到2035年全市GDP达2万亿元。';
    assert.equal(inferPlanContext(report, orgs).newsReport, true);
    const notice =
      '关于印发《示范市产业发展规划》的通知\n现将《示范市产业发展规划》印发给你们。《规划》提出,到2025年产值达1000亿元。';
    assert.equal(inferPlanContext(notice, orgs).newsReport, undefined);
  });
  it('reads a page opening with a news photo’s caption or credit as a news report (issue 17, seventh pass)', () => {
    const captioned = '▲资料图,图/示范晚报网。\n示范市人代会审查规划纲要草案。按照部署,到2035年基本实现现代化。';
    assert.equal(inferPlanContext(captioned, orgs).newsReport, true);
    const plan = '示范市“十四五”规划纲要\n图1 示范市空间结构示意\n到2025年,地区生产总值达到500亿元。';
    assert.equal(inferPlanContext(plan, orgs).newsReport, undefined);
  });
  it('takes the year from which goals can be set from the date the text opens with', () => {
    assert.equal(inferPlanContext('2025年1月3日,示范经开区工委会议召开。', orgs).goalsFrom, 2025);
    assert.equal(inferPlanContext('示范网 2020-12-24 08:17:00\n“十三五”期间…', orgs).goalsFrom, 2021);
    assert.equal(inferPlanContext('3月4日,示范经开区会议召开。', orgs).goalsFrom, undefined);
  });
  it('marks a report of its own period’s results, not a plan that reviews the period before it (issue 17)', () => {
    const review = '示范市新闻办举行发布会,全面展示示范县“十四五”期间经济社会发展成就。五年来,地区生产总值年均增长6%。';
    assert.equal(inferPlanContext(review, orgs).reviewUntil, 2025);
    const completing = '示范网讯 12月9日,示范市高质量完成“十四五”规划系列新闻发布会第六场举行。';
    assert.equal(inferPlanContext(completing, orgs).reviewUntil, 2025);
    const plan = '示范县“十四五”规划纲要\n总结“十三五”发展成就,到2025年,地区生产总值达到300亿元。';
    assert.equal(inferPlanContext(plan, orgs).reviewUntil, undefined);
  });
  it('reads the title, the period and the subject from the plan’s description of itself', () => {
    const ctx = inferPlanContext(
      '前言\n《昆明综合保税区产业发展“十四五”规划》针对…。《规划》期为2021年至2025年。云南省支持。',
      orgs,
    );
    assert.equal(ctx.title, '昆明综合保税区产业发展“十四五”规划');
    assert.deepEqual([ctx.periodStart, ctx.periodEnd], [2021, 2025]);
    assert.equal(ctx.subject?.code, 'ZN-BONDED');
  });
  it('falls back to the 十四五 the text names and to the unit it names most', () => {
    const ctx = inferPlanContext('“十四五”时期,云南省加快发展。云南省推进改革。', orgs);
    assert.deepEqual([ctx.periodStart, ctx.periodEnd], [2021, 2025]);
    assert.equal(ctx.subject?.code, 'YN');
  });
  it('reads the formal 第十四个五年规划 of a title as 十四五, not the 十三五 its review names', () => {
    const ctx = inferPlanContext(
      '某某区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n“十三五”时期,全区经济社会发展取得显著成就。“十三五”期间,地区生产总值年均增长7.5%。',
      orgs,
    );
    assert.deepEqual([ctx.periodStart, ctx.periodEnd], [2021, 2025]);
    const proposal = inferPlanContext(
      '中共某某市委关于制定某某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议\n1.“十三五”发展取得的巨大成就。',
      orgs,
    );
    assert.deepEqual([proposal.periodStart, proposal.periodEnd], [2021, 2025]);
  });
  it('takes the first five-year period a title line names when later text is run into it', () => {
    const ctx = inferPlanContext('某某区国民经济和社会发展第十四个五年规划纲要“十三五”时期,全区经济发展取得显著成就。', orgs);
    assert.deepEqual([ctx.periodStart, ctx.periodEnd], [2021, 2025]);
  });
  it('takes a news report’s plan as its own: the title and period of the plan it reports, and its short name', () => {
    const ctx = inferPlanContext(
      '记者获悉,云南省出台《数字经济发展三年行动计划(2020-2022年)》(简称《行动计划》),提出到2022年…。《行动计划》提出,…',
      orgs,
    );
    assert.equal(ctx.title, '数字经济发展三年行动计划(2020-2022年)');
    assert.deepEqual([ctx.periodStart, ctx.periodEnd], [2020, 2022]);
    assert.equal(ctx.alias, '行动计划');
    const dashed = inferPlanContext('会议发布了《“数字福州”建设三年行动计划(2018—2020年)》,勾勒出蓝图。', orgs);
    assert.deepEqual([dashed.periodStart, dashed.periodEnd], [2018, 2020]);
  });
  it('does not take the next period a report prepares (谋篇“十五五”) for its own', () => {
    const ctx = inferPlanContext('2025年是收官“十四五”、谋篇“十五五”的关键一年,为“十五五”良好开局奠定基础。', orgs);
    assert.deepEqual([ctx.periodStart, ctx.periodEnd], [2021, 2025]);
  });
  it('does not take an annual document quoting its year’s 政府工作报告 for quoting another plan', () => {
    const p = '确保2023年市《政府工作报告》中提出的各项工作任务有力有序有效推进。';
    assert.equal(citesOtherDocument(p, { annual: true, periodStart: 2023, periodEnd: 2023 }), false);
    assert.equal(citesOtherDocument(p, {}), true);
    assert.equal(citesOtherDocument('《云南省“十四五”规划》提出,到2025年…', { annual: true }), true);
  });
});
