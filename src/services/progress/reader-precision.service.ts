import type { Database } from '../../db/database.ts';
import { indicatorPrecision } from '../../domain/format/indicator-precision.ts';
import { writtenTargetFigures } from '../../repositories/target.repository.ts';
import type { Actor } from '../actor.ts';
import { readScope } from '../read-scope.ts';

/**
 * Each indicator's decimals over every target the reader sees: the same rule and the same targets
 * as the web pages read through GET /targets (web/src/monitor/indicatorDecimals.ts), so the homes and
 * the reports show a figure as the monitoring pages do (issue 19, "decimals follow the indicator's
 * precision").
 */
export async function readerPrecision(database: Database, actor: Actor): Promise<Map<string, number>> {
  return indicatorPrecision(await writtenTargetFigures(database.db, await readScope(database.db, actor)));
}
