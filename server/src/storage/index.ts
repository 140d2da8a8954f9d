import path from 'node:path';
import type { Config } from '../config';
import { LocalStorage } from './local-storage';
import type { ObjectStorage } from './object-storage';

export type { ObjectStorage, StoredObject } from './object-storage';

export function createStorage(config: Config): ObjectStorage {
  if (config.evidence.storage === 's3') {
    // Loaded only when configured: the SDK is large, and the local disk is the default.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { S3Storage } = require('./s3-storage') as typeof import('./s3-storage');
    return new S3Storage(config.evidence.s3);
  }
  return new LocalStorage(path.join(config.dataDir, 'objects'));
}

const stores = new WeakMap<Config, ObjectStorage>();

/** The one store of a running app (per configuration object). */
export function storageOf(config: Config): ObjectStorage {
  let store = stores.get(config);
  if (!store) {
    store = createStorage(config);
    stores.set(config, store);
  }
  return store;
}
