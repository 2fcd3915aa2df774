import type { SignedHead } from '../domain/audit/signed-head.ts';
import { newestAuditId } from '../repositories/audit.repository.ts';
import type { Executor } from '../repositories/transaction.ts';
import { signedAuditHead } from './audit.service.ts';

/**
 * Writes the signed head to the server log whenever the chain has grown (docs/security.md, Audit
 * anchor): the log leaves the database (journald, a log collector), so entries deleted from the end
 * of the table later are found with `audit verify --head` on the last logged head. poke() is called
 * after every response and coalesces: at most one check per `delayMs`, a one-row index read, and a
 * count only when something was appended.
 */
export function createAuditHeadLog(db: Executor, key: string, log: (head: SignedHead) => void, delayMs = 1000) {
  let loggedId = -1;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function check(): Promise<void> {
    const newest = await newestAuditId(db);
    if (newest === loggedId) return;
    const head = await signedAuditHead(db, key);
    loggedId = head.lastId;
    log(head);
  }

  return {
    /** Logs the head now if the chain grew since the last line (start-up, shutdown, tests). */
    flush(): Promise<void> {
      running = running.then(check, check);
      return running;
    },
    poke(onError: (err: unknown) => void): void {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        running = running.then(check, check).catch(onError);
      }, delayMs);
      timer.unref();
    },
    stop(): void {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
