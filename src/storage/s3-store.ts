import { assertStorageKey, type AttachmentStore, type S3Settings } from './attachment-store.ts';
import { sha256Hex, signRequest } from './sigv4.ts';

export interface S3StoreOptions extends S3Settings {
  /** Tests pass a fake; otherwise the global fetch. */
  fetch?: typeof fetch;
}

/** An S3-compatible bucket through SigV4-signed PUT and GET (no SDK). */
export function createS3Store(o: S3StoreOptions): AttachmentStore {
  const doFetch = o.fetch ?? fetch;
  const urlOf = (key: string) => {
    assertStorageKey(key);
    const base = o.endpoint.replace(/\/+$/, '');
    const path = [o.bucket, ...`${o.prefix}${key}`.split('/')].map(encodeURIComponent).join('/');
    return new URL(`${base}/${path}`);
  };
  const sign = (method: string, url: URL, payloadSha256: string, headers: Record<string, string> = {}) =>
    signRequest({
      method,
      url,
      headers,
      payloadSha256,
      region: o.region,
      service: 's3',
      accessKeyId: o.accessKeyId,
      secretAccessKey: o.secretAccessKey,
      now: new Date(),
    });
  return {
    kind: 's3',
    async put(key, bytes, mediaType) {
      const url = urlOf(key);
      const headers = sign('PUT', url, sha256Hex(bytes), { 'content-type': mediaType });
      // host is set by fetch itself from the URL; sending it again is refused by undici.
      const { host: _host, ...send } = headers;
      const res = await doFetch(url, { method: 'PUT', headers: send, body: bytes });
      if (!res.ok) throw new Error(`S3 PUT ${url.pathname}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    },
    async get(key) {
      const url = urlOf(key);
      const { host: _host, ...send } = sign('GET', url, sha256Hex(''));
      const res = await doFetch(url, { method: 'GET', headers: send });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`S3 GET ${url.pathname}: ${res.status} ${(await res.text()).slice(0, 200)}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}
