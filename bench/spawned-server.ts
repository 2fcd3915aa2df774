import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** What `npm start` runs (package.json): the build step, a hash of the sources when nothing changed, then the compiled server. */
export const NPM_START = `"${process.execPath}" scripts/build.js && exec "${process.execPath}" dist/server/cli/main.js serve`;

export interface Started {
  /** From spawning to the first time `ready` said so. */
  ms: number;
  /** The process's pid (with `exec`, a shell command's pid is the server's). */
  pid: number;
  /** Stops the process and its whole process group, and waits for it to exit. */
  stop: () => Promise<void>;
}

/** Spawns a command in a process group of its own and waits until `ready` says so (throws if it exits first). */
export async function startUntil(
  command: { shell: string } | { args: string[] },
  env: Record<string, string>,
  ready: () => Promise<boolean>,
): Promise<Started> {
  const t0 = performance.now();
  const options = { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' as const, detached: true };
  const child = 'shell' in command ? spawn('sh', ['-c', command.shell], options) : spawn(process.execPath, command.args, options);
  const exited = new Promise((r) => child.once('exit', r));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
      if (await ready().catch(() => false)) return { ms: performance.now() - t0, pid: child.pid!, stop };
      await new Promise((r) => setTimeout(r, 20));
    }
  } catch (e) {
    await stop();
    throw e;
  }
}
