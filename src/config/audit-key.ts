import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from './env.ts';

const PROCESS_KEY = randomBytes(32).toString('hex');

/**
 * The key that signs audit heads (docs/security.md, Audit anchor). PLANTRACK_AUDIT_KEY wins; else the
 * key kept in the data directory, created (0600, never overwritten) on first use, so that the server
 * and the CLI on the same data directory sign alike without set-up. With neither (memory://, tests)
 * the key lives as long as the process, like the data.
 */
export async function auditKey(audit: AppConfig['audit']): Promise<string> {
  if (audit?.key) return audit.key;
  if (!audit?.keyFile) return PROCESS_KEY;
  try {
    return (await readFile(audit.keyFile, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(path.dirname(audit.keyFile), { recursive: true });
  try {
    await writeFile(audit.keyFile, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return (await readFile(audit.keyFile, 'utf8')).trim();
}
