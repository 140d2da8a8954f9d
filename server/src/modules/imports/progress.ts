import type { DataSource } from 'typeorm';
import type { ImportJob } from './import-job.entity';
import { updateJob } from './import-job.service';

const EVERY_ROWS = 20_000;
const EVERY_MS = 1000;

/** Writes processed_rows (and notifies subscribers) every 20,000 rows or every second, whichever comes first. */
export class ProgressReporter {
  private lastRows = 0;
  private lastAt = Date.now();

  constructor(
    private readonly db: DataSource,
    private readonly job: ImportJob,
  ) {}

  async maybeReport(rows: number): Promise<void> {
    if (rows - this.lastRows >= EVERY_ROWS || Date.now() - this.lastAt >= EVERY_MS) await this.report(rows);
  }

  async report(rows: number): Promise<void> {
    this.lastRows = rows;
    this.lastAt = Date.now();
    await updateJob(this.db, this.job, { processedRows: rows });
  }
}
