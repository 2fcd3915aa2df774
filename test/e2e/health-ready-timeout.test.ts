import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { readiness } from '../../src/http/readiness.ts';

// Two "hosts" that accept TCP connections and never answer, as a server that hangs mid-failover does:
// the multi-host pool would keep looking for a writable server for 30 s, far beyond a probe's patience.
let silent: Server;
const sockets: Socket[] = [];
let database: Database;

before(async () => {
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const port = (silent.address() as { port: number }).port;
  database = await openDatabase({ kind: 'postgres', url: `postgres://app@127.0.0.1:${port},127.0.0.1:${port}/test` });
});

after(async () => {
  // Hanging connection attempts fail at once when their sockets close; then the pool stops looking.
  const closed = database.close();
  silent.close();
  for (const s of sockets) s.destroy();
  await closed;
});

test('readiness answers "database unreachable" within its timeout while the pool still waits for a primary', async () => {
  const started = Date.now();
  const state = await readiness(database, 300);
  const took = Date.now() - started;
  assert.equal(state.status, 'not_ready');
  assert.equal(state.status === 'not_ready' && state.reason, 'database_unreachable');
  assert.match(state.status === 'not_ready' && state.reason === 'database_unreachable' ? state.message : '', /300 ms/);
  assert.ok(took < 2_000, `readiness took ${took} ms`);
});
