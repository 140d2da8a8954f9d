import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { digestOf } from './digest-stream';
import { LocalStorage } from './local-storage';
import type { ObjectStorage } from './object-storage';
import { S3Storage } from './s3-storage';

// A real S3-compatible server in this process: the maintained fork of s3rver (filesystem-backed).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('@20minutes/s3rver');

const BYTES = crypto.randomBytes(300_000);
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** `atomic`: a failed write leaves no object. s3rver keeps what it received of an aborted PUT, which S3 itself never does. */
function contract(name: string, make: () => ObjectStorage, atomic = true) {
  describe(name, () => {
    let store: ObjectStorage;
    beforeAll(() => {
      store = make();
    });

    it('writes an object while hashing it, and reads it back', async () => {
      const written = await store.put('evidence/t1/a1', Readable.from([BYTES.subarray(0, 1000), BYTES.subarray(1000)]), {
        contentType: 'image/png',
        size: BYTES.length,
      });
      expect(written).toEqual({ sha256: sha(BYTES), size: BYTES.length });
      expect(await store.stat('evidence/t1/a1')).toEqual({ size: BYTES.length });
      expect(await digestOf((await store.get('evidence/t1/a1'))!)).toEqual(written);
    });

    it('answers null for a missing object, and deletes quietly', async () => {
      expect(await store.get('evidence/t1/none')).toBeNull();
      expect(await store.stat('evidence/t1/none')).toBeNull();
      await store.put('evidence/t1/gone', Readable.from([Buffer.from('x')]), { contentType: 'application/pdf', size: 1 });
      await store.delete('evidence/t1/gone');
      expect(await store.stat('evidence/t1/gone')).toBeNull();
      await store.delete('evidence/t1/gone');
    });

    it('fails, leaving nothing behind, when the size does not match or the source fails', async () => {
      await expect(store.put('evidence/t1/short', Readable.from([Buffer.from('abc')]), { contentType: 'application/pdf', size: 4 })).rejects.toThrow(
        /size mismatch/,
      );
      await expect(store.put('evidence/t1/long', Readable.from([Buffer.from('abcde')]), { contentType: 'application/pdf', size: 4 })).rejects.toThrow(
        /size mismatch/,
      );
      const failing = new Readable({
        read() {
          this.push(Buffer.alloc(10));
          this.destroy(new Error('client went away'));
        },
      });
      await expect(store.put('evidence/t1/broken', failing, { contentType: 'application/pdf', size: 100 })).rejects.toThrow();
      if (!atomic) return;
      for (const key of ['short', 'long', 'broken']) expect(await store.stat(`evidence/t1/${key}`)).toBeNull();
    });

    it('refuses keys that are not made of ids', async () => {
      for (const key of ['../etc/passwd', 'evidence/../x', '/abs', 'evidence//x', 'Evidence/x', 'evidence/报告.pdf']) {
        await expect(store.put(key, Readable.from([Buffer.from('x')]), { contentType: 'text/plain', size: 1 })).rejects.toThrow(/invalid storage key/);
      }
    });
  });
}

describe('object storage', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-store-'));
    dirs.push(dir);
    return dir;
  };
  let s3: { close(): Promise<void> };
  let endpoint = '';
  let s3Storage: S3Storage;

  beforeAll(async () => {
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: tmp(), configureBuckets: [{ name: 'evidence' }] });
    const address = (await server.run()) as AddressInfo;
    endpoint = `http://127.0.0.1:${address.port}`;
    s3 = server;
  });
  afterAll(async () => {
    s3Storage?.destroy();
    await s3?.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  contract('local disk', () => new LocalStorage(tmp()));
  contract(
    'S3-compatible (s3rver)',
    () => {
      s3Storage = new S3Storage({
        endpoint,
        region: 'us-east-1',
        bucket: 'evidence',
        prefix: 'spotcheck/',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
      });
      return s3Storage;
    },
    false,
  );

  it('makes stored local files read-only and never overwrites one', async () => {
    const store = new LocalStorage(tmp());
    await store.put('evidence/t1/a', Readable.from([Buffer.from('first')]), { contentType: 'application/pdf' });
    expect(fs.statSync(store.pathOf('evidence/t1/a')).mode & 0o777).toBe(0o400);
    await expect(store.put('evidence/t1/a', Readable.from([Buffer.from('second')]), { contentType: 'application/pdf' })).rejects.toThrow(/EEXIST/);
    expect(fs.readFileSync(store.pathOf('evidence/t1/a'), 'utf8')).toBe('first');
    expect(fs.readdirSync(path.dirname(store.pathOf('evidence/t1/a')))).toEqual(['a']);
  });
});
