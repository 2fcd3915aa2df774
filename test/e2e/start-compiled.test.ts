import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { PROJECT_ROOT } from '../../src/config/project-root.ts';

// What `npm start` runs: the build step (a no-op when nothing changed) and the compiled server.
const build = () => spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build.js')], { encoding: 'utf8' });

let server: ReturnType<typeof spawn> | null = null;
let base = '';

before(async () => {
  const first = build();
  assert.equal(first.status, 0, first.stderr);
  server = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/server/cli/main.js'), 'serve'], {
    env: { ...process.env, PORT: '0', PLANTRACK_DATA_DIR: 'memory://', LOG_LEVEL: 'warn', PLANTRACK_DEMO_DATA: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  server.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server!.once('exit', (code) => reject(new Error(`compiled server exited ${code}: ${errors}`)));
  });
});

after(() => {
  server?.kill('SIGTERM');
});

test('a second build with unchanged sources rebuilds nothing', () => {
  const again = build();
  assert.equal(again.status, 0, again.stderr);
  assert.doesNotMatch(again.stderr, /built/);
});

test('the compiled server answers, and the web shell is revalidated', async () => {
  const health = await fetch(new URL('/api/v1/health', base));
  assert.equal(health.status, 200);
  const shell = await fetch(new URL('/', base));
  assert.equal(shell.status, 200);
  assert.equal(shell.headers.get('cache-control'), 'no-cache');
});

test('hashed assets are sent compressed and cached as immutable', async () => {
  const html = await (await fetch(new URL('/', base))).text();
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  assert.ok(script, 'index.html names a hashed script');
  for (const encoding of ['br', 'gzip']) {
    const res = await fetch(new URL(script, base), { headers: { 'accept-encoding': encoding } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-encoding'), encoding);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.match(res.headers.get('vary') ?? '', /accept-encoding/);
    assert.ok((await res.text()).length > 1000, 'fetch decodes the compressed body');
  }
});
