import type { Executor } from './transaction.ts';

/**
 * Claims one run of a job (e.g. the daily jobs of 2026-12-06) for this instance. Exactly one of
 * several instances gets true for the same (job, runKey): the primary key decides, so a run happens
 * once even when two processes wake at the same moment or one restarts the same day.
 */
export async function claimRun(db: Executor, job: string, runKey: string, instance: string): Promise<boolean> {
  const claimed = await db
    .insertInto('scheduled_run')
    .values({ job, run_key: runKey, claimed_by: instance })
    .onConflict((oc) => oc.columns(['job', 'run_key']).doNothing())
    .returning('job')
    .executeTakeFirst();
  return claimed !== undefined;
}
