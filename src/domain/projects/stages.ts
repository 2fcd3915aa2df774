/**
 * A project's life: 策划 → 包装 → 储备 (the three 作战图 of the parks plan) → 签约 → 开工 → 投产.
 * Codes are English and stable; labels are what the UI and the errors show.
 */
export const STAGES = ['planning', 'packaging', 'reserve', 'signed', 'construction', 'production'] as const;
export type Stage = (typeof STAGES)[number];

/** The three battle maps (三张作战图): projects being planned, packaged and held in reserve. */
export const BOARD_STAGES = ['planning', 'packaging', 'reserve'] as const satisfies readonly Stage[];

export const STAGE_LABELS: Readonly<Record<Stage, { zh: string; en: string }>> = {
  planning: { zh: '策划', en: 'Planning' },
  packaging: { zh: '包装', en: 'Packaging' },
  reserve: { zh: '储备', en: 'Reserve' },
  signed: { zh: '签约', en: 'Signed' },
  construction: { zh: '开工', en: 'Under construction' },
  production: { zh: '投产', en: 'In production' },
};

export const stageIndex = (s: Stage): number => STAGES.indexOf(s);

export function isStage(s: string): s is Stage {
  return (STAGES as readonly string[]).includes(s);
}

/** The stage after this one, or null at 投产. */
export function nextStage(s: Stage): Stage | null {
  return STAGES[stageIndex(s) + 1] ?? null;
}
