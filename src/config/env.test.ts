import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './env.ts';

describe('configuration', () => {
  it('has documented defaults: embedded database under ./data, port 3000, no proxy trust', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.database.kind, 'pglite');
    assert.equal(c.trustProxy, false);
    assert.equal(c.seedOnStart, true);
    assert.equal(c.demoData, true);
  });
  it('loads demo data by default only on the embedded database, and as told otherwise', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/d' }).demoData, false);
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/d', PLANTRACK_DEMO_DATA: 'true' }).demoData, true);
    assert.equal(loadConfig({ PLANTRACK_DEMO_DATA: 'false' }).demoData, false);
    assert.throws(() => loadConfig({ PLANTRACK_DEMO_DATA: 'yes' }), /PLANTRACK_DEMO_DATA/);
  });
  it('starts a new embedded directory from the built template only with the defaults it was built with', () => {
    const template = (env: Record<string, string>) => loadConfig(env).pgliteTemplate;
    assert.match(template({}) ?? '', /dist\/pglite-template\/data\.tar\.gz$/);
    assert.equal(template({ PLANTRACK_PGLITE_TEMPLATE: '/srv/t.tar.gz' }), '/srv/t.tar.gz');
    assert.equal(template({ PLANTRACK_PGLITE_TEMPLATE: '' }), undefined);
    assert.equal(template({ PLANTRACK_DEMO_DATA: 'false' }), undefined);
    assert.equal(template({ PLANTRACK_SEED_ON_START: 'false' }), undefined);
    assert.equal(template({ DATABASE_URL: 'postgres://u@h:5432/d', PLANTRACK_DEMO_DATA: 'true' }), undefined);
    // Only `serve` uses it: a CLI command opens the database as configured (a restore needs an empty one).
    const d = loadConfig({}).database;
    assert.equal(d.kind === 'pglite' && d.template, undefined);
  });
  it('switches to PostgreSQL and proxy trust when told to', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h:5432/d', PLANTRACK_TRUST_PROXY: 'true' });
    assert.deepEqual(c.database, { kind: 'postgres', url: 'postgres://u@h:5432/d' });
    assert.equal(c.trustProxy, true);
  });
  it('sends dashboard reads to PLANTRACK_READ_DATABASE_URL, which needs DATABASE_URL', () => {
    const both = 'postgres://u@node1:5432,node2:5432/d';
    assert.deepEqual(loadConfig({ DATABASE_URL: both, PLANTRACK_READ_DATABASE_URL: both }).database, {
      kind: 'postgres',
      url: both,
      readUrl: both,
    });
    assert.throws(() => loadConfig({ PLANTRACK_READ_DATABASE_URL: both }), /PLANTRACK_READ_DATABASE_URL: requires DATABASE_URL/);
    assert.throws(
      () => loadConfig({ DATABASE_URL: both, PLANTRACK_READ_DATABASE_URL: 'mysql://x' }),
      /PLANTRACK_READ_DATABASE_URL/,
    );
  });
  it('signs audit heads with PLANTRACK_AUDIT_KEY, else with a key kept in the data directory', () => {
    assert.deepEqual(loadConfig({ PLANTRACK_DATA_DIR: '/srv/pt' }).audit, { key: null, keyFile: '/srv/pt/audit-head.key' });
    assert.deepEqual(loadConfig({ PLANTRACK_DATA_DIR: 'memory://' }).audit, { key: null, keyFile: null });
    assert.equal(loadConfig({ PLANTRACK_AUDIT_KEY: 'x'.repeat(32) }).audit?.key, 'x'.repeat(32));
    assert.throws(() => loadConfig({ PLANTRACK_AUDIT_KEY: 'short' }), /PLANTRACK_AUDIT_KEY: must be at least 32/);
  });
  it('lists every bad key at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', PLANTRACK_TRUST_PROXY: 'yes', LOG_LEVEL: 'loud' }),
      (e: unknown) =>
        e instanceof ConfigError &&
        /PORT/.test(e.message) &&
        /PLANTRACK_TRUST_PROXY/.test(e.message) &&
        /LOG_LEVEL/.test(e.message),
    );
  });
  it('has e-mail off by default and a daily digest at 08:00', () => {
    assert.deepEqual(loadConfig({}).notifications, {
      smtpUrl: null,
      mailFrom: 'PlanTrack <plantrack@localhost>',
      digestHour: 8,
    });
    const c = loadConfig({
      PLANTRACK_SMTP_URL: 'smtp://mail.example:2525',
      PLANTRACK_MAIL_FROM: 'a@b.c',
      PLANTRACK_DIGEST_HOUR: '7',
    });
    assert.deepEqual(c.notifications, { smtpUrl: 'smtp://mail.example:2525', mailFrom: 'a@b.c', digestHour: 7 });
    assert.throws(
      () => loadConfig({ PLANTRACK_SMTP_URL: 'http://x', PLANTRACK_DIGEST_HOUR: '24' }),
      (e: unknown) => e instanceof ConfigError && /PLANTRACK_SMTP_URL/.test(e.message) && /PLANTRACK_DIGEST_HOUR/.test(e.message),
    );
  });
  it('has documented input limits by default, each settable, and refuses a limit that is not a positive integer', () => {
    assert.deepEqual(loadConfig({}).inputLimits, {
      maxInflatedBytes: 256 * 1024 * 1024,
      maxRows: 200_000,
      maxColumns: 1_000,
      maxCells: 2_000_000,
      maxYamlAliases: 100,
      maxYamlDepth: 64,
    });
    assert.equal(loadConfig({ PLANTRACK_MAX_ROWS: '5000' }).inputLimits?.maxRows, 5000);
    assert.throws(
      () => loadConfig({ PLANTRACK_MAX_INFLATED_BYTES: '0', PLANTRACK_MAX_YAML_DEPTH: 'deep' }),
      (e: unknown) =>
        e instanceof ConfigError && /PLANTRACK_MAX_INFLATED_BYTES/.test(e.message) && /PLANTRACK_MAX_YAML_DEPTH/.test(e.message),
    );
  });
});
