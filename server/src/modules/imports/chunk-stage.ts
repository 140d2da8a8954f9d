import type { EntityManager } from 'typeorm';
import { copyInto } from './raw-connection';
import type { JobCounts } from './import-job.service';
import { STAGE } from './import-kind';

/** Rows per block: large enough for set-based SQL, small enough to keep memory flat. */
export const CHUNK_ROWS = 20_000;
const SEAL_LINES = 1000;

/**
 * Takes valid rows in blocks and, for each, on the import's connection: COPY into the staging table,
 * then the merge into the directory. A block's database work runs while Node parses the next one.
 */
export class ChunkStage {
  /** Lines not yet sealed: every SEAL_LINES they become one Buffer (off the heap), so the strings die young. */
  private lines: string[] = [];
  private sealed: Buffer[] = [];
  private rows = 0;
  private existing = 0;
  private inflight: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(
    private readonly m: EntityManager,
    /** Column definitions after (existing, key), in COPY order. */
    private readonly stagingColumns: string,
    private readonly counts: JobCounts,
    private readonly merge: (withExisting: boolean) => Promise<{ inserted: number; updated: number }>,
  ) {}

  async open(): Promise<void> {
    await this.m.query(`CREATE TEMP TABLE ${STAGE} (existing boolean NOT NULL, key text NOT NULL, ${this.stagingColumns}) ON COMMIT DROP`);
  }

  /** One COPY line; `existing` when the key was in the directory when the import started. */
  add(line: string, existing: boolean): void {
    this.lines.push(line);
    this.rows += 1;
    if (existing) this.existing += 1;
    if (this.lines.length >= SEAL_LINES) this.seal();
  }

  private seal(): void {
    if (!this.lines.length) return;
    this.sealed.push(Buffer.from(this.lines.join('')));
    this.lines = [];
  }

  get size(): number {
    return this.rows;
  }

  /** Hands the gathered block to the database once the previous block is done; does not wait for this one. */
  async ship(): Promise<void> {
    await this.settled();
    this.seal();
    if (!this.sealed.length) return;
    const parts = this.sealed;
    const withExisting = this.existing > 0;
    this.sealed = [];
    this.rows = 0;
    this.existing = 0;
    this.inflight = this.process(parts, withExisting).catch((error: unknown) => {
      this.failure = error;
    });
  }

  /** Ships the rest and waits for all database work. */
  async finish(): Promise<void> {
    await this.ship();
    await this.settled();
  }

  /** Waits for the block in flight; rethrows its failure. */
  async settled(): Promise<void> {
    await this.inflight;
    if (this.failure) throw this.failure;
  }

  /** Drops the rows gathered but not shipped (nothing more is to be merged). */
  discard(): void {
    this.lines = [];
    this.sealed = [];
    this.rows = 0;
    this.existing = 0;
  }

  private async process(parts: Buffer[], withExisting: boolean): Promise<void> {
    await this.m.query(`TRUNCATE ${STAGE}`);
    await copyInto(this.m, `COPY ${STAGE} FROM STDIN`, parts);
    const merged = await this.merge(withExisting);
    this.counts.insertedRows += merged.inserted;
    this.counts.updatedRows += merged.updated;
  }
}
