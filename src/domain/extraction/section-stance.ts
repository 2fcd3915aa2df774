import type { SectionHeading } from './section-tree.ts';

/** Sections that report what happened (发展基础, 建设成效, 2023年计划执行情况) or study others (南宁…启示, 政策汇总). */
const BACKGROUND_HEADING =
  /基础|成效|成就|现状|回顾|形势|环境|机遇|挑战|启示|借鉴|经验|案例|SWOT|分析|政策汇总|简介|概况|条件|优势|瓶颈|问题|意义|背景|执行情况|完成情况/;
const GOAL_HEADING = /目标|指标|任务|展望/;
/** Appendices that study or compile (中老铁路沿线产业研究, 政策汇总) rather than plan. */
const BACKGROUND_APPENDIX = /研究|分析|启示|汇总|借鉴|案例|说明|解读/;

function isBackground(h: { title: string; kind: string }): boolean {
  return BACKGROUND_HEADING.test(h.title) || (h.kind === 'appendix' && BACKGROUND_APPENDIX.test(h.title));
}

export interface SectionStance {
  /** Under a heading that sets goals (发展目标, 主要任务). */
  goal: boolean;
  /** Under a heading that reports or studies (发展基础, or a study appendix). */
  background: boolean;
  /** In an appendix that studies others or compiles policies (…研究, …启示, 政策汇总): it sets no goals of this plan. */
  study: boolean;
}

/** What the headings above a sentence make of it: the innermost heading that says either decides. */
export function sectionStance(path: readonly Pick<SectionHeading, 'title' | 'kind'>[]): SectionStance {
  // 发展目标 under a misplaced 发展基础 is a goal.
  const decisive = [...path].reverse().find((h) => GOAL_HEADING.test(h.title) || isBackground(h));
  const study = path.some((h) => h.kind === 'appendix' && BACKGROUND_APPENDIX.test(h.title));
  const goal = !study && decisive !== undefined && GOAL_HEADING.test(decisive.title);
  const background = study || (decisive !== undefined && !goal);
  return { goal, background, study };
}
