import type { Readable } from 'node:stream';

/** What a store reports of an object it wrote: computed from the bytes as they went by. */
export interface StoredObject {
  sha256: string;
  size: number;
}

/**
 * Where evidence files live: the local disk under the data directory, or an S3-compatible store.
 * Keys are made by the server from ids (`evidence/<tenant>/<file>`), never from a user's file name.
 */
export interface ObjectStorage {
  readonly kind: 'local' | 's3';
  /**
   * Streams `body` to `key`, hashing (SHA-256) and counting it while writing. The object appears whole
   * or not at all; a `size` given in advance must match. Never overwrites an existing object.
   */
  put(key: string, body: Readable, options: { contentType: string; size?: number }): Promise<StoredObject>;
  /** The object's bytes, or null when there is no such object. */
  get(key: string): Promise<Readable | null>;
  stat(key: string): Promise<{ size: number } | null>;
  /** Removes an object (callers only remove unsealed ones); a missing object is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;

/** Keys are lower-case words and dashes separated by single slashes: nothing that could climb out of a directory. */
export function assertStorageKey(key: string): string {
  if (!KEY.test(key) || key.length > 300) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  return key;
}
