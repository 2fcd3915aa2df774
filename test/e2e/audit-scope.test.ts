import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TaskDetail } from '../../src/presenters/task-tracking.presenter.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

interface AuditItems {
  items: { action: string; actor: string; ip: string | null }[];
}
const PPRD = 'yunnan-pprd-2016';

for (const kind of DATABASE_KINDS) {
  describe(`the audit log is read within the reader's scope, on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    let hh: Session;
    const audit = (entity: string, key: string, auth?: Session) =>
      request<AuditItems>(server.url, 'GET', `/api/v1/audit?entity=${entity}&key=${encodeURIComponent(key)}`, { auth });
    before(async () => {
      server = await startTestServer(kind);
      await loginAs(server.url, 'admin'); // a login with an IP address in the administrator's history
      hh = await loginAs(server.url, 'hh.reviewer');
    });
    after(async () => {
      await server.close();
      await server.drop();
    });

    it("refuses a 红河 reviewer the administrator's logins and IP addresses, and backups (403: administration)", async () => {
      const asAdmin = await audit('user', 'admin');
      assert.ok(asAdmin.body.items.some((e) => e.action === 'login' && e.ip !== null));
      const asReviewer = await audit('user', 'admin', hh);
      assert.equal(asReviewer.status, 403);
      assert.equal(JSON.stringify(asReviewer.body).includes('login'), false, 'no entry leaks into the refusal');
      assert.equal((await audit('database', 'x.backup.gz', hh)).status, 403);
      assert.equal((await audit('login_attempt', 'admin', hh)).status, 403);
    });

    it('answers 404 for the history of a 昆明 value that /data-values hides, shows a 红河 one without IP addresses', async () => {
      const km = 'YN-KM/GDP/2024';
      const write = await request(server.url, 'PUT', `/api/v1/data-values/${km}`, { body: { value: '1', expectedVersion: 0 } });
      assert.equal(write.status, 200, JSON.stringify(write.body));
      assert.equal((await audit('data_value', km)).body.items.length, 1);
      const values = await request<{ total: number }>(server.url, 'GET', '/api/v1/data-values?orgUnit=YN-KM', { auth: hh });
      assert.equal(values.body.total, 0, 'the read route hides 昆明 values');
      const hidden = await audit('data_value', km, hh);
      assert.equal(hidden.status, 404, 'answered as /data-values answers a unit outside the scope');
      assert.equal(
        hidden.status,
        (await audit('data_value', 'YN-KM/NO-SUCH/2024', hh)).status,
        'whether or not the key was ever written',
      );

      const mz = 'ZN-HH-MENGZI/REVENUE/2025-02';
      const reporter = await loginAs(server.url, 'mengzi.reporter');
      const own = await request(server.url, 'PUT', `/api/v1/data-values/${mz}`, {
        auth: reporter,
        body: { value: '5', expectedVersion: 0 },
      });
      assert.equal(own.status, 200);
      const seen = await audit('data_value', mz, hh);
      assert.deepEqual(
        seen.body.items.map((e) => [e.action, e.actor, e.ip]),
        [['create', 'mengzi.reporter', null]],
      );
      assert.notEqual((await audit('data_value', mz)).body.items[0]!.ip, null, 'the administrator sees the address');
    });

    it('answers 404 for the history of a task that answers 404 to the reader', async () => {
      const url = `/api/v1/tasks/${PPRD}/task-02`;
      const task = await request<TaskDetail>(server.url, 'GET', url);
      const ms = await request(server.url, 'POST', `${url}/milestones`, {
        body: { title: '审计可见性检查', dueOn: '2030-01-01', version: task.body.task.version },
      });
      assert.equal(ms.status, 201, JSON.stringify(ms.body));
      assert.equal((await request(server.url, 'GET', url, { auth: hh })).status, 404);
      assert.ok((await audit('task', `${PPRD}/task-02`)).body.items.length > 0);
      assert.equal((await audit('task', `${PPRD}/task-02`, hh)).status, 404, 'answered as the task route answers');
    });
  });
}
