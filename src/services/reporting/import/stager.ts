import { insertStaged, STAGING_COPY, stagingFields, type StagedValue } from '../../../repositories/import-staging.repository.ts';
import type { Executor } from '../../../repositories/transaction.ts';
import { copyField, type CopyTarget } from './bulk-transaction.ts';

const STAGE_BATCH = 5000;

/**
 * Buffers staged rows and writes them in batches: COPY on PostgreSQL, multi-row INSERT on PGlite.
 * For COPY each row becomes its text line at once, so a batch is one compact string rather than
 * thousands of objects (that is what keeps a 100 MB upload's memory flat).
 */
export function stager(db: Executor, copy: CopyTarget | null) {
  let lines: string[] = [];
  let values: StagedValue[] = [];
  const flush = async () => {
    if (copy && lines.length) {
      const chunk = lines.join('');
      lines = [];
      // One chunk per batch: a CopyData message per row would cost more than the row itself.
      await copy.copy(STAGING_COPY, [chunk]);
    } else if (values.length) {
      const batch = values;
      values = [];
      await insertStaged(db, batch);
    }
  };
  return {
    async add(v: StagedValue) {
      if (copy) lines.push(`${stagingFields(v).map(copyField).join('\t')}\n`);
      else values.push(v);
      if (lines.length + values.length >= STAGE_BATCH) await flush();
    },
    flush,
  };
}
