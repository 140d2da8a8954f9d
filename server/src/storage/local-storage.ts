import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DigestStream } from './digest-stream';
import { assertStorageKey, type ObjectStorage, type StoredObject } from './object-storage';

/**
 * Objects as files under one root directory (`$SPOTCHECK_DATA_DIR/objects` by default). A file is
 * written beside its final name, then linked into place (which fails rather than overwrite) and made
 * read-only.
 */
export class LocalStorage implements ObjectStorage {
  readonly kind = 'local' as const;

  constructor(readonly root: string) {}

  /** The file behind a key (tests use it to tamper with stored bytes). */
  pathOf(key: string): string {
    return path.join(this.root, ...assertStorageKey(key).split('/'));
  }

  async put(key: string, body: Readable, options: { contentType: string; size?: number }): Promise<StoredObject> {
    const file = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.${crypto.randomUUID()}.part`;
    const digest = new DigestStream(options.size);
    try {
      await pipeline(body, digest, fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
      const result = digest.result();
      await fs.promises.chmod(partial, 0o400);
      await fs.promises.link(partial, file);
      return result;
    } finally {
      await fs.promises.rm(partial, { force: true });
    }
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const handle = await fs.promises.open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      return { size: (await fs.promises.stat(this.pathOf(key))).size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }
}
