import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite is single-process: two processes on one data directory corrupt it. A pid file guards it
 * and names the holder, so the CLI can say "stop the server or use DATABASE_URL" instead.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, '.plantrack.lock');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(file, 'utf8'));
    if (holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `数据目录 ${dataDir} 正被进程 ${holder} 使用（PGlite 只能由一个进程打开）。请先停止该进程，或设置 DATABASE_URL 使用 PostgreSQL。\n` +
          `The data directory ${dataDir} is in use by process ${holder} (PGlite allows one process). Stop it, or set DATABASE_URL.`,
      );
    }
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
