import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_ATTACHMENT_MAX_BYTES, type AttachmentConfig, type AttachmentStore } from './attachment-store.ts';
import { createDiskStore } from './disk-store.ts';
import { createS3Store } from './s3-store.ts';

export function createAttachmentStore(config: AttachmentConfig['store']): AttachmentStore {
  return config.kind === 'disk' ? createDiskStore(config.dir) : createS3Store(config);
}

/**
 * When the caller gives no attachment configuration (tests build the app without one): a disk
 * store in a directory of this process under the system's temporary directory.
 */
export function fallbackAttachmentConfig(): AttachmentConfig {
  return {
    store: { kind: 'disk', dir: path.join(tmpdir(), `plantrack-attachments-${process.pid}`) },
    maxBytes: DEFAULT_ATTACHMENT_MAX_BYTES,
  };
}
