import type { DataSource } from 'typeorm';
import { inTenant } from '../../db/tenancy';

export interface RowProblem {
  rowNumber: number;
  column: string | null;
  code: string;
  message: string;
  warning: boolean;
  /** The row's recognised cells as text (rowContentOf), so a reader can find the row; null for the header. */
  rowContent?: string | null;
}

const BATCH = 1000;
/** At most this many problems are kept per job; the job keeps the true counts. */
export const STORED_PROBLEMS_CAP = 10_000;

/**
 * Writes row problems in batches, each in its own short transaction under the tenant's scope, so they
 * outlive the import's own transaction when it rolls back.
 */
export class ErrorSink {
  private buffer: RowProblem[] = [];
  private stored = 0;
  private dropped = 0;

  constructor(
    private readonly db: DataSource,
    private readonly tenantId: string,
    private readonly jobId: string,
  ) {}

  add(problem: RowProblem): void {
    if (this.stored + this.buffer.length >= STORED_PROBLEMS_CAP) this.dropped += 1;
    else this.buffer.push(problem);
  }

  async flushIfFull(): Promise<void> {
    if (this.buffer.length >= BATCH) await this.flush();
  }

  /** Writes the rest, and a closing note when problems were left out. */
  async close(): Promise<void> {
    if (this.dropped) {
      this.buffer.push({
        rowNumber: 0,
        column: null,
        code: 'TOO_MANY_PROBLEMS',
        message: `问题过多：只保存了前 ${STORED_PROBLEMS_CAP} 条，另有 ${this.dropped} 条未保存`,
        warning: false,
      });
      this.dropped = 0;
    }
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.buffer.length) return;
    const rows = this.buffer;
    this.buffer = [];
    const first = this.stored + 1;
    this.stored += rows.length;
    await inTenant(this.db, this.tenantId, (m) =>
      m.query(
        `INSERT INTO import_errors (tenant_id, job_id, seq, row_number, "column", code, message, warning, row_content)
         SELECT $1, $2, $3 + o - 1, r, c, k, msg, w, rc
           FROM unnest($4::int[], $5::text[], $6::text[], $7::text[], $8::bool[], $9::text[]) WITH ORDINALITY AS p(r, c, k, msg, w, rc, o)`,
        [
          this.tenantId,
          this.jobId,
          first,
          rows.map((p) => p.rowNumber),
          rows.map((p) => p.column),
          rows.map((p) => p.code),
          rows.map((p) => p.message),
          rows.map((p) => p.warning),
          rows.map((p) => p.rowContent ?? null),
        ],
      ),
    );
  }
}
