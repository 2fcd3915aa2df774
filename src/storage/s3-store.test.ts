import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createS3Store } from './s3-store.ts';

const KEY = 'a'.repeat(64);

describe('createS3Store', () => {
  it('PUTs and GETs path-style, signed, through the given fetch', async () => {
    const seen: { url: string; method: string; headers: Record<string, string>; body?: Uint8Array }[] = [];
    const objects = new Map<string, Uint8Array>();
    const fakeFetch = (async (input: URL | string, init?: RequestInit) => {
      const url = String(input);
      const headers = init!.headers as Record<string, string>;
      seen.push({ url, method: init!.method!, headers, body: init!.body as Uint8Array | undefined });
      if (init!.method === 'PUT') {
        objects.set(url, init!.body as Uint8Array);
        return new Response(null, { status: 200 });
      }
      const b = objects.get(url);
      return b ? new Response(b) : new Response('<Error/>', { status: 404 });
    }) as typeof fetch;
    const store = createS3Store({
      endpoint: 'https://minio.example:9000/',
      bucket: 'plantrack',
      region: 'cn-yn-1',
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
      prefix: 'att/',
      fetch: fakeFetch,
    });
    await store.put(KEY, new TextEncoder().encode('hello'), 'text/plain');
    assert.deepEqual(await store.get(KEY), new TextEncoder().encode('hello'));
    assert.equal(await store.get('b'.repeat(64)), null);
    assert.equal(seen[0]!.url, `https://minio.example:9000/plantrack/att/${KEY}`);
    assert.match(
      seen[0]!.headers.authorization!,
      /^AWS4-HMAC-SHA256 Credential=AK\/\d{8}\/cn-yn-1\/s3\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    assert.equal(seen[0]!.headers['x-amz-content-sha256'], '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    assert.equal(seen[0]!.headers.host, undefined, 'fetch sets host itself');
  });
  it('refuses keys that are not sha256 hex', async () => {
    const store = createS3Store({
      endpoint: 'https://x',
      bucket: 'b',
      region: 'r',
      accessKeyId: 'a',
      secretAccessKey: 's',
      prefix: '',
    });
    await assert.rejects(store.get('../etc/passwd'), /invalid attachment storage key/);
  });
});
