import type { Database } from '../../db/database.ts';
import { newestAuditId } from '../../repositories/audit.repository.ts';
import type { Actor } from '../actor.ts';
import { todayIso } from '../reporting/form-context.ts';

/**
 * The role homes' answers, kept until anything they could depend on may have changed (issue 19, "the
 * home page is interactive within 2 s"): judging every plan of a reader's scope takes about a second
 * on the embedded database, and a leader opens the home far more often than figures change.
 *
 * An answer is reused only while all of these hold, each read before it was computed:
 * - no request that may write (anything but GET, HEAD and OPTIONS, sign-in and sign-out aside) has
 *   succeeded in this process since (`changed()`, called by the app after each such response);
 * - the audit log's newest entry is the same (writes of the CLI, another instance or a scheduled job
 *   are audited);
 * - the day is the same (the period a home opens on and staleness are judged against today);
 * - it is younger than MAX_AGE_MS (writes seen by neither of the above: at worst a minute late).
 * Answers are per reader's grants (scope), so two readers of one scope share one.
 */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 64;

interface Entry {
  stamp: string;
  at: number;
  value: Promise<unknown>;
}

class HomeCache {
  private generation = 0;
  private readonly entries = new Map<string, Entry>();

  changed(): void {
    this.generation++;
    this.entries.clear();
  }

  async get<T>(database: Database, key: string, compute: () => Promise<T>): Promise<T> {
    const stamp = `${this.generation}/${await newestAuditId(database.db)}/${todayIso()}`;
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp && Date.now() - hit.at < MAX_AGE_MS) return hit.value as Promise<T>;
    const value = compute();
    const entry = { stamp, at: Date.now(), value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    // A failed answer is not kept (the next request tries again).
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }
}

const caches = new WeakMap<Database, HomeCache>();

function cacheOf(database: Database): HomeCache {
  let c = caches.get(database);
  if (!c) caches.set(database, (c = new HomeCache()));
  return c;
}

/** A home's answer for this reader: reused while nothing it depends on may have changed (see above). */
export function cachedHome<T>(database: Database, kind: string, actor: Actor, compute: () => Promise<T>): Promise<T> {
  return cacheOf(database).get(database, `${kind}:${JSON.stringify(actor.grants)}`, compute);
}

/** Whether a request's success may have changed what a home shows: any method but a read, signing in and out aside. */
export function mayWrite(method: string, url: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method) && !/^\/api\/v1\/auth\/(login|logout)\b/.test(url);
}

/** Called after every successful request that may write: the homes' answers are judged afresh. */
export function homeDataChanged(database: Database): void {
  cacheOf(database).changed();
}
