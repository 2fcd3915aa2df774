import type { Database } from '../db/database.ts';
import { DATASET_DIR } from '../dataset/dataset-path.ts';
import { loadPublishedFigures } from '../dataset/load-published-figures.ts';
import { formatDefinitionError } from '../domain/plan-definition/definition-error.ts';
import { approvedValue, upsertDataValues } from '../repositories/data-value.repository.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { citationSchema } from '../domain/published/published-figure.schema.ts';
import type { PublishedFigureView } from '../presenters/progress.presenter.ts';
import {
  deletePublishedValues,
  indicatorUnits,
  orgUnitIds,
  publishedValues,
} from '../repositories/published-figure.repository.ts';

/**
 * Loads dataset/published/figures.yaml as data values of origin `published`, approved, each with its
 * citation, replacing the published figures already stored (the file is their only source). Checked
 * against the database's catalogue, so a figure for an indicator or unit that is not there fails the
 * start with the file, field and reason rather than vanishing. Returns how many figures were stored.
 */
export async function syncPublishedFigures(database: Database, dir: string = DATASET_DIR): Promise<number> {
  const units = await indicatorUnits(database.db);
  const unitIds = await orgUnitIds(database.db);
  const loaded = await loadPublishedFigures(dir, {
    indicatorUnits: new Map([...units].map(([code, u]) => [code, u.unit])),
    orgUnits: new Set(unitIds.keys()),
  });
  if (loaded.errors.length > 0)
    throw new Error(`published figures are invalid:\n${loaded.errors.map(formatDefinitionError).join('\n')}`);
  await database.db.transaction().execute(async (trx) => {
    await deletePublishedValues(trx);
    await upsertDataValues(
      trx,
      loaded.figures.map((f) =>
        approvedValue({ orgUnit: unitIds.get(f.orgUnit)!, indicator: units.get(f.indicator)!.id }, f, 'published', {
          quote: f.citation.quote,
          citation: JSON.stringify(f.citation),
        }),
      ),
    );
  });
  return loaded.figures.length;
}

/** The published figures of some units and indicators up to a date, with their citations, oldest first. */
export async function publishedFiguresOf(
  db: Kysely<DB>,
  unitIds: readonly number[],
  indicatorCodes: readonly string[],
  until: string,
): Promise<PublishedFigureView[]> {
  const rows = await publishedValues(db, unitIds, indicatorCodes, until);
  return rows.map((r) => ({
    orgUnit: r.unit_code,
    orgUnitName: r.unit_name,
    indicator: r.indicator_code,
    indicatorName: r.indicator_name,
    period: r.period,
    cumulative: r.cumulative,
    value: String(r.value),
    unit: r.unit,
    // Written by syncPublishedFigures from the validated file; parsed again so a hand-edited row fails loudly.
    citation: citationSchema.parse(r.citation),
  }));
}
