import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './env.ts';

describe('attachment configuration', () => {
  it('stores attachments on disk under the data directory, up to 20 MB, by default', () => {
    assert.deepEqual(loadConfig({ PLANTRACK_DATA_DIR: '/srv/plantrack' }).attachments, {
      maxBytes: 20 * 1024 * 1024,
      store: { kind: 'disk', dir: path.join('/srv/plantrack', 'attachments') },
    });
    assert.deepEqual(loadConfig({ PLANTRACK_ATTACHMENTS_DIR: '/files', PLANTRACK_ATTACHMENT_MAX_BYTES: '1000' }).attachments, {
      maxBytes: 1000,
      store: { kind: 'disk', dir: '/files' },
    });
  });
  it('switches to S3-compatible storage with an endpoint, and then needs bucket and keys', () => {
    const c = loadConfig({
      PLANTRACK_S3_ENDPOINT: 'https://minio.example:9000',
      PLANTRACK_S3_BUCKET: 'plantrack',
      PLANTRACK_S3_ACCESS_KEY_ID: 'AK',
      PLANTRACK_S3_SECRET_ACCESS_KEY: 'SK',
    });
    assert.deepEqual(c.attachments?.store, {
      kind: 's3',
      endpoint: 'https://minio.example:9000',
      bucket: 'plantrack',
      region: 'us-east-1',
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
      prefix: '',
    });
    assert.throws(
      () => loadConfig({ PLANTRACK_S3_ENDPOINT: 'https://minio.example:9000', PLANTRACK_S3_BUCKET: 'b' }),
      (e: unknown) =>
        e instanceof ConfigError &&
        /PLANTRACK_S3_ACCESS_KEY_ID/.test(e.message) &&
        /PLANTRACK_S3_SECRET_ACCESS_KEY/.test(e.message),
    );
    assert.throws(() => loadConfig({ PLANTRACK_ATTACHMENT_MAX_BYTES: '0' }), /PLANTRACK_ATTACHMENT_MAX_BYTES/);
  });
});
