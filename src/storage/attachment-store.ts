/**
 * Where attachment bytes live. Keys are chosen by PlanTrack (the content's sha256, hex), never by
 * a user, so a key can never name a path outside the store.
 */
export interface AttachmentStore {
  readonly kind: 'disk' | 's3';
  put(key: string, bytes: Uint8Array, mediaType: string): Promise<void>;
  /** The stored bytes, or null when the key holds nothing. */
  get(key: string): Promise<Uint8Array | null>;
}

/** Storage keys are 64 lower-case hex digits; anything else is refused before it reaches a store. */
export function assertStorageKey(key: string): void {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`invalid attachment storage key: ${JSON.stringify(key)}`);
}

/** Where an S3-compatible bucket is and how to sign for it. */
export interface S3Settings {
  /** https://s3.example.com (path-style: the bucket goes into the path, as MinIO and most others accept). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Prepended to every key, e.g. "plantrack/". */
  prefix: string;
}

export type AttachmentStoreConfig = { kind: 'disk'; dir: string } | ({ kind: 's3' } & S3Settings);

export interface AttachmentConfig {
  store: AttachmentStoreConfig;
  /** Largest attachment accepted, bytes. */
  maxBytes: number;
}

export const DEFAULT_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
