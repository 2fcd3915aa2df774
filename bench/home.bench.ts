/**
 * The leader's home (issue 19) on the embedded demo: GET /api/v1/home/summary through a real server
 * (PGlite, demo figures), the first request after start and p50/p95 after it, beside the baseline
 * measured in the same run: the same plans judged one by one (planProgressWithYearly per plan, the way
 * the home asked before), in the same process. CPU time is given beside wall time, because a shared
 * machine's load stretches wall time and not CPU time.
 */
import { performance } from 'node:perf_hooks';
import { homeAsOf } from '../src/domain/home/leader-summary.ts';
import { listPlans } from '../src/repositories/plan.repository.ts';
import { findUserByUsername, grantsOf } from '../src/repositories/user.repository.ts';
import type { Actor } from '../src/services/actor.ts';
import { DEMO_PASSWORD } from '../src/services/demo-accounts.service.ts';
import { planProgressWithYearly, plansProgressWithYearly } from '../src/services/progress/plan-progress.service.ts';
import { todayIso } from '../src/services/reporting/form-context.ts';
import { startServer } from '../src/server.ts';

interface Timing {
  p50Ms: number;
  p95Ms: number;
  cpuP50Ms: number;
}

async function timed(runs: number, fn: () => Promise<void>): Promise<Timing> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  const at = (s: number[], q: number) => {
    const sorted = [...s].sort((a, b) => a - b);
    return Number(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!.toFixed(1));
  };
  return { p50Ms: at(wall, 0.5), p95Ms: at(wall, 0.95), cpuP50Ms: at(cpu, 0.5) };
}

export async function home(opts: { runs: number }) {
  const t0 = performance.now();
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    database: { kind: 'pglite', dataDir: 'memory://' },
    seedOnStart: true,
    demoData: true,
    logLevel: 'silent',
    bodyLimit: 1024 * 1024,
    cliToken: undefined,
    trustProxy: false,
  });
  const startMs = performance.now() - t0;
  try {
    const login = await fetch(new URL('/api/v1/auth/login', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: DEMO_PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const get = async () => {
      const res = await fetch(new URL('/api/v1/home/summary', server.url), { headers: { cookie } });
      if (res.status !== 200) throw new Error(`home/summary: ${res.status} ${await res.text()}`);
      await res.json();
    };
    const first = await timed(1, get);
    const api = await timed(opts.runs, get);

    const db = server.database.db;
    const user = (await findUserByUsername(db, 'leader'))!;
    const actor: Actor = {
      userId: user.id,
      label: 'leader',
      via: 'session',
      tokenId: null,
      ip: null,
      grants: await grantsOf(db, user.id),
    };
    const { rows } = await listPlans(db, { limit: 1000, offset: 0 });
    const asked = rows
      .filter((p) => p.target_count > 0)
      .map((p) => ({ plan: p.id, at: homeAsOf(p.period_start, p.period_end, todayIso()) }));
    const onePlanAtATime = await timed(opts.runs, async () => {
      for (const q of asked) await planProgressWithYearly(server.database, actor, q);
    });
    const together = await timed(opts.runs, async () => {
      await plansProgressWithYearly(server.database, actor, asked);
    });
    return {
      description:
        "GET /api/v1/home/summary as the demo leader on the embedded database with demo figures; the plans' progress judged together (as the home does) vs one plan at a time (as it did), in process",
      startMs: Math.round(startMs),
      plans: asked.length,
      runs: opts.runs,
      firstRequest: first,
      api,
      progress: { together, onePlanAtATime, ratioP50: Number((together.cpuP50Ms / onePlanAtATime.cpuP50Ms).toFixed(2)) },
      ratioMeaning: 'CPU p50 of judging every plan together / one plan at a time; below 1 is the saving',
    };
  } finally {
    await server.close();
  }
}
