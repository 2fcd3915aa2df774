/**
 * Shapes of GET /api/v1/industry-map and GET /api/v1/zones/:code/profile, inferred from the server's
 * presenters (src/presenters/industry-map.presenter.ts).
 */
import type { z } from 'zod';
import type { chainOutSchema } from '../../../src/presenters/industry-map.presenter.ts';

export type {
  IndustryMap,
  MapZone,
  ZoneEvaluation,
  ZoneProfile,
  ZoneProject,
  ZoneTarget,
  ZoneTask,
} from '../../../src/presenters/industry-map.presenter.ts';
export type ChainOut = z.infer<typeof chainOutSchema>;
