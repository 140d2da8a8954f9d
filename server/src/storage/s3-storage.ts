import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DigestStream } from './digest-stream';
import { assertStorageKey, type ObjectStorage, type StoredObject } from './object-storage';

export interface S3Settings {
  endpoint?: string;
  region: string;
  bucket: string;
  prefix: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

function missing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

/**
 * Objects in an S3-compatible store (AWS S3, MinIO, Ceph RGW, OSS/COS in S3 mode). Checksums are sent
 * only where the API requires them: many compatible stores do not accept the SDK's default trailers.
 */
export class S3Storage implements ObjectStorage {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(settings.accessKeyId && settings.secretAccessKey
        ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
        : {}),
    });
  }

  private target(key: string) {
    return { Bucket: this.settings.bucket, Key: `${this.settings.prefix}${assertStorageKey(key)}` };
  }

  /** The size must be known: a single PUT needs its length (evidence is spooled to a temporary file first). */
  async put(key: string, body: Readable, options: { contentType: string; size?: number }): Promise<StoredObject> {
    if (options.size === undefined) throw new Error('S3 storage needs the object size in advance');
    const digest = new DigestStream(options.size);
    // The SDK does not end a request whose body fails; abort it, or it waits for the missing bytes.
    const abort = new AbortController();
    digest.on('error', (error) => abort.abort(error));
    body.on('error', (error) => digest.destroy(error));
    body.pipe(digest);
    try {
      await this.client.send(new PutObjectCommand({ ...this.target(key), Body: digest, ContentLength: options.size, ContentType: options.contentType }), {
        abortSignal: abort.signal,
      });
    } catch (error) {
      body.destroy();
      // A store that kept a partial body would otherwise show it under a fresh key.
      await this.delete(key).catch(() => undefined);
      throw abort.signal.aborted ? abort.signal.reason : error;
    }
    return digest.result();
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const answer = await this.client.send(new GetObjectCommand(this.target(key)));
      return (answer.Body as Readable | undefined) ?? null;
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const answer = await this.client.send(new HeadObjectCommand(this.target(key)));
      return { size: answer.ContentLength ?? 0 };
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand(this.target(key)));
  }

  destroy(): void {
    this.client.destroy();
  }
}
