import crypto from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { StoredObject } from './object-storage';

/**
 * Passes bytes through unchanged while computing their SHA-256 and count. With an expected size it
 * fails as soon as the bytes run over it, or at the end when they fall short, so that a request
 * announced with that length is aborted rather than left waiting.
 */
export class DigestStream extends Transform {
  private readonly hash = crypto.createHash('sha256');
  private count = 0;

  constructor(private readonly expectedSize?: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.count += chunk.length;
    if (this.expectedSize !== undefined && this.count > this.expectedSize) return callback(this.sizeError());
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    callback(this.expectedSize !== undefined && this.count !== this.expectedSize ? this.sizeError() : null);
  }

  private sizeError(): Error {
    return new Error(`size mismatch: expected ${this.expectedSize} bytes, got ${this.count}`);
  }

  /** Only once the stream has ended. */
  result(): StoredObject {
    return { sha256: this.hash.copy().digest('hex'), size: this.count };
  }
}

/** SHA-256 and size of a whole stream (re-hashing a stored object). */
export async function digestOf(stream: NodeJS.ReadableStream): Promise<StoredObject> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}
