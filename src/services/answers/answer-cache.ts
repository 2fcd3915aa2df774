import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { answerStamp, type AnswerStamp } from '../../repositories/answer-stamp.repository.ts';
import type { Actor } from '../actor.ts';
import { todayIso } from '../reporting/form-context.ts';

/**
 * Judged answers to dashboard questions (the role homes, a plan's progress, a target's detail, the
 * comparison and the map), kept until anything they could depend on may have changed. Judging is
 * the cost of these reads, not reading figures (issue 22: at 1 M figures the analytics rows take
 * a fraction of the answer, the per-request catalogue, freshness and judgement the rest), and a
 * dashboard is opened far more often than figures change (issue 19: homes within 2 s).
 *
 * An answer is reused only while all of these hold, each read before it was computed:
 * - no request that may write (anything but GET, HEAD and OPTIONS; signing in and out and the
 *   read-only evaluation preview aside) has succeeded in this process since (`answersChanged()`,
 *   called by the app after each such response);
 * - the audit log's newest entry is the same. Writes of the CLI, another instance or a scheduled job
 *   are audited, and entries are appended under one lock in commit order, so a write committed after
 *   the stamp was read always moves it;
 * - no figure change is queued for the yearly or analytics table, and neither table has changed
 *   (the figures' generation, migration 0700): an approved figure corrected by SQL is queued by
 *   data_value's triggers, so it is in the next answer, as it was before answers were kept;
 * - the day is the same (the as-of period a home opens on and staleness are judged against today);
 * - it is younger than MAX_AGE_MS (writes seen by none of the above, such as a target edited by SQL:
 *   at worst a minute late). An answer past that age whose stamp is unchanged is still given while it
 *   is judged again in the background, once, and replaced when that judgement is done: the age guards
 *   only against such unseen writes, and twenty readers arriving just after it passed all waited for a
 *   judgement (issue 22: p95 923 ms against a p50 of 61 ms at 1 M figures).
 * Answers are per reader's grants (scope), so two readers of one scope share one, and readers who
 * ask while an answer is being judged wait for that one judgement instead of starting their own.
 */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 256;

interface Entry {
  stamp: string;
  at: number;
  value: Promise<unknown>;
  /** Being judged again in the background (it is past MAX_AGE_MS, nothing else changed). */
  refreshing?: boolean;
}

class AnswerCache {
  private generation = 0;
  private readonly entries = new Map<string, Entry>();

  changed(): void {
    this.generation++;
    this.entries.clear();
  }

  async get<T>(database: Database, key: string, compute: () => Promise<T>, readAhead?: Promise<AnswerStamp>): Promise<T> {
    const now = await (readAhead ?? answerStamp(database.db));
    const stamp = `${this.generation}/${now.stamp}/${todayIso()}`;
    const hit = this.entries.get(key);
    if (!now.queued && hit && hit.stamp === stamp) {
      if (Date.now() - hit.at >= MAX_AGE_MS) this.refresh(key, hit, compute);
      return hit.value as Promise<T>;
    }
    const value = compute();
    this.keep(key, { stamp, at: Date.now(), value });
    return value;
  }

  private keep(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    // A failed answer is not kept (the next request tries again).
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
  }

  /** Judges an aged answer again; it replaces the old one only if nothing else has since. */
  private refresh(key: string, old: Entry, compute: () => Promise<unknown>): void {
    if (old.refreshing) return;
    old.refreshing = true;
    compute().then(
      (answer) => {
        if (this.entries.get(key) === old) this.keep(key, { stamp: old.stamp, at: Date.now(), value: Promise.resolve(answer) });
      },
      () => {
        old.refreshing = false; // kept as it was; the next reader tries again
      },
    );
  }
}

const caches = new WeakMap<Database, AnswerCache>();

function cacheOf(database: Database): AnswerCache {
  let c = caches.get(database);
  if (!c) caches.set(database, (c = new AnswerCache()));
  return c;
}

/**
 * The answer to a question (its kind and parameters, e.g. `progress:plan:2025:official`) for this
 * reader: reused while nothing it depends on may have changed (see above); `stamp` when it was read
 * ahead (stampAhead).
 */
export function cachedAnswer<T>(
  database: Database,
  question: string,
  actor: Actor,
  compute: () => Promise<T>,
  stamp?: Promise<AnswerStamp>,
): Promise<T> {
  return cacheOf(database).get(database, `${question}|${JSON.stringify(actor.grants)}`, compute, stamp);
}

/**
 * The stamp read now, for an answer asked for a moment later (a route starts it while its caller is
 * authenticated: two round trips at once instead of one after the other). Reading it earlier than the
 * judgement is safe: a write in between moves the stamp, and the next reader judges afresh.
 */
export function stampAhead(database: Database): Promise<AnswerStamp> {
  const stamp = answerStamp(database.db);
  stamp.catch(() => undefined); // a refused caller never awaits it; the route that does sees the error
  return stamp;
}

/** A short stand-in for a question's body (a draft scheme can be tens of kilobytes) in its key. */
export function bodyDigest(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('base64url');
}

/** POSTs that only read: answering them changes nothing a dashboard shows. */
const READ_ONLY_POSTS = /^\/api\/v1\/(auth\/(login|logout)|evaluation\/preview)(\?|$)/;

/** Whether a request's success may have changed what a dashboard shows. */
export function mayWrite(method: string, url: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method) && !READ_ONLY_POSTS.test(url);
}

/** Called after every successful request that may write: every kept answer is judged afresh. */
export function answersChanged(database: Database): void {
  cacheOf(database).changed();
}
