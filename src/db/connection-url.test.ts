import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConnectionUrl } from './connection-url.ts';

describe('parseConnectionUrl', () => {
  it('splits a libpq multi-host string into one string per host, keeping user, database and other parameters', () => {
    const p = parseConnectionUrl(
      'postgres://app:s3cret@node1:5432,node2:6432/plantrack?target_session_attrs=read-write&sslmode=require',
    );
    assert.deepEqual(p, {
      perHost: [
        'postgres://app:s3cret@node1:5432/plantrack?sslmode=require',
        'postgres://app:s3cret@node2:6432/plantrack?sslmode=require',
      ],
      readWrite: true,
    });
  });

  it('leaves a single-host string as it is', () => {
    assert.deepEqual(parseConnectionUrl('postgresql://postgres@127.0.0.1:5432/test'), {
      perHost: ['postgresql://postgres@127.0.0.1:5432/test'],
      readWrite: false,
    });
  });

  it('refuses what is not a PostgreSQL URL or names no host', () => {
    assert.equal(parseConnectionUrl('mysql://root@localhost/test'), null);
    assert.equal(parseConnectionUrl('postgres:///test'), null);
  });
});
