import type { EntityManager } from 'typeorm';
import { copyInto } from './copy-writer';
import type { JobCounts } from './import-job.service';
import { STAGE, type ImportKindSpec } from './import-kind';

/** Rows per block: large enough for set-based SQL, small enough to keep memory flat. */
export const CHUNK_ROWS = 50_000;

/**
 * Takes valid rows in blocks and, for each, on the import's connection: COPY into the staging table,
 * then the merge into the directory. A block's database work runs while Node parses the next one.
 */
export class ChunkStage<K extends string> {
  private lines: string[] = [];
  private existing = 0;
  private inflight: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(
    private readonly m: EntityManager,
    private readonly spec: ImportKindSpec<K>,
    private readonly counts: JobCounts,
    private readonly merge: (withExisting: boolean) => Promise<{ inserted: number; updated: number }>,
  ) {}

  async open(): Promise<void> {
    await this.m.query(
      `CREATE TEMP TABLE ${STAGE} (row_number integer NOT NULL, existing boolean NOT NULL, key text NOT NULL, ${this.spec.stagingColumns}) ON COMMIT DROP`,
    );
  }

  /** One COPY line; `existing` when the key was in the directory when the import started. */
  add(line: string, existing: boolean): void {
    this.lines.push(line);
    if (existing) this.existing += 1;
  }

  get size(): number {
    return this.lines.length;
  }

  /** Hands the gathered block to the database once the previous block is done; does not wait for this one. */
  async ship(): Promise<void> {
    await this.settled();
    if (!this.lines.length) return;
    const text = this.lines.join('');
    const withExisting = this.existing > 0;
    this.lines = [];
    this.existing = 0;
    this.inflight = this.process(text, withExisting).catch((error: unknown) => {
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
    this.existing = 0;
  }

  private async process(text: string, withExisting: boolean): Promise<void> {
    await this.m.query(`TRUNCATE ${STAGE}`);
    await copyInto(this.m, `COPY ${STAGE} FROM STDIN`, text);
    const merged = await this.merge(withExisting);
    this.counts.insertedRows += merged.inserted;
    this.counts.updatedRows += merged.updated;
  }
}
