import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Database } from '../../db/database.ts';
import type { NewNotification } from '../../repositories/notification.repository.ts';
import type { SubmissionPatch, SubmissionRow } from '../../repositories/submission.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import { SYSTEM_ACTOR, type Actor } from '../actor.ts';
import type { AuditChange } from '../audit.service.ts';
import { monthlyFormContext } from './form-context.fixture.ts';
import { transitionSubmission, type TransitionDeps } from './transition.service.ts';

const ctx = monthlyFormContext({ monthsAfter: 0 });

const unit = { id: 21, code: 'ZN-KM', name: '昆明园区', name_en: 'Kunming', kind: 'zone' };
/** Reviewers 7 and 9 over the unit, reporters 3 and 5 in it. */
const holders = { reviewer: [7, 9], reporter: [3, 5] } as const;

/** In-memory stand-ins: one stored submission; what was written, audited and sent is kept for the asserts. */
function fakes(status: string, version = 1, missing: string[] = []) {
  const row = { id: 30, status, version, first_submitted_at: null, explanations: {} } as unknown as SubmissionRow;
  const patches: SubmissionPatch[] = [];
  const figureStatus: string[] = [];
  const audit: AuditChange[] = [];
  const sent: NewNotification[] = [];
  const deps: TransitionDeps = {
    loadFormContext: async () => ctx,
    resolveReportingUnit: async () => unit,
    ensureSubmission: async () => row,
    evaluateSubmission: async () =>
      ({ evaluation: { findings: [] }, missing }) as unknown as Awaited<ReturnType<TransitionDeps['evaluateSubmission']>>,
    updateSubmission: async (_db, _id, _v, patch) => {
      patches.push(patch);
      return undefined;
    },
    setReportedStatus: async (_db, _unit, _period, _items, to) => {
      figureStatus.push(to);
    },
    findUserById: async () => undefined,
    recipientFinder: async () => (q) => q.roles.flatMap((r) => holders[r as keyof typeof holders] ?? []),
    insertNotifications: async (_db, rows) => {
      sent.push(...rows);
      return rows.map((_, i) => i + 1);
    },
    recordAudit: async (_db, _actor, change) => {
      audit.push(change);
    },
    readEntrySheet: async () => ({}) as Awaited<ReturnType<TransitionDeps['readEntrySheet']>>,
  };
  return { deps, patches, figureStatus, audit, sent };
}

const trx = {} as Executor;
const database = { db: { transaction: () => ({ execute: (fn: (t: Executor) => unknown) => fn(trx) }) } } as unknown as Database;
const as = (userId: number): Actor => ({ ...SYSTEM_ACTOR, userId, label: `user ${userId}`, via: 'session' });
/** The June 2024 sheet of form F1 and unit ZN-KM, moved by user `by` over the fakes `f`. */
const transitionOfJune = (
  by: number,
  transition: Parameters<typeof transitionSubmission>[5],
  body: Parameters<typeof transitionSubmission>[6],
  f: { deps: TransitionDeps },
) => transitionSubmission(database, as(by), 'F1', 'ZN-KM', '2024-06', transition, body, f.deps);

describe('transitionSubmission (approval workflow)', () => {
  it('submits a complete draft: status, figures, audit and the reviewers told (never the actor)', async () => {
    const f = fakes('draft');
    await transitionOfJune(7, 'submit', { version: 1 }, f);
    assert.equal(f.patches[0]?.status, 'submitted');
    assert.equal(f.patches[0]?.form_version, 2);
    assert.equal(f.patches[0]?.submitted_by, 7);
    assert.deepEqual(f.figureStatus, ['submitted']);
    assert.deepEqual(
      f.sent.map((n) => n.userId),
      [9],
    );
    assert.deepEqual(f.audit, [
      {
        action: 'submit',
        entity: 'report_submission',
        entityKey: 'F1/ZN-KM/2024-06',
        before: { status: 'draft', version: 1 },
        after: { status: 'submitted', notified: 1 },
      },
    ]);
  });

  it('refuses to submit with a required figure missing, writing nothing', async () => {
    const f = fakes('draft', 1, ['REVENUE']);
    await assert.rejects(transitionOfJune(3, 'submit', { version: 1 }, f), {
      code: 'SUBMISSION_INVALID',
    });
    assert.deepEqual([f.patches, f.audit, f.sent], [[], [], []]);
  });

  it('moves only along the workflow: a draft cannot be approved, an approved sheet cannot be submitted', async () => {
    for (const [status, transition] of [
      ['draft', 'approve'],
      ['approved', 'submit'],
      ['submitted', 'reopen'],
      ['returned', 'return'],
    ] as const) {
      const f = fakes(status);
      await assert.rejects(
        transitionOfJune(9, transition, { version: 1, comment: 'x' }, f),
        { code: 'INVALID_TRANSITION' },
        `${transition} from ${status}`,
      );
      assert.deepEqual(f.patches, []);
    }
  });

  it('requires a comment to return a sheet', async () => {
    const f = fakes('submitted');
    await assert.rejects(transitionOfJune(9, 'return', { version: 1, comment: '  ' }, f), { code: 'COMMENT_REQUIRED' });
    assert.deepEqual(f.patches, []);
  });

  it('refuses a stale screen (version conflict), writing nothing', async () => {
    const f = fakes('submitted', 5);
    await assert.rejects(transitionOfJune(9, 'approve', { version: 4 }, f), {
      code: 'VERSION_CONFLICT',
    });
    assert.deepEqual([f.patches, f.audit, f.sent], [[], [], []]);
  });

  it('returns with the trimmed comment stored, audited and sent to the reporters', async () => {
    const f = fakes('submitted', 2);
    await transitionOfJune(9, 'return', { version: 2, comment: ' 收入偏低 ' }, f);
    assert.equal(f.patches[0]?.review_comment, '收入偏低');
    assert.equal(f.patches[0]?.reviewed_by, 9);
    assert.deepEqual(f.figureStatus, ['returned']);
    assert.deepEqual(
      f.sent.map((n) => n.userId),
      [3, 5],
    );
    assert.deepEqual(f.audit[0]?.after, { status: 'returned', comment: '收入偏低', notified: 2 });
  });

  it('returns with comments at cells alone: kept as written, the overall comment names the indicator (issue 18)', async () => {
    const f = fakes('submitted', 2);
    await transitionOfJune(9, 'return', { version: 2, comment: '', cellComments: { REVENUE: '与台账不符， 请核实' } }, f);
    assert.deepEqual(f.patches[0]?.review_cell_comments, { REVENUE: '与台账不符， 请核实' });
    assert.equal(f.patches[0]?.review_comment, '营业收入：与台账不符， 请核实');
    assert.deepEqual(f.audit[0]?.after, {
      status: 'returned',
      comment: '营业收入：与台账不符， 请核实',
      cellComments: { REVENUE: '与台账不符， 请核实' },
      notified: 2,
    });
    assert.match(f.sent[0]!.body.zh, /与台账不符， 请核实/);
  });

  it('refuses comments at indicators not on the form, and comments at cells with an approval, writing nothing', async () => {
    const f = fakes('submitted', 2);
    await assert.rejects(transitionOfJune(9, 'return', { version: 2, comment: '核实', cellComments: { GDP: '核实' } }, f), {
      code: 'NOT_ON_FORM',
    });
    await assert.rejects(transitionOfJune(9, 'approve', { version: 2, cellComments: { REVENUE: '好' } }, f), {
      code: 'INVALID_REQUEST',
    });
    assert.deepEqual([f.patches, f.audit, f.sent], [[], [], []]);
  });

  it('clears the comments at cells when the sheet is submitted again or approved', async () => {
    const f = fakes('returned', 4);
    await transitionOfJune(3, 'submit', { version: 4 }, f);
    assert.deepEqual(f.patches[0]?.review_cell_comments, {});
    const g = fakes('submitted', 5);
    await transitionOfJune(9, 'approve', { version: 5 }, g);
    assert.deepEqual(g.patches[0]?.review_cell_comments, {});
  });

  it('approves without a comment and tells the reporters', async () => {
    const f = fakes('submitted', 3);
    await transitionOfJune(9, 'approve', { version: 3 }, f);
    assert.deepEqual([f.patches[0]?.status, f.patches[0]?.review_comment], ['approved', undefined]);
    assert.deepEqual(f.figureStatus, ['approved']);
    assert.equal(f.sent.length, 2);
  });

  it('recomputes the progress tables after an approval or a reopening commits, not after a submission', async () => {
    const refreshed: string[] = [];
    for (const [status, version, transition] of [
      ['draft', 1, 'submit'],
      ['submitted', 3, 'approve'],
      ['approved', 4, 'reopen'],
    ] as const) {
      const f = fakes(status, version);
      f.deps.refreshProgress = async () => refreshed.push(transition);
      await transitionOfJune(9, transition, { version, comment: '更正' }, f);
    }
    assert.deepEqual(refreshed, ['approve', 'reopen']);
  });
});
